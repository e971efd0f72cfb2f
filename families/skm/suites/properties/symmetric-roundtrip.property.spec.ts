// Properties of symmetric encryption over generated input (fast-check; seed in the annotations).
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키-암호화, #대칭키-복호화
import fc from 'fast-check';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { propertyParameters } from '../../../../harness/property-settings.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { controlFor, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { CONTROL_PLAINTEXT, mainKeys } from '../../../../harness/valid-calls.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

const LIMIT = 32 * 1024;
// Unicode text of any script, kept within the limit under either reading of "32 KB"; never empty,
// which a service may refuse (SKM-SYM-ENC-007, a MAY of its own).
const text = fc
  .oneof({ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1000, maxLength: 8000 }) })
  .filter((s) => Buffer.byteLength(s) <= LIMIT);

for (const version of versionsOf('symmetricEncrypt')) {
  const encrypt = operationId('symmetricEncrypt', version);
  const decrypt = operationId('symmetricDecrypt', version);

  test.describe(`symmetric properties ${version}`, variant(version), () => {
    test('encrypt then decrypt returns the exact input for any Unicode text', requirement('SKM-SYM-RT-001', 'SKM-SYM-RT-003'), async ({ skm, target }, testInfo) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      await fc.assert(
        fc.asyncProperty(text, async (plaintext) => {
          const enc = succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext } }));
          const ex = await skm.call(decrypt, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
          const dec = succeeds<{ plaintext: string }>(ex);
          ensure(dec.plaintext === plaintext, { oracle: 'roundTrip', title: 'Round trip changed the text', expected: JSON.stringify(plaintext).slice(0, 200), received: JSON.stringify(dec.plaintext).slice(0, 200), exchange: ex });
        }),
        propertyParameters(testInfo, 20),
      );
    });

    test('any single-bit change of a ciphertext never decrypts to the original, and is refused', requirement('SKM-SEC-CT-003', 'SKM-ERR-DATA-002'), async ({ skm, target, expectations }, testInfo) => {
      needVersion(target, version);
      // The control: decrypt answers this ciphertext with its text, so a refusal of a changed one means something.
      const c = await controlFor(skm, 'symmetricDecrypt', version, mainKeys(target));
      const bytes = Buffer.from((c.opts.body as { ciphertext: string }).ciphertext, 'base64');
      const strict = expectations.strict.has('SKM-ERR-DATA-002');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: bytes.length * 8 - 1 }), async (bit) => {
          const altered = Buffer.from(bytes);
          altered[bit >> 3] ^= 1 << (bit & 7);
          await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { ciphertext: altered.toString('base64') } } }, async (ex) => {
            const plaintext = (ex.body as { plaintext?: unknown } | undefined)?.plaintext;
            await attribute('SKM-SEC-CT-003', () => ensure(plaintext !== CONTROL_PLAINTEXT, { oracle: 'tamper', title: `Ciphertext with bit ${bit} flipped decrypted to the original`, expected: 'a refusal or other text', received: 'the original plaintext', exchange: ex }));
            // Unpinned, other text is allowed too: the AES mode is unknown (SKM-ERR-DATA-002).
            await attribute('SKM-ERR-DATA-002', () => ensure(!strict, { oracle: 'tamper', title: `Ciphertext with bit ${bit} flipped was decrypted`, expected: 'a refusal (pinned by the profile)', received: 'a plaintext', exchange: ex }));
          });
        }),
        propertyParameters(testInfo, 30),
      );
    });

    test('the ciphertext never contains the plaintext', requirement('SKM-SEC-CT-002'), async ({ skm, target }, testInfo) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme-ascii', minLength: 16, maxLength: 64 }), async (plaintext) => {
          const ex = await skm.call(encrypt, { keyId: key.id, body: { plaintext } });
          const raw = Buffer.from(succeeds<{ ciphertext: string }>(ex).ciphertext, 'base64');
          ensure(!raw.includes(Buffer.from(plaintext)), { oracle: 'confidentiality', title: 'Plaintext visible in the ciphertext', expected: 'no plaintext bytes in the decoded ciphertext', received: 'the plaintext bytes', exchange: ex });
        }),
        propertyParameters(testInfo, 20),
      );
    });

    test('encrypting the same text twice gives different ciphertexts', requirement('SKM-SEC-CT-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const a = succeeds<{ ciphertext: string }>(await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'same text' } }));
      const ex = await skm.call(encrypt, { keyId: key.id, body: { plaintext: 'same text' } });
      ensure(succeeds<{ ciphertext: string }>(ex).ciphertext !== a.ciphertext, { oracle: 'nonDeterministic', title: 'Deterministic encryption', expected: 'two different ciphertexts', received: 'the same ciphertext twice', exchange: ex });
    });
  });
}
