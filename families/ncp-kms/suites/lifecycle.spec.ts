// Key versions and states, from the profile's fixtures (values only the service can make): the newest
// enabled version encrypts and signs, older enabled ones still decrypt and verify, disabled versions and
// keys are refused, reencrypt moves a ciphertext to the newest version. Refusals after a control.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { needFixture } from '../../../harness/not-covered.ts';
import { kmsErrorCode, prefixVersion, shownBody, type Json } from '../harness/answers.ts';
import type { Expectations } from '../harness/expectations.ts';
import { field, succeeds } from '../harness/oracles.ts';
import { control, expectRefused, expectRefusedOr } from '../harness/refusal-check.ts';
import { keyTag, needVariant, prepare } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';
import type { KeyType, NcpTarget, RotatedFixture, VersionSample } from '../harness/target.ts';

const version = 'v2' as const;

function rotated(target: NcpTarget, type: KeyType): RotatedFixture {
  return needFixture(target.profile.fixtures?.rotated?.find((r) => r.keyType === type), `fixtures.rotated entry of a ${type} key`);
}

function sampleOf(r: RotatedFixture, enabled: boolean, has: 'ciphertext' | 'signature'): VersionSample {
  return needFixture(r.samples.find((s) => s.enabled === enabled && s[has] !== undefined), `fixtures.rotated sample of ${r.keyType} with an ${enabled ? 'older enabled' : 'disabled'} version`);
}

const isValid = (d: Json) => d.valid === true || d.valid === 'true';

/** A disabled key or version is refused with INVALID_STATUS or UNPROCESSABLE_ENTITY (pinned). */
function statusRefusal(e: Expectations) {
  return (ex: Exchange) => {
    const code = kmsErrorCode(ex) ?? '(gateway body)';
    e.pinned('NCP-ERR-MAP-003', ['INVALID_STATUS', 'UNPROCESSABLE_ENTITY'].includes(code), { oracle: 'kmsError', title: 'Disabled key or version refused with another code', expected: 'INVALID_STATUS or UNPROCESSABLE_ENTITY', received: code, exchange: ex });
  };
}

const confirmPlaintext = (plaintext: string) => (d: Json, ex: Exchange) =>
  ensure(d.plaintext === plaintext, { oracle: 'roundTrip', title: 'The control did not decrypt', expected: plaintext, received: JSON.stringify(d.plaintext), exchange: ex });

