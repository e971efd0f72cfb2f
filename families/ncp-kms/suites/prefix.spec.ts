// The KMS prefix "ncpkms:v{N}:" and its role in decryption: a ciphertext whose prefix was removed or names
// another version, or that another key made, never decrypts to the original plaintext; verify does not
// take a signature whose prefix was removed or changed. Each after the untouched request succeeded.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { needFixture } from '../../../harness/not-covered.ts';
import { PREFIX, prefixVersion, type Json } from '../harness/answers.ts';
import { observe, type Expectations } from '../harness/expectations.ts';
import { control, expectRefusedOr, type Control } from '../harness/refusal-check.ts';
import { keyTag, needVariant, prepare } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';
import type { NcpTarget } from '../harness/target.ts';

const version = 'v2' as const;

const confirmPlaintext = (plaintext: string) => (data: Json, ex: Exchange) =>
  ensure(data.plaintext === plaintext, { oracle: 'roundTrip', title: 'The control did not decrypt', expected: plaintext, received: JSON.stringify(data.plaintext), exchange: ex });

/** The control: a fresh ciphertext of `role` that decrypts to its plaintext. */
async function decryptControl(kms: Parameters<typeof prepare>[0], target: NcpTarget, role: 'aes256' | 'aes256Second'): Promise<{ c: Control; plaintext: string; ciphertext: string }> {
  const tag = keyTag(target, role);
  const plaintext = randomText(32);
  const ciphertext = await prepare(kms, { keyTag: tag, action: 'encrypt', version, body: { plaintext } }, 'ciphertext');
  const c = await control(kms, { keyTag: tag, action: 'decrypt', version, body: { ciphertext } }, { confirm: confirmPlaintext(plaintext) });
  return { c, plaintext, ciphertext };
}

/** A success must not give back the original plaintext; a refusal is required where NCP-PFX-DEC-004 is pinned. */
function notTheOriginal(id: string, plaintext: string, e: Expectations) {
  return async (data: Json, ex: Exchange) => {
    await attribute(id, () => ensure(data.plaintext !== plaintext, { oracle: 'prefix', title: 'Decrypted despite the altered prefix', expected: 'a refusal or other bytes', received: 'the original plaintext', exchange: ex }));
    e.pinned('NCP-PFX-DEC-004', false, { oracle: 'prefix', title: 'Altered ciphertext answered with other bytes', expected: 'a refusal', received: 'a success with other bytes', exchange: ex });
  };
}

/** An enabled version of the AES256 key other than the newest, from the rotated fixture. */
function olderEnabledVersion(target: NcpTarget): number {
  const aes = target.profile.keys.aes256.keyTag;
  const rotated = target.profile.fixtures?.rotated?.find((r) => r.keyTag === aes);
  const older = rotated?.samples.find((s) => s.enabled && s.version !== rotated.newestVersion);
  return needFixture(older, 'fixtures.rotated entry of keys.aes256 with an older enabled version').version;
}

test.describe('the KMS prefix', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('decrypt never gives the plaintext of a ciphertext whose prefix was removed', requirement('NCP-PFX-DEC-001', 'NCP-PFX-DEC-004'), async ({ kms, target, expectations }) => {
    const { c, plaintext, ciphertext } = await decryptControl(kms, target, 'aes256');
    const bare = ciphertext.replace(PREFIX, '');
    await expectRefusedOr(c, { breaking: { body: { ciphertext: bare } } }, notTheOriginal('NCP-PFX-DEC-001', plaintext, expectations));
  });

  test('decrypt never gives the plaintext when the prefix names another enabled version', requirement('NCP-PFX-DEC-002', 'NCP-PFX-DEC-004'), async ({ kms, target, expectations }) => {
    const other = olderEnabledVersion(target);
    const { c, plaintext, ciphertext } = await decryptControl(kms, target, 'aes256');
    const renamed = ciphertext.replace(PREFIX, `ncpkms:v${other}:`);
    await expectRefusedOr(c, { breaking: { body: { ciphertext: renamed } } }, notTheOriginal('NCP-PFX-DEC-002', plaintext, expectations));
  });

  test('decrypt under one key never gives the plaintext of another key\'s ciphertext', requirement('NCP-PFX-DEC-003'), async ({ kms, target }) => {
    const { c, plaintext } = await decryptControl(kms, target, 'aes256Second');
    await expectRefusedOr(c, { breaking: { keyTag: keyTag(target, 'aes256') } }, async (data, ex) => {
      await attribute('NCP-PFX-DEC-003', () => ensure(data.plaintext !== plaintext, { oracle: 'prefix', title: 'Another key\'s ciphertext decrypted', expected: 'a refusal or other bytes', received: 'the original plaintext', exchange: ex }));
    });
  });

  test('verify does not take a signature whose prefix was removed or changed', requirement('NCP-PFX-VFY-001'), async ({ kms, target, expectations }) => {
    const tag = keyTag(target, 'ecdsa');
    const data = randomText(32);
    const signature = await prepare(kms, { keyTag: tag, action: 'sign', version, body: { data } }, 'signature');
    const c = await control(kms, { keyTag: tag, action: 'verify', version, body: { data, signature } }, {
      confirm: (d, ex) => ensure(d.valid === true || d.valid === 'true', { oracle: 'verify', title: 'The control did not verify', expected: 'valid true', received: JSON.stringify(d.valid), exchange: ex }),
    });
    const number = prefixVersion(signature);
    if (number === undefined) return observe('NCP-PFX-VFY-001', 'signatures carry no prefix: not judged');
    const changed = signature.replace(PREFIX, `ncpkms:v${number + 1}:`);
    for (const altered of [signature.replace(PREFIX, ''), changed]) {
      await expectRefusedOr(c, { breaking: { body: { data, signature: altered } } }, async (d, ex) => {
        expectations.pinned('NCP-PFX-VFY-001', d.valid !== true && d.valid !== 'true', { oracle: 'prefix', title: 'Signature with an altered prefix verified', expected: 'valid false or a refusal', received: JSON.stringify(d.valid), exchange: ex });
      });
    }
  });
});
