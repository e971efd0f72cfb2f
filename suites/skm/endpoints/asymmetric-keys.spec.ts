// Private and public key queries: the hex listing and Base64 hold the same DER, PKCS#8 / SPKI,
// RSA-2048, one key pair per version. Sources: skm-api-v1.0-v1.1.ko.md#개인-키-조회, #공개-키-조회;
// skm-api-v1.2.ja.md#秘密鍵照会, #公開鍵照会
import { createPublicKey } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { decodeOrFail, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { decodeBase64, decodeHexListing, parsePkcs8, parseSpki, rsaModulusBits } from '../../../harness/formats.ts';
import { operationId, type SkmClient } from '../../../harness/http/skm-client.ts';

interface KeyBody {
  keyType: string;
  key: string;
  encodedKey: string;
  keyVersion: number;
}

async function queryKey(skm: SkmClient, op: string, keyId: string, keyVersion?: number) {
  const ex = await skm.call(op, { keyId, query: keyVersion === undefined ? {} : { keyVersion } });
  const body = succeeds<KeyBody>(ex);
  const fromHex = decodeOrFail('key', () => decodeHexListing(body.key), ex);
  const fromBase64 = decodeOrFail('encodedKey', () => decodeBase64(body.encodedKey), ex);
  ensure(fromHex.equals(fromBase64), { oracle: 'sameBytes', title: 'key and encodedKey differ', expected: 'the same DER bytes in both', received: `${fromHex.length} bytes vs ${fromBase64.length} bytes, different`, exchange: ex });
  return { ex, body, der: fromBase64 };
}

for (const version of versionsOf('getPrivateKey')) {
  test.describe(`asymmetric key queries ${version}`, () => {
    test('private key: PKCS#8 RSA-2048, as a hex listing and Base64 of the same bytes', requirement('SKM-ASY-PRV-001', 'SKM-ASY-PRV-002', 'SKM-ASY-PRV-003', 'SKM-ASY-PRV-004', 'SKM-ASY-PRV-005', 'SKM-ASY-PRV-006', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const { ex, der } = await queryKey(skm, operationId('getPrivateKey', version), key.id);
      const priv = decodeOrFail('private key DER', () => parsePkcs8(der), ex);
      ensure(rsaModulusBits(priv) === 2048, { oracle: 'rsa2048', title: 'Not an RSA-2048 private key', expected: 'RSA, 2048-bit modulus', received: `${priv.asymmetricKeyType} ${rsaModulusBits(priv) ?? ''}`, exchange: ex });
    });

    test('public key: SubjectPublicKeyInfo RSA-2048, as a hex listing and Base64 of the same bytes', requirement('SKM-ASY-PUB-001', 'SKM-ASY-PUB-002', 'SKM-ASY-PUB-003', 'SKM-ASY-PUB-004', 'SKM-ASY-PUB-005', 'SKM-ASY-PUB-006'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const { ex, der } = await queryKey(skm, operationId('getPublicKey', version), key.id);
      const pub = decodeOrFail('public key DER', () => parseSpki(der), ex);
      ensure(rsaModulusBits(pub) === 2048, { oracle: 'rsa2048', title: 'Not an RSA-2048 public key', expected: 'RSA, 2048-bit modulus', received: `${pub.asymmetricKeyType} ${rsaModulusBits(pub) ?? ''}`, exchange: ex });
    });

    test('keyVersion=N returns version N, and both halves form one key pair', requirement('SKM-ASY-PRV-007', 'SKM-ASY-PUB-007', 'SKM-ASY-PRV-008'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const signed = succeeds<{ keyVersion: number }>(await skm.call(operationId('asymmetricSign', version), { keyId: key.id, body: { plaintext: 'x' } }));
      const n = signed.keyVersion;
      const priv = await queryKey(skm, operationId('getPrivateKey', version), key.id, n);
      const pub = await queryKey(skm, operationId('getPublicKey', version), key.id, n);
      for (const q of [priv, pub]) {
        ensure(q.body.keyVersion === n, { oracle: 'keyVersion', title: 'Another key version returned', expected: `keyVersion ${n}`, received: `keyVersion ${q.body.keyVersion}`, exchange: q.ex });
      }
      const derived = createPublicKey(parsePkcs8(priv.der)).export({ format: 'der', type: 'spki' });
      ensure(Buffer.from(derived).equals(pub.der), { oracle: 'keyPair', title: 'Private and public key do not match', expected: 'the public key of the private key', received: 'another public key', exchange: pub.ex });
    });
  });
}
