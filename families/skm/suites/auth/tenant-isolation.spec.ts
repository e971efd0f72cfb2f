// A second appkey never reaches the first appkey's keys, for reading, using or deleting.
// Source: skm-api-v1.0-v1.1.ko.md#api-요청의-경로-변수 (keys belong to the project of the appkey)
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { details } from '../../../../harness/test-details.ts';
import { validCallsIn } from '../variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { KEY_KIND, mainKeys } from '../../../../harness/valid-calls.ts';
import { control, controlFor, expectRefused } from '../../../../harness/refusal-check.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute } from '../../../../harness/oracles/conformance-failure.ts';

for (const op of operations.filter((o) => KEY_KIND[o.operation])) {
  test(`${op.operationId}: another appkey cannot use this appkey's key`, details(requirement('SKM-SEC-TEN-001'), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
    const c = await controlFor(skm, op.operation, op.version, mainKeys(target));
    await expectRefused(c, { expectations, breaking: { appkey: other.appkey, credentials: op.version === 'v1.2' ? other.credentials ?? null : undefined } });
  });
}

test('another appkey cannot schedule the deletion of, or delete, this appkey\'s key', details(requirement('SKM-SEC-TEN-003'), variant('v1.2')), async ({ skm, target, expectations, provisioner }) => {
  const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
  const asOther = { appkey: other.appkey, credentials: other.credentials ?? null };
  const [mine, theirs] = [await provisioner.create('secret'), await provisioner.create('secret')].map((ex) => succeeds<{ keyId: string }>(ex).keyId);
  // Each control is the same call by the owner, on a twin key, so the key under attack stays as it was.
  const schedule = await control(skm, 'scheduleKeyDeletion_v1_2', { keyId: mine });
  await expectRefused(schedule, { expectations, breaking: { keyId: theirs, ...asOther } });
  const remove = await control(skm, 'deleteKeyImmediately_v1_2', { keyId: mine });
  provisioner.forget(mine);
  await expectRefused(remove, { expectations, breaking: { keyId: theirs, ...asOther } });
  await attribute('SKM-SEC-TEN-003', async () => succeeds(await skm.call('getSecret_v1_2', { keyId: theirs })));
});
