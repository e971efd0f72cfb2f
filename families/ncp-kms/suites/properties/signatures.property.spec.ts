// Sign then verify, for RSA2048 and ECDSA keys, over generated data: verify reports valid true, and with
// the profile's public key node:crypto verifies the signature too, independently of the target (recorded
// while no known scheme fits: the format is unpublished). Verify does not take other data or a changed byte.
import fc from 'fast-check';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { propertyParameters } from '../../../../harness/property-settings.ts';
import { b64, PREFIX, shownBody, type Json } from '../../harness/answers.ts';
import { observe } from '../../harness/expectations.ts';
import { field, succeeds } from '../../harness/oracles.ts';
import { control, expectRefusedOr } from '../../harness/refusal-check.ts';
import { keyTag, needVariant, prepare } from '../../harness/suite-support.ts';
import { IndependentVerifier } from '../../harness/signature-check.ts';
import { randomText } from '../../harness/valid-calls.ts';
import { requirement, test, variant } from '../../harness/test.ts';

const version = 'v2' as const;
const isValid = (d: Json) => d.valid === true || d.valid === 'true';

const KEYS = [
  { role: 'rsa2048' as const, id: 'NCP-SIG-RT-001', name: 'RSA2048' },
  { role: 'ecdsa' as const, id: 'NCP-SIG-RT-002', name: 'ECDSA' },
];

test.describe('signatures', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  for (const k of KEYS) {
    test(`${k.name}: verify takes every signature sign made`, requirement(k.id), async ({ kms, target }, testInfo) => {
      const tag = keyTag(target, k.role);
      const publicKey = target.profile.keys[k.role]?.publicKey;
      const independent = publicKey ? new IndependentVerifier(publicKey) : undefined;
      await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 1024 }), async (bytes) => {
        const data = b64(Buffer.from(bytes));
        const signed = await kms.send({ keyTag: tag, action: 'sign', version, body: { data } });
        const signature = await attribute(k.id, () => field(signed, succeeds(signed), 'signature'));
        const verified = await kms.send({ keyTag: tag, action: 'verify', version, body: { data, signature } });
        await attribute(k.id, () => ensure(isValid(succeeds(verified)), { oracle: 'verify', title: 'A signature sign made does not verify', expected: 'valid true', received: shownBody(verified), exchange: verified }));
        const verdict = independent?.check(Buffer.from(bytes), signature);
        if (verdict?.scheme) {
          await attribute(k.id, () => ensure(verdict.verified, { oracle: 'independentVerify', title: 'Signature does not verify with the public key', expected: `a valid ${verdict.scheme} signature of the data`, received: signature.slice(0, 40), exchange: signed }));
        }
      }), propertyParameters(testInfo, 8));
      observe(k.id, independent ? `checked with node:crypto: ${independent.schemeName ?? 'no known scheme fits'}` : 'no public key in the profile: not checked independently');
    });
  }

  test('verify does not take a signature of other data or one changed in a byte', requirement('NCP-VFY-NEG-001'), async ({ kms, target, expectations }) => {
    const tag = keyTag(target, 'ecdsa');
    const data = randomText(48);
    const signature = await prepare(kms, { keyTag: tag, action: 'sign', version, body: { data } }, 'signature');
    const c = await control(kms, { keyTag: tag, action: 'verify', version, body: { data, signature } }, {
      confirm: (d, ex) => ensure(isValid(d), { oracle: 'verify', title: 'The control did not verify', expected: 'valid true', received: JSON.stringify(d.valid), exchange: ex }),
    });
    const prefix = PREFIX.exec(signature)?.[0] ?? '';
    const bytes = Buffer.from(signature.slice(prefix.length), 'base64');
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    for (const body of [{ data: randomText(48), signature }, { data, signature: prefix + bytes.toString('base64') }]) {
      await expectRefusedOr(c, {
        breaking: { body },
        judge: (ex) => {
          expectations.pinned('NCP-VFY-NEG-001', false, { oracle: 'verify', title: 'A wrong signature refused instead of valid false', expected: 'valid false', received: `HTTP ${ex.response?.status}`, exchange: ex });
        },
      }, async (d, ex) => {
        await attribute('NCP-VFY-NEG-001', () => ensure(d.valid === false || d.valid === 'false', { oracle: 'verify', title: 'A wrong signature verified', expected: 'valid false (or a refusal)', received: JSON.stringify(d.valid), exchange: ex }));
      });
    }
  });
});
