// Versions and API versions beyond the MUSTs: a version Scheduled to be Deleted cannot be read,
// and v1.0 and v1.2 share keys. Sources: skm-solution-guide.en.txt; FACTS.md
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, expectRefused } from '../../../../harness/refusal-check.ts';
import { ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

const SCHEDULED_READS = [
  ['getSymmetricKey', 'v1.1', 'symmetric'],
  ['getSymmetricKey', 'v1.2', 'symmetric'],
  ['getPrivateKey', 'v1.0', 'asymmetric'],
  ['getPublicKey', 'v1.2', 'asymmetric'],
] as const;

for (const [operation, version, kind] of SCHEDULED_READS) {
  test(`${operationId(operation, version)}: a key version Scheduled to be Deleted cannot be read`, details(requirement('SKM-VER-STAT-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const r = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
    const scheduled = needFixture(r.scheduledVersion, 'fixtures.rotated.scheduledVersion').version;
    const keyId = needFixture(r[kind], `fixtures.rotated.${kind}`);
    // Unpinned, Invalid Key Version too: the guide names the message only for decrypt and verify.
    const message = expectations.strict.has('SKM-VER-STAT-001') ? 'Invalid Key Version Status' : (['Invalid Key Version Status', 'Invalid Key Version'] as const);
    const c = await control(skm, operationId(operation, version), { keyId, query: { keyVersion: r.latestVersion } });
    await expectRefused(c, { expectations, breaking: { query: { keyVersion: scheduled } }, message });
  });
}

test('a v1.0 ciphertext decrypts through v1.2 and the other way round', details(requirement('SKM-MGT-DATA-001'), variant('v1.0', 'v1.2')), async ({ skm, target }) => {
  needVersion(target, 'v1.0');
  needVersion(target, 'v1.2');
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  for (const [from, to] of [['v1_0', 'v1_2'], ['v1_2', 'v1_0']]) {
    const enc = succeeds<{ ciphertext: string }>(await skm.call(`symmetricEncrypt_${from}`, { keyId: key.id, body: { plaintext: `across ${from}` } }));
    const ex = await skm.call(`symmetricDecrypt_${to}`, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
    ensure(succeeds<{ plaintext: string }>(ex).plaintext === `across ${from}`, { oracle: 'sharedKeys', title: 'API versions do not share the key', expected: `across ${from}`, received: 'another text', exchange: ex });
  }
});
