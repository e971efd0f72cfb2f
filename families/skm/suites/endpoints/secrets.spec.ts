// Secret query. Source: skm-api-v1.0-v1.1.ko.md#기밀-데이터-조회, skm-api-v1.2.ja.md#機密データ照会
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { ConformanceFailure } from '../../../../harness/oracles/conformance-failure.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

for (const version of versionsOf('getSecret')) {
  test.describe(`secret query ${version}`, variant(version), () => {
    test('returns the secret as a string', requirement('SKM-SCR-GET-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const secret = needFixture(target.profile.keys.secret, 'keys.secret');
      succeeds(await skm.call(operationId('getSecret', version), { keyId: secret.id }));
    });

    test('returns the stored value unchanged', requirement('SKM-SCR-GET-002'), async ({ skm, target }) => {
      needVersion(target, version);
      const secret = needFixture(target.profile.keys.secret, 'keys.secret');
      const expected = needFixture(secret.value, 'keys.secret.value');
      const ex = await skm.call(operationId('getSecret', version), { keyId: secret.id });
      const body = succeeds<{ secret: string }>(ex);
      if (body.secret !== expected) {
        throw new ConformanceFailure({ oracle: 'secretValue', title: 'Secret value changed', expected: 'the value of keys.secret.value', received: `a different value of ${body.secret.length} characters`, exchange: ex });
      }
    });
  });
}
