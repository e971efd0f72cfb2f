// Symmetric key query: v1.0 without versions, v1.1 and v1.2 by keyVersion.
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키-조회, skm-api-v1.2.ja.md#対称鍵照会
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { decodeOrFail, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { decodeHexListing } from '../../../harness/formats.ts';

test('v1.0 symmetric key query returns a 32-byte hex listing', requirement('SKM-SYM-KEY-001', 'SKM-SYM-KEY-002', 'SKM-SYM-KEY-003'), async ({ skm, target }) => {
  needVersion(target, 'v1.0');
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  const ex = await skm.call('getSymmetricKey_v1_0', { keyId: key.id });
  const body = succeeds<{ symmetricKey: string }>(ex);
  const bytes = decodeOrFail('symmetricKey', () => decodeHexListing(body.symmetricKey), ex);
  ensure(bytes.length === 32, { oracle: 'symmetricKey', title: 'Symmetric key is not 32 bytes', expected: '32 bytes (AES-256)', received: `${bytes.length} bytes`, exchange: ex });
});

for (const version of ['v1.1', 'v1.2']) {
  test(`${version} symmetric key query returns the version asked for`, requirement('SKM-SYM-KEY-002', 'SKM-SYM-KEY-003', 'SKM-SYM-KEY-004', 'SKM-SYM-KEY-005', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    // The version encrypt uses exists for certain, whatever the key's history.
    const enc = succeeds<{ keyVersion: number }>(await skm.call(target.profile.apiVersions.includes('v1.0') ? 'symmetricEncrypt_v1_0' : 'symmetricEncrypt_v1_2', { keyId: key.id, body: { plaintext: 'x' } }));
    const ex = await skm.call(`getSymmetricKey_${version.replace('.', '_')}`, { keyId: key.id, query: { keyVersion: enc.keyVersion } });
    const body = succeeds<{ symmetricKey: string; keyVersion: number }>(ex);
    const bytes = decodeOrFail('symmetricKey', () => decodeHexListing(body.symmetricKey), ex);
    ensure(bytes.length === 32, { oracle: 'symmetricKey', title: 'Symmetric key is not 32 bytes', expected: '32 bytes', received: `${bytes.length} bytes`, exchange: ex });
    ensure(body.keyVersion === enc.keyVersion, { oracle: 'keyVersion', title: 'Another key version returned', expected: `keyVersion ${enc.keyVersion}`, received: `keyVersion ${body.keyVersion}`, exchange: ex });
  });
}
