// createCustomKey with requestPlainKey, over the documented bits: the plain data key has bits/8 bytes, and
// decrypting the wrapped key gives exactly it. Data keys are key material: masked in every output.
import fc from 'fast-check';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { propertyParameters } from '../../../../harness/property-settings.ts';
import { field, succeeds } from '../../harness/oracles.ts';
import { keyTag, needVariant } from '../../harness/suite-support.ts';
import { requirement, test, variant } from '../../harness/test.ts';

const version = 'v2' as const;

test.describe('createCustomKey data keys', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('the plain data key has the bits asked and is what the ciphertext wraps', requirement('NCP-CCK-BITS-001', 'NCP-CCK-PLN-001'), async ({ kms, target }, testInfo) => {
    const tag = keyTag(target, 'aes256');
    await fc.assert(fc.asyncProperty(fc.constantFrom(128, 256, 512), async (bits) => {
      const made = await kms.send({ keyTag: tag, action: 'createCustomKey', version, body: { bits, requestPlainKey: true } });
      const data = await attribute('NCP-CCK-PLN-001', () => succeeds(made));
      const plainKey = await attribute('NCP-CCK-PLN-001', () => field(made, data, 'plaintext'));
      const length = Buffer.from(plainKey, 'base64').length;
      await attribute('NCP-CCK-BITS-001', () => ensure(length === bits / 8, { oracle: 'customKey', title: 'Data key of another size', expected: `${bits / 8} bytes (bits ${bits})`, received: `${length} bytes`, exchange: made }));
      const opened = await kms.send({ keyTag: tag, action: 'decrypt', version, body: { ciphertext: field(made, data, 'ciphertext') } });
      await attribute('NCP-CCK-PLN-001', () => ensure(field(opened, succeeds(opened), 'plaintext') === plainKey, { oracle: 'customKey', title: 'The wrapped key is not the plain data key', expected: 'decrypt(ciphertext) equal to data.plaintext', received: 'another key', exchange: opened }));
    }), propertyParameters(testInfo, 6));
  });
});
