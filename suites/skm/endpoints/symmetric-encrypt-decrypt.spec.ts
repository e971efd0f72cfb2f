// Symmetric encrypt and decrypt: formats, the 32 KB limit at its edge, the round trip.
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키-암호화, #대칭키-복호화; skm-api-v1.2.ja.md#対称鍵暗号化, #対称鍵復号
// ASCII only here, where bytes and characters agree; the multi-byte edge is SKM-SYM-ENC-004.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused, refusedWith } from '../../../harness/oracles/refusal.ts';
import { decodeOrFail, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { decodeBase64 } from '../../../harness/formats.ts';
import { operationId } from '../../../harness/http/skm-client.ts';

const LIMIT = 32 * 1024;

for (const version of versionsOf('symmetricEncrypt')) {
  const encrypt = operationId('symmetricEncrypt', version);
  const decrypt = operationId('symmetricDecrypt', version);

  test.describe(`symmetric encrypt/decrypt ${version}`, () => {
    test('encrypt returns Base64 ciphertext and an integer key version', requirement('SKM-SYM-ENC-001', 'SKM-SYM-ENC-005', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const ex = await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'data' } });
      const body = succeeds<{ ciphertext: string }>(ex);
      decodeOrFail('ciphertext', () => decodeBase64(body.ciphertext), ex);
    });

    test('decrypt returns the original plaintext and the key version encrypt reported', requirement('SKM-SYM-DEC-001', 'SKM-SYM-RT-001', 'SKM-SYM-RT-002'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const plaintext = `round trip ${randomBytes(8).toString('hex')}`;
      const enc = succeeds<{ ciphertext: string; keyVersion: number }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext } }));
      const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
      const dec = succeeds<{ plaintext: string; keyVersion: number }>(ex);
      ensure(dec.plaintext === plaintext, { oracle: 'roundTrip', title: 'Decrypt changed the plaintext', expected: JSON.stringify(plaintext), received: JSON.stringify(dec.plaintext), exchange: ex });
      ensure(dec.keyVersion === enc.keyVersion, { oracle: 'roundTrip', title: 'Decrypt reports another key version', expected: `keyVersion ${enc.keyVersion}`, received: `keyVersion ${dec.keyVersion}`, exchange: ex });
    });

    test('encrypt accepts exactly 32 KB and decrypt returns it', requirement('SKM-SYM-ENC-002', 'SKM-SYM-RT-004'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const plaintext = 'a'.repeat(LIMIT - 8) + randomBytes(4).toString('hex');
      const enc = succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext } }));
      const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
      const dec = succeeds<{ plaintext: string }>(ex);
      ensure(dec.plaintext === plaintext, { oracle: 'roundTrip', title: 'Decrypt changed a 32 KB plaintext', expected: `${LIMIT} characters back`, received: `${dec.plaintext.length} characters, different`, exchange: ex });
    });

    test('encrypt rejects one byte over 32 KB', requirement('SKM-SYM-ENC-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      refused(await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'a'.repeat(LIMIT + 1) } }), expectations);
    });

    test('the 32 KB limit counts what the profile says', requirement('SKM-SYM-ENC-004'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      test.skip(expectations.plaintextLimitUnit === 'any', 'not covered: bytes or characters is unknown; pin expectations.plaintextLimitUnit');
      // 10,923 three-byte characters: 32,769 UTF-8 bytes but only 10,923 characters.
      const ex = await skm.call(encrypt, { keyId: key.id, body: { plaintext: '가'.repeat(10_923) } });
      if (expectations.plaintextLimitUnit === 'bytes') refused(ex, expectations);
      else succeeds(ex);
    });

    test('decrypt refuses a value it did not produce with Invalid User Data', requirement('SKM-ERR-DATA-001', 'SKM-ERR-GEN-001', 'SKM-ERR-GEN-002'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      refusedWith(await skm.call(decrypt, { keyId: key.id, body: { ciphertext: '!!not base64!!' } }), 'Invalid User Data', expectations);
      const real = succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'data' } }));
      // Keep the real first four bytes (the key version, FACTS.md) so only the data is foreign.
      const forged = Buffer.concat([Buffer.from(real.ciphertext, 'base64').subarray(0, 4), randomBytes(44)]).toString('base64');
      refusedWith(await skm.call(decrypt, { keyId: key.id, body: { ciphertext: forged } }), 'Invalid User Data', expectations);
    });

    test('decrypt refuses a ciphertext altered in one byte', requirement('SKM-ERR-DATA-002', 'SKM-SEC-CT-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const plaintext = 'tamper with me';
      const real = succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext } }));
      const bytes = Buffer.from(real.ciphertext, 'base64');
      bytes[bytes.length - 1] ^= 0x01;
      const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: bytes.toString('base64') } });
      const body = ex.body as { plaintext?: unknown } | undefined;
      ensure(body?.plaintext !== plaintext, { oracle: 'tamper', title: 'Altered ciphertext decrypted to the original', expected: 'a refusal', received: 'the original plaintext', exchange: ex });
      refusedWith(ex, 'Invalid User Data', expectations);
    });
  });
}
