// Symmetric encrypt and decrypt: formats, the 32 KB limit at its edge, the round trip.
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키-암호화, #대칭키-복호화; skm-api-v1.2.ja.md#対称鍵暗号化, #対称鍵復号
// ASCII only here, where bytes and characters agree; the multi-byte edge is SKM-SYM-ENC-004.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, controlFor, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { attribute, decodeOrFail, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { CONTROL_PLAINTEXT, mainKeys } from '../../../../harness/valid-calls.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';
import { decodeBase64 } from '../../../../harness/formats.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

const LIMIT = 32 * 1024;

function notTheOriginal(ex: Exchange, original: string): void {
  ensure((ex.body as { plaintext?: unknown } | undefined)?.plaintext !== original, { oracle: 'tamper', title: 'Altered ciphertext decrypted to the original', expected: 'a refusal or other text', received: 'the original plaintext', exchange: ex });
}

for (const version of versionsOf('symmetricEncrypt')) {
  const encrypt = operationId('symmetricEncrypt', version);
  const decrypt = operationId('symmetricDecrypt', version);

  test.describe(`symmetric encrypt/decrypt ${version}`, variant(version), () => {
    test('encrypt returns Base64 ciphertext and an integer key version', requirement('SKM-SYM-ENC-001', 'SKM-SYM-ENC-005', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const ex = await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'data' } });
      const body = await attribute(['SKM-SYM-ENC-001', 'SKM-VER-TYPE-001'], () => succeeds<{ ciphertext: string }>(ex));
      await attribute('SKM-SYM-ENC-005', () => decodeOrFail('ciphertext', () => decodeBase64(body.ciphertext), ex));
    });

    test('decrypt returns the original plaintext and the key version encrypt reported', requirement('SKM-SYM-DEC-001', 'SKM-SYM-RT-001', 'SKM-SYM-RT-002'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const plaintext = `round trip ${randomBytes(8).toString('hex')}`;
      const enc = (await control(skm, encrypt, { keyId: key.id, body: { plaintext } })).body as { ciphertext: string; keyVersion: number };
      const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
      const dec = await attribute('SKM-SYM-DEC-001', () => succeeds<{ plaintext: string; keyVersion: number }>(ex));
      await attribute('SKM-SYM-RT-001', () => ensure(dec.plaintext === plaintext, { oracle: 'roundTrip', title: 'Decrypt changed the plaintext', expected: JSON.stringify(plaintext), received: JSON.stringify(dec.plaintext), exchange: ex }));
      await attribute('SKM-SYM-RT-002', () => ensure(dec.keyVersion === enc.keyVersion, { oracle: 'roundTrip', title: 'Decrypt reports another key version', expected: `keyVersion ${enc.keyVersion}`, received: `keyVersion ${dec.keyVersion}`, exchange: ex }));
    });

    test('encrypt accepts exactly 32 KB and decrypt returns it', requirement('SKM-SYM-ENC-002', 'SKM-SYM-RT-004'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const plaintext = 'a'.repeat(LIMIT - 8) + randomBytes(4).toString('hex');
      const enc = await attribute('SKM-SYM-ENC-002', async () => succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext } })));
      const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
      await attribute('SKM-SYM-RT-004', () => {
        const dec = succeeds<{ plaintext: string }>(ex);
        ensure(dec.plaintext === plaintext, { oracle: 'roundTrip', title: 'Decrypt changed a 32 KB plaintext', expected: `${LIMIT} characters back`, received: `${dec.plaintext.length} characters, different`, exchange: ex });
      });
    });

    test('encrypt rejects one byte over 32 KB', requirement('SKM-SYM-ENC-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
      await expectRefused(c, { expectations, breaking: { body: { plaintext: 'a'.repeat(LIMIT + 1) } } });
    });

    test('the 32 KB limit counts what the profile says', requirement('SKM-SYM-ENC-004'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
      // 10,923 three-byte characters: 32,769 UTF-8 bytes but only 10,923 characters.
      const over = { body: { plaintext: '가'.repeat(10_923) } };
      const unit = expectations.plaintextLimitUnit;
      if (unit === 'bytes') await expectRefused(c, { expectations, breaking: over });
      else if (unit === 'characters') succeeds(await skm.call(encrypt, { ...c.opts, ...over }));
      else {
        // Unpinned: bytes or characters is unknown, so either answer passes; a 5xx or a broken success never.
        for (const n of [10_923, 32_768]) {
          await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { plaintext: '가'.repeat(n) } } }, (ex) => void succeeds(ex));
        }
      }
    });

    test('decrypt refuses a value it did not produce with Invalid User Data', requirement('SKM-ERR-DATA-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricDecrypt', version, mainKeys(target));
      await expectRefused(c, { expectations, breaking: { body: { ciphertext: '!!not base64!!' } }, message: 'Invalid User Data' });
      const real = Buffer.from((c.opts.body as { ciphertext: string }).ciphertext, 'base64');
      // Keep the real first four bytes (the key version, FACTS.md) so only the data is foreign.
      const forged = Buffer.concat([real.subarray(0, 4), randomBytes(44)]).toString('base64');
      // Unpinned, Invalid Key Version too: random bytes may be read as a version that does not exist.
      const message = expectations.strict.has('SKM-ERR-DATA-001') ? 'Invalid User Data' : (['Invalid User Data', 'Invalid Key Version'] as const);
      await expectRefused(c, { expectations, breaking: { body: { ciphertext: forged } }, message });
    });

    test('decrypt never returns the original text of a ciphertext altered in one byte', requirement('SKM-SEC-CT-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricDecrypt', version, mainKeys(target));
      const bytes = Buffer.from((c.opts.body as { ciphertext: string }).ciphertext, 'base64');
      bytes[bytes.length - 1] ^= 0x01;
      await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { ciphertext: bytes.toString('base64') } } }, (ex) => notTheOriginal(ex, CONTROL_PLAINTEXT));
    });

    test('decrypt refuses a ciphertext altered in one byte', requirement('SKM-ERR-DATA-002'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricDecrypt', version, mainKeys(target));
      const bytes = Buffer.from((c.opts.body as { ciphertext: string }).ciphertext, 'base64');
      bytes[bytes.length - 1] ^= 0x01;
      const breaking = { body: { ciphertext: bytes.toString('base64') } };
      // Unpinned, an unauthenticated mode may return other text instead of failing (the AES mode is unknown).
      if (expectations.strict.has('SKM-ERR-DATA-002')) await expectRefused(c, { expectations, breaking, message: 'Invalid User Data' });
      else await expectRefusedOrSucceeds(c, { expectations, breaking }, (ex) => notTheOriginal(ex, CONTROL_PLAINTEXT));
    });
  });
}
