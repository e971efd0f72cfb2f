// createCustomKey beyond its envelope: optional fields, the plain data key only when asked, the bits
// allowed, fresh keys. Round trips of the data key are in properties/custom-key.property.spec.ts.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { succeeds } from '../harness/oracles.ts';
import { control, expectRefusedOr } from '../harness/refusal-check.ts';
import { keyTag, needVariant } from '../harness/suite-support.ts';
import { requirement, test, variant } from '../harness/test.ts';

const version = 'v2' as const;

test.describe('createCustomKey', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('succeeds without bits, requestPlainKey or context, and gives no plain key unless asked', requirement('NCP-CCK-GEN-002', 'NCP-CCK-PLN-002'), async ({ kms, target }) => {
    const tag = keyTag(target, 'aes256');
    for (const body of [{}, { requestPlainKey: false }]) {
      const ex = await kms.send({ keyTag: tag, action: 'createCustomKey', version, body });
      const data = await attribute('NCP-CCK-GEN-002', () => succeeds(ex, `createCustomKey ${JSON.stringify(body)}`));
      await attribute('NCP-CCK-PLN-002', () => ensure(data.plaintext === undefined, { oracle: 'customKey', title: 'Plain data key given unasked', expected: 'no data.plaintext', received: 'data.plaintext present', exchange: ex }));
    }
  });

  test('refuses bits other than 128, 256 and 512', requirement('NCP-CCK-BITS-002'), async ({ kms, target, expectations }) => {
    const c = await control(kms, { keyTag: keyTag(target, 'aes256'), action: 'createCustomKey', version, body: { bits: 256 } });
    await expectRefusedOr(c, { breaking: { body: { bits: 192 } } }, (_data, ex) => {
      expectations.pinned('NCP-CCK-BITS-002', false, { oracle: 'customKey', title: 'bits 192 accepted', expected: 'a refusal', received: 'a success', exchange: ex });
    });
  });

  test('two calls give two different data keys', requirement('NCP-CCK-RND-001'), async ({ kms, target, expectations }) => {
    const call = { keyTag: keyTag(target, 'aes256'), action: 'createCustomKey' as const, version, body: { bits: 256, requestPlainKey: true } };
    const [first, second] = [await kms.send(call), await kms.send(call)];
    const keys = await attribute('NCP-CCK-RND-001', () => [succeeds(first), succeeds(second)].map((d) => d.plaintext));
    expectations.pinned('NCP-CCK-RND-001', keys[0] !== keys[1], { oracle: 'customKey', title: 'The same data key twice', expected: 'two different data keys', received: 'equal data keys', exchange: second });
  });
});
