// What protects data beyond the round trips: a ciphertext changed after its prefix is refused, the same
// plaintext encrypts differently each time, and an error gives away neither the plaintext nor the secret key.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { PREFIX } from '../harness/answers.ts';
import { field, succeeds } from '../harness/oracles.ts';
import { control, expectRefused } from '../harness/refusal-check.ts';
import { keyTag, needVariant, prepare } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';

const version = 'v2' as const;

test.describe('security', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('a ciphertext changed in one byte after its prefix is refused', requirement('NCP-SEC-CT-001'), async ({ kms, target }) => {
    const tag = keyTag(target, 'aes256');
    const plaintext = randomText(32);
    const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext } }, 'ciphertext');
    const c = await control(kms, { keyTag: tag, action: 'decrypt', version, body: { ciphertext } }, {
      confirm: (d, ex) => ensure(d.plaintext === plaintext, { oracle: 'roundTrip', title: 'The control did not decrypt', expected: plaintext, received: JSON.stringify(d.plaintext), exchange: ex }),
    });
    const prefix = PREFIX.exec(ciphertext)?.[0] ?? '';
    const bytes = Buffer.from(ciphertext.slice(prefix.length), 'base64');
    // A byte in the middle: inside the encrypted data whatever the layout (nonce first or tag last).
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await expectRefused(c, { breaking: { body: { ciphertext: prefix + bytes.toString('base64') } }, protect: { plaintext } });
  });

  test('the same plaintext encrypted twice gives two ciphertexts', requirement('NCP-SEC-RND-001'), async ({ kms, target, expectations }) => {
    const call = { keyTag: keyTag(target, 'aes256'), action: 'encrypt' as const, version, body: { plaintext: randomText(24) } };
    const [first, second] = [await kms.send(call), await kms.send(call)];
    const [a, b] = await attribute('NCP-SEC-RND-001', () => [field(first, succeeds(first), 'ciphertext'), field(second, succeeds(second), 'ciphertext')]);
    expectations.pinned('NCP-SEC-RND-001', a !== b, { oracle: 'randomness', title: 'The same ciphertext twice', expected: 'two different ciphertexts', received: 'equal ciphertexts', exchange: second });
  });

  test('an error gives away neither the plaintext nor the secret key', requirement('NCP-SEC-ECHO-001'), async ({ kms, target }) => {
    const plaintext = randomText(32);
    const c = await control(kms, { keyTag: keyTag(target, 'aes256'), action: 'encrypt', version, body: { plaintext } });
    const raw = Buffer.from(plaintext, 'base64').toString('latin1');
    await expectRefused(c, {
      breaking: { body: { plaintext, context: 'not Base64!' } },
      protect: { 'submitted plaintext': plaintext, 'submitted plaintext (raw)': raw, 'secret key': target.profile.credentials.secretKey },
    });
  });
});
