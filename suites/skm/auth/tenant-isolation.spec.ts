// A second appkey never reaches the first appkey's keys, for reading, using or deleting.
// Source: skm-api-v1.0-v1.1.ko.md#api-요청의-경로-변수 (keys belong to the project of the appkey)
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { KEY_KIND, mainKeys, validCall } from '../../../harness/valid-calls.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { leaksNothing } from '../../../harness/oracles/leaks.ts';

for (const op of operations.filter((o) => KEY_KIND[o.operation])) {
  test(`${op.operationId}: another appkey cannot use this appkey's key`, requirement('SKM-SEC-TEN-001'), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
    const opts = needFixture(await validCall(skm, op.operation, op.version, mainKeys(target)), `keys.${KEY_KIND[op.operation]}`);
    const control = await skm.call(op.operationId, opts);
    const body = succeeds<Record<string, unknown>>(control);
    const ex = await skm.call(op.operationId, { ...opts, appkey: other.appkey, credentials: op.version === 'v1.2' ? other.credentials ?? null : undefined });
    refused(ex, expectations);
    leaksNothing(ex, Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string')));
  });
}

test('another appkey cannot schedule the deletion of, or delete, this appkey\'s key', requirement('SKM-SEC-TEN-003'), async ({ skm, target, expectations, provisioner }) => {
  const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  const as = { appkey: other.appkey, credentials: other.credentials ?? null, keyId };
  refused(await skm.call('scheduleKeyDeletion_v1_2', as), expectations);
  refused(await skm.call('deleteKeyImmediately_v1_2', as), expectations);
  succeeds(await skm.call('getSecret_v1_2', { keyId }));
});
