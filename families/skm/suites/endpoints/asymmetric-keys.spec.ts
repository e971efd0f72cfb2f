// Private and public key queries: the hex listing and Base64 hold the same DER, PKCS#8 / SPKI,
// RSA-2048, one key pair per version. Every query is the documented one, with `?keyVersion=`.
// Sources: skm-api-v1.0-v1.1.ko.md#개인-키-조회, #공개-키-조회; skm-api-v1.2.ja.md#秘密鍵照会, #公開鍵照会
import { createPublicKey, type KeyObject } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute, decodeOrFail, ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import type { Expectations } from '../../../../harness/oracles/expectations.ts';
import { validCall } from '../../../../harness/valid-calls.ts';
import { decodeBase64, decodeHexListing, parsePkcs8, parseSpki, rsaModulusBits } from '../../../../harness/formats.ts';
import { operationId, type SkmClient } from '../../../../harness/http/skm-client.ts';

interface KeyBody {
  keyType: string;
  key: string;
  encodedKey: string;
  keyVersion: number;
}

/** Requirement ids of one half, by what they check (the catalogue numbers both halves alike). */
function ids(half: 'PRV' | 'PUB') {
  const id = (n: number) => `SKM-ASY-${half}-00${n}`;
  return { fields: id(1), keyType: id(2), listing: id(3), base64: id(4), sameBytes: id(5), der: id(6), version: id(7) };
}

/** The documented query, `?keyVersion=` included: the newest version (learned from sign) unless given. */
async function queryKey(skm: SkmClient, operation: 'getPrivateKey' | 'getPublicKey', version: string, keyId: string, keyVersion?: number) {
  const opts = await precondition(async () => (await validCall(skm, operation, version, { asymmetric: keyId }))!);
  const ex = await skm.call(operationId(operation, version), keyVersion === undefined ? opts : { ...opts, query: { keyVersion } });
  return { ex, body: succeeds<KeyBody>(ex) };
}

/** Checks one half's fields and returns its DER, each failure blaming the requirement it breaks. */
async function checkedDer(q: Awaited<ReturnType<typeof queryKey>>, half: 'PRV' | 'PUB', e: Expectations): Promise<Buffer> {
  const r = ids(half);
  const { ex, body } = q;
  const wanted = half === 'PRV' ? 'PrivateKey' : 'PublicKey';
  // Unpinned, letter case is not held against the target: the value appears only in the examples.
  const strictType = e.strict.has(r.keyType);
  await attribute(r.keyType, () => ensure(strictType ? body.keyType === wanted : body.keyType.toLowerCase() === wanted.toLowerCase(), { oracle: 'keyType', title: 'Another keyType', expected: JSON.stringify(wanted), received: JSON.stringify(body.keyType), exchange: ex }));
  const fromHex = await attribute(r.listing, () => decodeOrFail('key', () => decodeHexListing(body.key, e.strict.has(r.listing)), ex));
  const fromBase64 = await attribute(r.base64, () => decodeOrFail('encodedKey', () => decodeBase64(body.encodedKey, e.strict.has(r.base64)), ex));
  await attribute(r.sameBytes, () => ensure(fromHex.equals(fromBase64), { oracle: 'sameBytes', title: 'key and encodedKey differ', expected: 'the same DER bytes in both', received: `${fromHex.length} bytes vs ${fromBase64.length} bytes, different`, exchange: ex }));
  return fromBase64;
}

function rsa2048(key: KeyObject, what: string, ex: Awaited<ReturnType<typeof queryKey>>['ex']): void {
  ensure(rsaModulusBits(key) === 2048, { oracle: 'rsa2048', title: `Not an RSA-2048 ${what}`, expected: 'RSA, 2048-bit modulus', received: `${key.asymmetricKeyType} ${rsaModulusBits(key) ?? ''}`, exchange: ex });
}

for (const version of versionsOf('getPrivateKey')) {
  test.describe(`asymmetric key queries ${version}`, variant(version), () => {
    test('private key: PKCS#8 RSA-2048, as a hex listing and Base64 of the same bytes', requirement('SKM-ASY-PRV-001', 'SKM-ASY-PRV-002', 'SKM-ASY-PRV-003', 'SKM-ASY-PRV-004', 'SKM-ASY-PRV-005', 'SKM-ASY-PRV-006', 'SKM-VER-TYPE-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const q = await attribute(['SKM-ASY-PRV-001', 'SKM-VER-TYPE-001'], () => queryKey(skm, 'getPrivateKey', version, key.id));
      const der = await checkedDer(q, 'PRV', expectations);
      await attribute('SKM-ASY-PRV-006', () => rsa2048(decodeOrFail('private key DER', () => parsePkcs8(der), q.ex), 'private key', q.ex));
    });

    test('public key: SubjectPublicKeyInfo RSA-2048, as a hex listing and Base64 of the same bytes', requirement('SKM-ASY-PUB-001', 'SKM-ASY-PUB-002', 'SKM-ASY-PUB-003', 'SKM-ASY-PUB-004', 'SKM-ASY-PUB-005', 'SKM-ASY-PUB-006', 'SKM-VER-TYPE-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const q = await attribute(['SKM-ASY-PUB-001', 'SKM-VER-TYPE-001'], () => queryKey(skm, 'getPublicKey', version, key.id));
      const der = await checkedDer(q, 'PUB', expectations);
      await attribute('SKM-ASY-PUB-006', () => rsa2048(decodeOrFail('public key DER', () => parseSpki(der), q.ex), 'public key', q.ex));
    });

    test('keyVersion=N returns version N, and both halves form one key pair', requirement('SKM-ASY-PRV-007', 'SKM-ASY-PUB-007', 'SKM-ASY-PRV-008'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const n = (await precondition(async () => succeeds<{ keyVersion: number }>(await skm.call(operationId('asymmetricSign', version), { keyId: key.id, body: { plaintext: 'x' } })))).keyVersion;
      const halves = [['getPrivateKey', 'SKM-ASY-PRV-007'], ['getPublicKey', 'SKM-ASY-PUB-007']] as const;
      const [priv, pub] = await Promise.all(halves.map(([op, id]) => attribute(id, async () => {
        const q = await queryKey(skm, op, version, key.id, n);
        ensure(q.body.keyVersion === n, { oracle: 'keyVersion', title: 'Another key version returned', expected: `keyVersion ${n}`, received: `keyVersion ${q.body.keyVersion}`, exchange: q.ex });
        return { ex: q.ex, der: decodeBase64(q.body.encodedKey) };
      })));
      // Each half's form is its own requirement (PRV-006, PUB-006): a half that does not parse leaves the pair unjudged.
      const [privateKey, publicKey] = await precondition(() => [
        decodeOrFail('private key DER', () => parsePkcs8(priv.der), priv.ex),
        decodeOrFail('public key DER', () => parseSpki(pub.der), pub.ex),
      ]);
      await attribute('SKM-ASY-PRV-008', () => {
        const spki = (k: KeyObject) => k.export({ format: 'der', type: 'spki' });
        ensure(spki(createPublicKey(privateKey)).equals(spki(publicKey)), { oracle: 'keyPair', title: 'Private and public key do not match', expected: 'the public key of the private key', received: 'another public key', exchange: pub.ex });
      });
    });
  });
}