test.describe('versions and states', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  test('encrypt, createCustomKey and sign use the newest enabled version', requirement('NCP-VER-ENC-001'), async ({ kms, target }) => {
    const checks = [
      { r: rotated(target, 'AES256'), action: 'encrypt' as const, body: { plaintext: randomText(16) }, name: 'ciphertext' },
      { r: rotated(target, 'AES256'), action: 'createCustomKey' as const, body: {}, name: 'ciphertext' },
      ...(target.profile.fixtures?.rotated ?? []).filter((r) => r.keyType !== 'AES256').map((r) => ({ r, action: 'sign' as const, body: { data: randomText(16) }, name: 'signature' })),
    ];
    for (const { r, action, body, name } of checks) {
      const ex = await kms.send({ keyTag: r.keyTag, action, version, body });
      await attribute('NCP-VER-ENC-001', () => {
        const value = field(ex, succeeds(ex), name);
        // A signature without any prefix names no version: NCP-PFX-SIG-001 judges that.
        if (name === 'signature' && prefixVersion(value) === undefined) return;
        ensure(prefixVersion(value) === r.newestVersion, { oracle: 'version', title: `${action} did not use the newest enabled version`, expected: `ncpkms:v${r.newestVersion}:`, received: value.slice(0, 16), exchange: ex });
      });
    }
  });

  test('a ciphertext of an older enabled version decrypts', requirement('NCP-VER-OLD-001'), async ({ kms, target }) => {
    const r = rotated(target, 'AES256');
    const s = sampleOf(r, true, 'ciphertext');
    const ex = await kms.send({ keyTag: r.keyTag, action: 'decrypt', version, body: { ciphertext: s.ciphertext } });
    await attribute('NCP-VER-OLD-001', () => confirmPlaintext(s.plaintext!)(succeeds(ex), ex));
  });

  test('a signature of an older enabled version verifies', requirement('NCP-VER-OLD-002'), async ({ kms, target }) => {
    const r = rotated(target, 'ECDSA');
    const s = sampleOf(r, true, 'signature');
    const ex = await kms.send({ keyTag: r.keyTag, action: 'verify', version, body: { data: s.data, signature: s.signature } });
    await attribute('NCP-VER-OLD-002', () => ensure(isValid(succeeds(ex)), { oracle: 'verify', title: 'Older version\'s signature does not verify', expected: 'valid true', received: shownBody(ex), exchange: ex }));
  });

  test('a ciphertext of a disabled version is neither decrypted nor reencrypted', requirement('NCP-VER-DIS-001', 'NCP-VER-DIS-003', 'NCP-ERR-MAP-003'), async ({ kms, target, expectations }) => {
    const r = rotated(target, 'AES256');
    const s = sampleOf(r, false, 'ciphertext');
    const plaintext = randomText(24);
    const ciphertext = await prepare(kms, { keyTag: r.keyTag, action: 'encrypt', version, body: { plaintext } }, 'ciphertext');
    const c = await control(kms, { keyTag: r.keyTag, action: 'decrypt', version, body: { ciphertext } }, { confirm: confirmPlaintext(plaintext) });
    await attribute('NCP-VER-DIS-001', () => expectRefused(c, { breaking: { body: { ciphertext: s.ciphertext } }, judge: statusRefusal(expectations), protect: { plaintext: s.plaintext } }));
    const again = await control(kms, { keyTag: r.keyTag, action: 'reencrypt', version, body: { ciphertext } });
    await expectRefusedOr(again, { breaking: { body: { ciphertext: s.ciphertext } } }, (_d, ex) => {
      expectations.pinned('NCP-VER-DIS-003', false, { oracle: 'version', title: 'Disabled version reencrypted', expected: 'a refusal', received: 'a success', exchange: ex });
    });
  });

  test('a signature of a disabled version does not verify', requirement('NCP-VER-DIS-002'), async ({ kms, target, expectations }) => {
    const r = rotated(target, 'RSA2048');
    const s = sampleOf(r, false, 'signature');
    const data = randomText(24);
    const signature = await prepare(kms, { keyTag: r.keyTag, action: 'sign', version, body: { data } }, 'signature');
    const c = await control(kms, { keyTag: r.keyTag, action: 'verify', version, body: { data, signature } }, {
      confirm: (d, ex) => ensure(isValid(d), { oracle: 'verify', title: 'The control did not verify', expected: 'valid true', received: JSON.stringify(d.valid), exchange: ex }),
    });
    await expectRefusedOr(c, { breaking: { body: { data: s.data, signature: s.signature } } }, async (d, ex) => {
      await attribute('NCP-VER-DIS-002', () => ensure(!isValid(d), { oracle: 'version', title: 'Disabled version\'s signature verified', expected: 'valid false or a refusal', received: JSON.stringify(d.valid), exchange: ex }));
      expectations.pinned('NCP-VER-DIS-002', false, { oracle: 'version', title: 'Disabled version\'s signature answered valid false', expected: 'a refusal', received: 'valid false', exchange: ex });
    });
  });

  test('reencrypt of an older enabled version answers the newest version', requirement('NCP-REN-VER-001'), async ({ kms, target }) => {
    const r = rotated(target, 'AES256');
    const s = sampleOf(r, true, 'ciphertext');
    const ex = await kms.send({ keyTag: r.keyTag, action: 'reencrypt', version, body: { ciphertext: s.ciphertext } });
    await attribute('NCP-REN-VER-001', () => {
      const renewed = field(ex, succeeds(ex), 'newCiphertext');
      ensure(prefixVersion(renewed) === r.newestVersion, { oracle: 'version', title: 'Reencrypt did not move to the newest version', expected: `ncpkms:v${r.newestVersion}:`, received: renewed.slice(0, 16), exchange: ex });
    });
  });

  test('a disabled key refuses encrypt and createCustomKey, and does not decrypt what it made', requirement('NCP-KEY-DIS-001', 'NCP-KEY-DIS-002', 'NCP-ERR-MAP-003'), async ({ kms, target, expectations }) => {
    const disabled = needFixture(target.profile.fixtures?.disabledKey, 'fixtures.disabledKey');
    const aes = keyTag(target, 'aes256');
    for (const [action, body] of [['encrypt', { plaintext: randomText(16) }], ['createCustomKey', {}]] as const) {
      const c = await control(kms, { keyTag: aes, action, version, body });
      await attribute('NCP-KEY-DIS-001', () => expectRefused(c, { breaking: { keyTag: disabled.keyTag }, judge: statusRefusal(expectations) }));
    }
    const plaintext = randomText(24);
    const ciphertext = await prepare(kms, { keyTag: aes, action: 'encrypt', version, body: { plaintext } }, 'ciphertext');
    const c = await control(kms, { keyTag: aes, action: 'decrypt', version, body: { ciphertext } }, { confirm: confirmPlaintext(plaintext) });
    const breaking = { keyTag: disabled.keyTag, body: { ciphertext: disabled.ciphertext } };
    await attribute('NCP-KEY-DIS-002', () => expectRefused(c, { breaking, judge: statusRefusal(expectations), protect: { plaintext: disabled.plaintext } }));
  });
});
