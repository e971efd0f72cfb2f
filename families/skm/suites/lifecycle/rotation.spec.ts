// Key versions after rotation: the newest encrypts and signs, older In Service versions still
// decrypt and verify, each version is its own key. Needs fixtures.rotated (keys rotated by the
// target's own console or API: SKM v1.2 has no rotate call). Source: FACTS.md#skm-keys-versions-lifecycle
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import { isLocalKeyText } from '../../../../harness/formats.ts';

for (const version of versionsOf('symmetricEncrypt')) {
  test.describe(`rotated keys ${version}`, variant(version), () => {
    test('encrypt, create-local-key and sign use the newest version', requirement('SKM-VER-ROT-001', 'SKM-VER-ROT-002', 'SKM-VER-ROT-003'), async ({ skm, target }) => {
      needVersion(target, version);
      const r = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
      const sym = needFixture(r.symmetric, 'fixtures.rotated.symmetric');
      for (const [op, keyId, body] of [
        ['symmetricEncrypt', sym, { plaintext: 'x' }],
        ['createLocalKey', sym, undefined],
        ['asymmetricSign', r.asymmetric, { plaintext: 'x' }],
      ] as const) {
        if (!keyId) continue;
        const ex = await skm.call(operationId(op, version), { keyId, body });
        const got = succeeds<{ keyVersion: number }>(ex).keyVersion;
        ensure(got === r.latestVersion, { oracle: 'newestVersion', title: `${op} did not use the newest version`, expected: `keyVersion ${r.latestVersion}`, received: `keyVersion ${got}`, exchange: ex });
      }
    });

    test('material of an older In Service version still decrypts and verifies', requirement('SKM-VER-ROT-004', 'SKM-VER-ROT-005', 'SKM-VER-ROT-006'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const r = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
      const old = needFixture(r.olderVersion, 'fixtures.rotated.olderVersion');
      const sym = needFixture(r.symmetric, 'fixtures.rotated.symmetric');
      const strictLocalKey = expectations.strict.has('SKM-SYM-LCL-004');
      const cases: [string | undefined, (text: string) => boolean][] = [
        [old.ciphertext, (text) => text === old.plaintext],
        [old.localKeyCiphertext, (text) => old.localKeyPlaintext !== undefined && isLocalKeyText(text, old.localKeyPlaintext, strictLocalKey)],
      ];
      for (const [ciphertext, isOriginal] of cases) {
        if (!ciphertext) continue;
        const ex = await skm.call(operationId('symmetricDecrypt', version), { keyId: sym, body: { ciphertext } });
        const dec = succeeds<{ plaintext: string; keyVersion: number }>(ex);
        const same = isOriginal(dec.plaintext);
        ensure(same && dec.keyVersion === old.version, { oracle: 'olderVersion', title: 'Older version material not decrypted as made', expected: `the original text, keyVersion ${old.version}`, received: `keyVersion ${dec.keyVersion}${same ? '' : ', another text'}`, exchange: ex });
      }
      if (r.asymmetric && old.signature) {
        const ex = await skm.call(operationId('asymmetricVerify', version), { keyId: r.asymmetric, body: { plaintext: old.plaintext, signature: old.signature } });
        const v = succeeds<{ result: boolean; keyVersion: number }>(ex);
        ensure(v.result === true && v.keyVersion === old.version, { oracle: 'olderVersion', title: 'Older version signature not verified', expected: `result true, keyVersion ${old.version}`, received: `result ${v.result}, keyVersion ${v.keyVersion}`, exchange: ex });
      }
    });
  });
}

for (const version of versionsOf('getSymmetricKey').filter((v) => v !== 'v1.0')) {
  test(`${version} symmetric-key?keyVersion=N returns version N for every In Service version`, details(requirement('SKM-SYM-KEY-005', 'SKM-VER-ROT-007'), variant(version)), async ({ skm, target }) => {
    needVersion(target, version);
    const r = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
    const sym = needFixture(r.symmetric, 'fixtures.rotated.symmetric');
    const seen = new Map<string, number>();
    for (const n of r.inService) {
      const ex = await skm.call(operationId('getSymmetricKey', version), { keyId: sym, query: { keyVersion: n } });
      const body = succeeds<{ symmetricKey: string; keyVersion: number }>(ex);
      await attribute('SKM-SYM-KEY-005', () => ensure(body.keyVersion === n, { oracle: 'keyVersion', title: 'Another version returned', expected: `keyVersion ${n}`, received: `keyVersion ${body.keyVersion}`, exchange: ex }));
      await attribute('SKM-VER-ROT-007', () => ensure(!seen.has(body.symmetricKey), { oracle: 'distinctVersions', title: 'Two versions hold the same key', expected: `version ${n} differs from version ${seen.get(body.symmetricKey)}`, received: 'the same key material', exchange: ex }));
      seen.set(body.symmetricKey, n);
    }
  });
}
