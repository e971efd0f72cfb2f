// create-local-key: a fresh AES-256 key for local use, and the same key encrypted by the stored key.
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키로-암호화한-로컬-대칭키-생성, skm-api-v1.2.ja.md#対称鍵で暗号化したローカル対称鍵作成
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute, decodeOrFail, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { decodeBase64, isLocalKeyText } from '../../../../harness/formats.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import { control } from '../../../../harness/refusal-check.ts';

interface LocalKey {
  localKeyPlaintext: string;
  localKeyCiphertext: string;
  keyVersion: number;
}

for (const version of versionsOf('createLocalKey')) {
  test.describe(`create-local-key ${version}`, variant(version), () => {
    test('returns a 32-byte AES-256 key that works for local encryption', requirement('SKM-SYM-LCL-001', 'SKM-SYM-LCL-002', 'SKM-SYM-LCL-003', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const ex = await skm.call(operationId('createLocalKey', version), { keyId: key.id });
      const body = await attribute(['SKM-SYM-LCL-001', 'SKM-VER-TYPE-001'], () => succeeds<LocalKey>(ex));
      await attribute('SKM-SYM-LCL-003', () => decodeOrFail('localKeyCiphertext', () => decodeBase64(body.localKeyCiphertext), ex));
      const raw = await attribute('SKM-SYM-LCL-002', () => {
        const key = decodeOrFail('localKeyPlaintext', () => decodeBase64(body.localKeyPlaintext), ex);
        ensure(key.length === 32, { oracle: 'localKey', title: 'Local key is not 32 bytes', expected: '32 bytes (AES-256)', received: `${key.length} bytes`, exchange: ex });
        return key;
      });
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', raw, iv);
      const sealed = Buffer.concat([cipher.update('local data'), cipher.final()]);
      const decipher = createDecipheriv('aes-256-gcm', raw, iv).setAuthTag(cipher.getAuthTag());
      ensure(Buffer.concat([decipher.update(sealed), decipher.final()]).toString() === 'local data', { oracle: 'localKey', title: 'Local key unusable', expected: 'a working AES-256 key', received: 'local round trip failed' });
    });

    test('decrypting localKeyCiphertext gives localKeyPlaintext', requirement('SKM-SYM-LCL-004'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const body = (await control(skm, operationId('createLocalKey', version), { keyId: key.id })).body as unknown as LocalKey;
      const ex = await skm.call(operationId('symmetricDecrypt', version), { keyId: key.id, body: { ciphertext: body.localKeyCiphertext } });
      const dec = succeeds<{ plaintext: string }>(ex);
      // Unpinned, the raw key in some text form counts too: decrypt's string form is not documented.
      const same = isLocalKeyText(dec.plaintext, body.localKeyPlaintext, expectations.strict.has('SKM-SYM-LCL-004'));
      ensure(same, { oracle: 'localKey', title: 'localKeyCiphertext does not decrypt to the local key', expected: 'localKeyPlaintext', received: 'another value', exchange: ex });
    });

    test('each call returns a new local key', requirement('SKM-SYM-LCL-005'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      const a = succeeds<LocalKey>(await skm.call(operationId('createLocalKey', version), { keyId: key.id }));
      const ex = await skm.call(operationId('createLocalKey', version), { keyId: key.id });
      const b = succeeds<LocalKey>(ex);
      ensure(a.localKeyPlaintext !== b.localKeyPlaintext, { oracle: 'localKey', title: 'The same local key twice', expected: 'two different keys', received: 'the same key', exchange: ex });
    });
  });
}
