// Round trips over generated plaintexts: encrypt then decrypt (AES256, RSA2048, convergent), lists both
// ways, reencrypt then decrypt, single and list. The order of list answers is pinned only (NCP-LST-ORD-001).
import fc from 'fast-check';
import type { Exchange } from '../../../../harness/http/exchange.ts';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { propertyParameters } from '../../../../harness/property-settings.ts';
import { b64 } from '../../harness/answers.ts';
import type { Expectations } from '../../harness/expectations.ts';
import type { KmsClient } from '../../harness/kms-client.ts';
import { field, listField, succeeds } from '../../harness/oracles.ts';
import { keyTag, needVariant } from '../../harness/suite-support.ts';
import { requirement, test, variant } from '../../harness/test.ts';

const version = 'v2' as const;
const RUNS = 8;

const plaintexts = (max: number) => fc.uint8Array({ minLength: 1, maxLength: max }).map((u) => b64(Buffer.from(u)));
const lists = fc.array(plaintexts(64), { minLength: 1, maxLength: 5 });

const sameText = (id: string, expected: string, received: unknown, ex: Exchange) =>
  attribute(id, () => ensure(received === expected, { oracle: 'roundTrip', title: 'Round trip did not give back the plaintext', expected, received: JSON.stringify(received), exchange: ex }));

/** Decrypts one ciphertext; its success belongs to `id`. */
async function decrypted(kms: KmsClient, tag: string, ciphertext: string, id: string, context?: string): Promise<{ ex: Exchange; plaintext: string }> {
  const ex = await kms.send({ keyTag: tag, action: 'decrypt', version, body: { ciphertext, ...(context ? { context } : {}) } });
  return { ex, plaintext: await attribute(id, () => field(ex, succeeds(ex), 'plaintext')) };
}

/** The same values in any order (MUST), in the same order only where pinned (NCP-LST-ORD-001). */
async function sameValues(id: string, expected: string[], received: string[], ex: Exchange, e: Expectations): Promise<void> {
  const sorted = (v: string[]) => [...v].sort().join('\n');
  await attribute(id, () => ensure(sorted(expected) === sorted(received), { oracle: 'list', title: 'List answer does not hold the inputs', expected: `${expected.length} values, the inputs`, received: `${received.length} other values`, exchange: ex }));
  e.pinned('NCP-LST-ORD-001', expected.join('\n') === received.join('\n'), { oracle: 'list', title: 'List answer in another order', expected: 'the order of the request', received: 'another order', exchange: ex });
}

test.describe('round trips', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  const SINGLE = [
    { role: 'aes256' as const, id: 'NCP-ENC-RT-001', max: 2048, name: 'AES256' },
    { role: 'rsa2048' as const, id: 'NCP-ENC-RT-002', max: 190, name: 'RSA2048' },
  ];
  for (const s of SINGLE) {
    test(`${s.name}: decrypt gives back what encrypt took`, requirement(s.id), async ({ kms, target }, testInfo) => {
      const tag = keyTag(target, s.role);
      await fc.assert(fc.asyncProperty(plaintexts(s.max), async (plaintext) => {
        const ex = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext } });
        const ciphertext = await attribute(s.id, () => field(ex, succeeds(ex), 'ciphertext'));
        const back = await decrypted(kms, tag, ciphertext, s.id);
        await sameText(s.id, plaintext, back.plaintext, back.ex);
      }), propertyParameters(testInfo, RUNS));
    });
  }

  test('convergent: decrypt with the context gives back the plaintext', requirement('NCP-CNV-RT-001'), async ({ kms, target }, testInfo) => {
    const tag = keyTag(target, 'convergent');
    await fc.assert(fc.asyncProperty(plaintexts(512), plaintexts(36), async (plaintext, context) => {
      const ex = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext, context } });
      const ciphertext = await attribute('NCP-CNV-RT-001', () => field(ex, succeeds(ex), 'ciphertext'));
      const back = await decrypted(kms, tag, ciphertext, 'NCP-CNV-RT-001', context);
      await sameText('NCP-CNV-RT-001', plaintext, back.plaintext, back.ex);
    }), propertyParameters(testInfo, RUNS));
  });

  test('lists: encrypt answers one ciphertext per plaintext, decrypt one plaintext per ciphertext', requirement('NCP-LST-ENC-001', 'NCP-LST-DEC-001', 'NCP-LST-ORD-001'), async ({ kms, target, expectations }, testInfo) => {
    const tag = keyTag(target, 'aes256');
    await fc.assert(fc.asyncProperty(lists, async (list) => {
      const enc = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext: list } });
      const ciphertexts = await attribute('NCP-LST-ENC-001', () => listField(enc, succeeds(enc), 'ciphertextList', list.length));
      const singles: string[] = [];
      for (const c of ciphertexts) singles.push((await decrypted(kms, tag, c, 'NCP-LST-ENC-001')).plaintext);
      await sameValues('NCP-LST-ENC-001', list, singles, enc, expectations);
      const dec = await kms.send({ keyTag: tag, action: 'decrypt', version, body: { ciphertext: ciphertexts } });
      const back = await attribute('NCP-LST-DEC-001', () => listField(dec, succeeds(dec), 'plaintextList', list.length));
      await sameValues('NCP-LST-DEC-001', singles, back, dec, expectations);
    }), propertyParameters(testInfo, RUNS));
  });

  test('reencrypt: decrypt gives back the plaintext, single and list', requirement('NCP-REN-RT-001', 'NCP-LST-REN-001', 'NCP-LST-ORD-001'), async ({ kms, target, expectations }, testInfo) => {
    const tag = keyTag(target, 'aes256');
    const spelling = expectations.reencryptSpelling === 're-encrypt' ? 're-encrypt' : 'reencrypt';
    await fc.assert(fc.asyncProperty(lists, async (list) => {
      const single = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext: list[0] } });
      const ciphertext = await attribute('NCP-REN-RT-001', () => field(single, succeeds(single), 'ciphertext'));
      const one = await kms.send({ keyTag: tag, action: spelling, version, body: { ciphertext } });
      const renewed = await attribute('NCP-REN-RT-001', () => field(one, succeeds(one), 'newCiphertext'));
      const first = await decrypted(kms, tag, renewed, 'NCP-REN-RT-001');
      await sameText('NCP-REN-RT-001', list[0], first.plaintext, first.ex);
      const enc = await kms.send({ keyTag: tag, action: 'encrypt', version, body: { plaintext: list } });
      const ciphertexts = await attribute('NCP-LST-REN-001', () => listField(enc, succeeds(enc), 'ciphertextList', list.length));
      const many = await kms.send({ keyTag: tag, action: spelling, version, body: { ciphertext: ciphertexts } });
      const renewedList = await attribute('NCP-LST-REN-001', () => listField(many, succeeds(many), 'newCiphertextList', list.length));
      const back: string[] = [];
      for (const c of renewedList) back.push((await decrypted(kms, tag, c, 'NCP-LST-REN-001')).plaintext);
      await sameValues('NCP-LST-REN-001', list, back, many, expectations);
    }), propertyParameters(testInfo, RUNS));
  });
});
