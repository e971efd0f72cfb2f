// Every action served under each signature variant, in the documented envelope, with its documented
// fields. Statements and sources: families/ncp-kms/spec/requirements.yaml.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { b64, prefixVersion, shownBody } from '../harness/answers.ts';
import { observe } from '../harness/expectations.ts';
import { field } from '../harness/oracles.ts';
import {
  ENVELOPE_REQUIREMENTS, keyTag, needVariant, prefixed, prepare, SERVED_UNDER, served, successEnvelope, VARIANTS,
} from '../harness/suite-support.ts';
import { requirement, test, variant } from '../harness/test.ts';

// Bytes whose Base64 has '+' and '/', so a URL-safe answer shows.
const PLAINTEXT = b64(Buffer.concat([Buffer.from([0xfb, 0xff, 0xbf]), Buffer.from('conformance of NAVER Cloud KMS')]));

for (const version of VARIANTS) {
  test.describe(`signature ${version}`, variant(version), () => {
    const gateway = SERVED_UNDER[version];
    test.beforeEach(({ target }) => needVariant(target, version));

    test('encrypt answers a ciphertext with the KMS prefix', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-PFX-ENC-001'), async ({ kms, target, expectations }) => {
      const ex = await kms.send({ keyTag: keyTag(target, 'aes256'), action: 'encrypt', version, body: { plaintext: PLAINTEXT } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      await attribute('NCP-PFX-ENC-001', () => prefixed(ex, field(ex, data, 'ciphertext'), 'the ciphertext'));
    });

    test('decrypt answers the plaintext in standard Base64', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-ENC-B64-001', 'NCP-ENC-RT-001'), async ({ kms, target, expectations }) => {
      const tag = keyTag(target, 'aes256');
      const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext: PLAINTEXT } }, 'ciphertext');
      const ex = await kms.send({ keyTag: tag, action: 'decrypt', version, body: { ciphertext } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      const plaintext = await attribute('NCP-ENC-B64-001', () => {
        const value = field(ex, data, 'plaintext');
        ensure(/^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0, { oracle: 'base64', title: 'Plaintext not in standard Base64', expected: 'standard Base64 (+ and /, padded)', received: value.slice(0, 60), exchange: ex });
        return value;
      });
      await attribute('NCP-ENC-RT-001', () => ensure(plaintext === PLAINTEXT, { oracle: 'roundTrip', title: 'Decrypt did not give back the plaintext', expected: PLAINTEXT, received: plaintext, exchange: ex }));
    });

    test('createCustomKey answers a prefixed ciphertext and its key_version', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-CCK-GEN-001', 'NCP-PFX-CCK-001', 'NCP-PFX-CCK-002'), async ({ kms, target, expectations }) => {
      const ex = await kms.send({ keyTag: keyTag(target, 'aes256'), action: 'createCustomKey', version, body: { bits: 256 } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      const { ciphertext, keyVersion } = await attribute('NCP-CCK-GEN-001', () => {
        const keyVersion = data.key_version;
        ensure(Number.isInteger(keyVersion), { oracle: 'customKey', title: 'createCustomKey without key_version', expected: 'data.key_version, an integer', received: shownBody(ex), exchange: ex });
        return { ciphertext: field(ex, data, 'ciphertext'), keyVersion: keyVersion as number };
      });
      await attribute('NCP-PFX-CCK-001', () => prefixed(ex, ciphertext, 'the wrapped data key'));
      expectations.pinned('NCP-PFX-CCK-002', prefixVersion(ciphertext) === keyVersion, { oracle: 'customKey', title: 'Prefix version other than key_version', expected: `ncpkms:v${keyVersion}:`, received: ciphertext.slice(0, 16), exchange: ex });
    });

    test('reencrypt answers a prefixed newCiphertext', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-PFX-REN-001'), async ({ kms, target, expectations }) => {
      const tag = keyTag(target, 'aes256');
      const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext: PLAINTEXT } }, 'ciphertext');
      const spelling = expectations.reencryptSpelling === 're-encrypt' ? 're-encrypt' : 'reencrypt';
      const ex = await kms.send({ keyTag: tag, action: spelling, version, body: { ciphertext } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      await attribute('NCP-PFX-REN-001', () => prefixed(ex, field(ex, data, 'newCiphertext'), 'the new ciphertext'));
    });

    test('sign answers a signature', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-SIG-RT-001', 'NCP-PFX-SIG-001'), async ({ kms, target, expectations }) => {
      const ex = await kms.send({ keyTag: keyTag(target, 'rsa2048'), action: 'sign', version, body: { data: PLAINTEXT } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      const signature = await attribute('NCP-SIG-RT-001', () => field(ex, data, 'signature'));
      expectations.pinned('NCP-PFX-SIG-001', prefixVersion(signature) !== undefined, { oracle: 'prefixed', title: 'Signature without the KMS prefix', expected: 'ncpkms:v{version}:...', received: signature.slice(0, 16), exchange: ex });
    });

    test('verify answers valid true for a signature sign made', requirement(gateway, ...ENVELOPE_REQUIREMENTS, 'NCP-VFY-TYP-001', 'NCP-SIG-RT-002'), async ({ kms, target, expectations }) => {
      const tag = keyTag(target, 'ecdsa');
      const signature = await prepare(kms, { keyTag: tag, action: 'sign', version, body: { data: PLAINTEXT } }, 'signature');
      const ex = await kms.send({ keyTag: tag, action: 'verify', version, body: { data: PLAINTEXT, signature } });
      await attribute(gateway, () => served(ex));
      const data = await successEnvelope(ex, expectations);
      expectations.pinned('NCP-VFY-TYP-001', typeof data.valid === 'boolean', { oracle: 'verify', title: 'valid is not a JSON boolean', expected: 'true or false', received: JSON.stringify(data.valid), exchange: ex });
      const valid = data.valid === true || (!expectations.strict('NCP-VFY-TYP-001') && data.valid === 'true');
      await attribute('NCP-SIG-RT-002', () => ensure(valid, { oracle: 'verify', title: 'A signature sign made does not verify', expected: 'valid true', received: JSON.stringify(data.valid), exchange: ex }));
    });

    test('reencrypt is served under the documented spellings', requirement('NCP-REN-SPL-001', 'NCP-REN-SPL-002'), async ({ kms, target, expectations }) => {
      const tag = keyTag(target, 'aes256');
      const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext: PLAINTEXT } }, 'ciphertext');
      const servedUnder = async (action: 'reencrypt' | 're-encrypt') => {
        const ex = await kms.send({ keyTag: tag, action, version, body: { ciphertext } });
        return { action, ex, ok: ex.response !== undefined && ex.response.status < 300 && (ex.response.json as { data?: { newCiphertext?: unknown } })?.data?.newCiphertext !== undefined };
      };
      const both = [await servedUnder('reencrypt'), await servedUnder('re-encrypt')];
      const pinned = expectations.reencryptSpelling;
      const required = pinned === undefined ? [] : both.filter((s) => pinned === 'both' || s.action === pinned);
      await attribute('NCP-REN-SPL-001', () => {
        const missing = required.find((s) => !s.ok);
        const none = !both.some((s) => s.ok);
        const culprit = missing ?? (none ? both[0] : undefined);
        ensure(!culprit, { oracle: 'reencryptSpelling', title: 'Reencrypt not served under a documented spelling', expected: pinned ? `served under ${pinned} (profile: reencryptSpelling)` : 'served under /reencrypt or /re-encrypt', received: culprit ? `/${culprit.action}: HTTP ${culprit.ex.response?.status}` : '', exchange: culprit?.ex });
      });
      // A MAY: recorded, never required (a pinned 'both' is held under NCP-REN-SPL-001 above).
      const notBoth = both.find((s) => !s.ok);
      if (notBoth) observe('NCP-REN-SPL-002', `/${notBoth.action} not served (HTTP ${notBoth.ex.response?.status})`);
    });
  });
}
