// Convergent AES256 keys: context required on encrypt and decrypt, the same plaintext and context always
// the same ciphertext, and (inferred, pinned only) context taking part in the cipher.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { field, succeeds } from '../harness/oracles.ts';
import { control, expectRefused, expectRefusedOr } from '../harness/refusal-check.ts';
import { keyTag, needVariant, prepare } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';

const version = 'v2' as const;

test.describe('convergent keys', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('encrypt without context is refused', requirement('NCP-CNV-REQ-001'), async ({ kms, target }) => {
    const c = await control(kms, { keyTag: keyTag(target, 'convergent'), action: 'encrypt', version, body: { plaintext: randomText(24), context: randomText(12) } });
    await expectRefused(c, { breaking: { body: { plaintext: randomText(24) } } });
  });

  test('decrypt without context is refused', requirement('NCP-CNV-REQ-002'), async ({ kms, target }) => {
    const tag = keyTag(target, 'convergent');
    const [plaintext, context] = [randomText(24), randomText(12)];
    const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext, context } }, 'ciphertext');
    const c = await control(kms, { keyTag: tag, action: 'decrypt', version, body: { ciphertext, context } }, {
      confirm: (d, ex) => ensure(d.plaintext === plaintext, { oracle: 'roundTrip', title: 'The control did not decrypt', expected: plaintext, received: JSON.stringify(d.plaintext), exchange: ex }),
    });
    await expectRefused(c, { breaking: { body: { ciphertext } } });
  });

  test('the same plaintext and context give the same ciphertext, and two contexts two', requirement('NCP-CNV-DET-001', 'NCP-CNV-DIF-001'), async ({ kms, target, expectations }) => {
    const tag = keyTag(target, 'convergent');
    const plaintext = randomText(24);
    const encrypt = async (context: string) => {
      const ex = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext, context } });
      return { ex, ciphertext: await attribute('NCP-CNV-DET-001', () => field(ex, succeeds(ex), 'ciphertext')) };
    };
    const context = randomText(12);
    const [first, again, other] = [await encrypt(context), await encrypt(context), await encrypt(randomText(12))];
    await attribute('NCP-CNV-DET-001', () => ensure(first.ciphertext === again.ciphertext, { oracle: 'convergent', title: 'Convergent encryption not deterministic', expected: first.ciphertext.slice(0, 40), received: again.ciphertext.slice(0, 40), exchange: again.ex }));
    expectations.pinned('NCP-CNV-DIF-001', other.ciphertext !== first.ciphertext, { oracle: 'convergent', title: 'Two contexts, one ciphertext', expected: 'different ciphertexts', received: 'the same ciphertext', exchange: other.ex });
  });

  test('decrypt with another context does not give back the plaintext', requirement('NCP-CNV-CTX-001'), async ({ kms, target, expectations }) => {
    const tag = keyTag(target, 'convergent');
    const [plaintext, context] = [randomText(24), randomText(12)];
    const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext, context } }, 'ciphertext');
    const c = await control(kms, { keyTag: tag, action: 'decrypt', version, body: { ciphertext, context } }, {
      confirm: (d, ex) => ensure(d.plaintext === plaintext, { oracle: 'roundTrip', title: 'The control did not decrypt', expected: plaintext, received: JSON.stringify(d.plaintext), exchange: ex }),
    });
    await expectRefusedOr(c, { breaking: { body: { ciphertext, context: randomText(12) } } }, (d, ex) => {
      expectations.pinned('NCP-CNV-CTX-001', d.plaintext !== plaintext, { oracle: 'convergent', title: 'Decrypted under another context', expected: 'a refusal or other bytes', received: 'the plaintext', exchange: ex });
    });
  });
});
