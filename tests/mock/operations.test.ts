// Every operation of every API version answers as documented, over HTTPS (and plain HTTP), with real
// AES-256-GCM and RSA-2048 that an outside party can check with node:crypto alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { constants, createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, privateEncrypt, publicDecrypt, randomBytes } from 'node:crypto';
import { fromHexListing, ok, startTestMock, fails, type TestMock } from './support.ts';

let t: TestMock;
before(async () => {
  t = await startTestMock();
});
after(() => t.close());

const sym = () => t.profile.keys.symmetric!.id;
const asym = () => t.profile.keys.asymmetric!.id;

/** AES-256-GCM of the documented layout: version | IV | ciphertext | tag. */
function openLocally(key: Buffer, ciphertext: string): { version: number; plaintext: string } {
  const blob = Buffer.from(ciphertext, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, blob.subarray(4, 16));
  d.setAuthTag(blob.subarray(blob.length - 16));
  return { version: blob.readUInt32BE(0), plaintext: Buffer.concat([d.update(blob.subarray(16, blob.length - 16)), d.final()]).toString('utf8') };
}

for (const v of ['1_0', '1_2']) {
  test(`v${v}: confirm reports the client's address, MAC header and certificate flag`, async () => {
    const body = ok(await t.call(`getClientInfo_v${v}`, { mac: '0a:00:27:00:00:99' }));
    assert.deepEqual(body, { clientIp: '127.0.0.1', clientMacHeader: '0a:00:27:00:00:99', clientSentCertificate: false });
    const withCert = ok(await t.call(`getClientInfo_v${v}`, { cert: t.certificate('valid') }));
    assert.deepEqual(withCert, { clientIp: '127.0.0.1', clientMacHeader: '', clientSentCertificate: true });
  });

  test(`v${v}: getSecret returns the stored value unchanged`, async () => {
    assert.deepEqual(ok(await t.call(`getSecret_v${v}`, { keyId: t.profile.keys.secret!.id })), { secret: t.profile.keys.secret!.value });
  });

  test(`v${v}: encrypt and decrypt round-trip Unicode text, and the key decrypts it locally`, async () => {
    const plaintext = '한국어 テキスト 😀 plain';
    const enc = ok(await t.call(`symmetricEncrypt_v${v}`, { keyId: sym(), body: { plaintext } }));
    assert.equal(enc.keyVersion, 0);
    const dec = ok(await t.call(`symmetricDecrypt_v${v}`, { keyId: sym(), body: { ciphertext: enc.ciphertext } }));
    assert.deepEqual(dec, { plaintext, keyVersion: 0 });
    const key = ok(await t.call('getSymmetricKey_v1_0', { keyId: sym() }));
    assert.deepEqual(openLocally(fromHexListing(key.symmetricKey as string), enc.ciphertext as string), { version: 0, plaintext });
  });

  test(`v${v}: encrypting the same text twice gives different ciphertexts`, async () => {
    const a = ok(await t.call(`symmetricEncrypt_v${v}`, { keyId: sym(), body: { plaintext: 'same' } }));
    const b = ok(await t.call(`symmetricEncrypt_v${v}`, { keyId: sym(), body: { plaintext: 'same' } }));
    assert.notEqual(a.ciphertext, b.ciphertext);
  });

  test(`v${v}: create-local-key gives a fresh 32-byte key whose ciphertext decrypts to localKeyPlaintext`, async () => {
    const a = ok(await t.call(`createLocalKey_v${v}`, { keyId: sym() }));
    const b = ok(await t.call(`createLocalKey_v${v}`, { keyId: sym() }));
    assert.equal(Buffer.from(a.localKeyPlaintext as string, 'base64').length, 32);
    assert.notEqual(a.localKeyPlaintext, b.localKeyPlaintext);
    assert.equal(a.keyVersion, 0);
    const dec = ok(await t.call(`symmetricDecrypt_v${v}`, { keyId: sym(), body: { ciphertext: a.localKeyCiphertext } }));
    assert.equal(dec.plaintext, a.localKeyPlaintext);
  });

  test(`v${v}: sign gives version | raw PKCS#1 v1.5 type-1 signature that verifies, locally and by verify`, async () => {
    const plaintext = 'sign me: 서명';
    const signed = ok(await t.call(`asymmetricSign_v${v}`, { keyId: asym(), body: { plaintext } }));
    const blob = Buffer.from(signed.signature as string, 'base64');
    assert.equal(blob.length, 260);
    assert.equal(blob.readUInt32BE(0), 0);
    const pub = ok(await t.call(`getPublicKey_v${v}`, { keyId: asym() }));
    const publicKey = createPublicKey({ key: Buffer.from(pub.encodedKey as string, 'base64'), format: 'der', type: 'spki' });
    assert.equal(publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, blob.subarray(4)).toString('utf8'), plaintext);
    assert.deepEqual(ok(await t.call(`asymmetricVerify_v${v}`, { keyId: asym(), body: { plaintext, signature: signed.signature } })), { result: true, keyVersion: 0 });
    assert.deepEqual(ok(await t.call(`asymmetricVerify_v${v}`, { keyId: asym(), body: { plaintext: 'other', signature: signed.signature } })), { result: false, keyVersion: 0 });
  });

  test(`v${v}: private key is PKCS#8 DER and public key SPKI DER of one RSA-2048 pair, listing equal to encodedKey`, async () => {
    const prv = ok(await t.call(`getPrivateKey_v${v}`, { keyId: asym() }));
    const pub = ok(await t.call(`getPublicKey_v${v}`, { keyId: asym(), query: { keyVersion: 0 } }));
    assert.equal(prv.keyType, 'PrivateKey');
    assert.equal(pub.keyType, 'PublicKey');
    for (const b of [prv, pub]) {
      assert.match(b.key as string, /^0x[0-9a-f]{2}(, 0x[0-9a-f]{2})*$/);
      assert.deepEqual(fromHexListing(b.key as string), Buffer.from(b.encodedKey as string, 'base64'));
      assert.equal(b.keyVersion, 0);
    }
    const privateKey = createPrivateKey({ key: Buffer.from(prv.encodedKey as string, 'base64'), format: 'der', type: 'pkcs8' });
    const publicKey = createPublicKey({ key: Buffer.from(pub.encodedKey as string, 'base64'), format: 'der', type: 'spki' });
    assert.equal(privateKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64'), pub.encodedKey);
    assert.equal(publicKey.asymmetricKeyType, 'rsa');
  });
}

test('v1.0 symmetric-key has no keyVersion and equals the newest version of v1.1 and v1.2', async () => {
  const v10 = ok(await t.call('getSymmetricKey_v1_0', { keyId: sym() }));
  assert.deepEqual(Object.keys(v10), ['symmetricKey']);
  assert.equal(fromHexListing(v10.symmetricKey as string).length, 32);
  const v11 = ok(await t.call('getSymmetricKey_v1_1', { keyId: sym(), query: { keyVersion: 0 } }));
  const v12 = ok(await t.call('getSymmetricKey_v1_2', { keyId: sym() }));
  assert.deepEqual(v11, { symmetricKey: v10.symmetricKey, keyVersion: 0 });
  assert.deepEqual(v12, v11);
});

test('v1.1 symmetric-key requires keyVersion; versions that do not exist fail', async () => {
  fails(await t.call('getSymmetricKey_v1_1', { keyId: sym() }), 'Invalid User Data');
  fails(await t.call('getSymmetricKey_v1_1', { keyId: sym(), query: { keyVersion: 1 } }), 'Invalid Key Version');
  fails(await t.call('getSymmetricKey_v1_1', { keyId: sym(), query: { keyVersion: 'x' } }), 'Invalid User Data');
});

test('a rotated key encrypts and signs with its newest version; older In Service versions still work', async () => {
  const rot = t.profile.fixtures!.rotated!;
  const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: rot.symmetric, body: { plaintext: 'rotated' } }));
  assert.equal(enc.keyVersion, rot.latestVersion);
  const v2 = ok(await t.call('getSymmetricKey_v1_1', { keyId: rot.symmetric, query: { keyVersion: 2 } }));
  const v3 = ok(await t.call('getSymmetricKey_v1_2', { keyId: rot.symmetric, query: { keyVersion: 3 } }));
  assert.notEqual(v2.symmetricKey, v3.symmetricKey);
  assert.equal(openLocally(fromHexListing(v3.symmetricKey as string), enc.ciphertext as string).plaintext, 'rotated');
  // A ciphertext made locally with the version-2 key: decrypt picks the version from it.
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', fromHexListing(v2.symmetricKey as string), iv);
  const body = Buffer.concat([c.update('made with version 2'), c.final()]);
  const ciphertext = Buffer.concat([Buffer.from([0, 0, 0, 2]), iv, body, c.getAuthTag()]).toString('base64');
  assert.deepEqual(ok(await t.call('symmetricDecrypt_v1_0', { keyId: rot.symmetric, body: { ciphertext } })), { plaintext: 'made with version 2', keyVersion: 2 });
  const local = ok(await t.call('createLocalKey_v1_0', { keyId: rot.symmetric }));
  assert.equal(local.keyVersion, 3);
  const signed = ok(await t.call('asymmetricSign_v1_0', { keyId: rot.asymmetric, body: { plaintext: 'rotated' } }));
  assert.equal(signed.keyVersion, 3);
  const old = ok(await t.call('getPrivateKey_v1_0', { keyId: rot.asymmetric, query: { keyVersion: 2 } }));
  assert.equal(old.keyVersion, 2);
  const oldKey = createPrivateKey({ key: Buffer.from(old.encodedKey as string, 'base64'), format: 'der', type: 'pkcs8' });
  const value = privateEncrypt({ key: oldKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('old version'));
  const signature = Buffer.concat([Buffer.from([0, 0, 0, 2]), value]).toString('base64');
  assert.deepEqual(ok(await t.call('asymmetricVerify_v1_0', { keyId: rot.asymmetric, body: { plaintext: 'old version', signature } })), { result: true, keyVersion: 2 });
  fails(await t.call('getPublicKey_v1_0', { keyId: rot.asymmetric, query: { keyVersion: 1 } }), 'Invalid Key Version Status');
  fails(await t.call('getPublicKey_v1_0', { keyId: rot.asymmetric, query: { keyVersion: 0 } }), 'Invalid Key Version');
  fails(await t.call('getSymmetricKey_v1_2', { keyId: rot.symmetric, query: { keyVersion: 4 } }), 'Invalid Key Version');
});

test('the rotated fixture samples fail as the profile says: scheduled version, deleted version', async () => {
  const rot = t.profile.fixtures!.rotated!;
  const s = rot.scheduledVersion!;
  const d = rot.deletedVersion!;
  fails(await t.call('symmetricDecrypt_v1_0', { keyId: rot.symmetric, body: { ciphertext: s.ciphertext } }), 'Invalid Key Version Status');
  fails(await t.call('asymmetricVerify_v1_2', { keyId: rot.asymmetric, body: { plaintext: s.plaintext, signature: s.signature } }), 'Invalid Key Version Status');
  fails(await t.call('symmetricDecrypt_v1_2', { keyId: rot.symmetric, body: { ciphertext: d.ciphertext } }), 'Invalid Key Version');
  fails(await t.call('asymmetricVerify_v1_0', { keyId: rot.asymmetric, body: { plaintext: d.plaintext, signature: d.signature } }), 'Invalid Key Version');
});

test('the plain HTTP listener serves a key store that needs no certificate', async () => {
  const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: sym(), body: { plaintext: 'plain' }, plain: true }));
  const dec = ok(await t.call('symmetricDecrypt_v1_2', { keyId: sym(), body: { ciphertext: enc.ciphertext } }));
  assert.equal(dec.plaintext, 'plain');
  const info = ok(await t.call('getClientInfo_v1_0', { plain: true }));
  assert.equal(info.clientSentCertificate, false);
});

test('sizes at the limits: 32,768 bytes encrypt, 245 bytes sign; one more byte fails', async () => {
  const exact = 'a'.repeat(32768);
  const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: sym(), body: { plaintext: exact } }));
  assert.equal(ok(await t.call('symmetricDecrypt_v1_0', { keyId: sym(), body: { ciphertext: enc.ciphertext } })).plaintext, exact);
  fails(await t.call('symmetricEncrypt_v1_0', { keyId: sym(), body: { plaintext: `${exact}a` } }), 'Invalid User Data');
  fails(await t.call('symmetricEncrypt_v1_0', { keyId: sym(), body: { plaintext: '한'.repeat(10923) } }), 'Invalid User Data'); // 32,769 bytes
  const signed = ok(await t.call('asymmetricSign_v1_0', { keyId: asym(), body: { plaintext: 'b'.repeat(245) } }));
  assert.equal(ok(await t.call('asymmetricVerify_v1_0', { keyId: asym(), body: { plaintext: 'b'.repeat(245), signature: signed.signature } })).result, true);
  fails(await t.call('asymmetricSign_v1_0', { keyId: asym(), body: { plaintext: 'b'.repeat(246) } }), 'Invalid User Data');
  fails(await t.call('asymmetricSign_v1_0', { keyId: asym(), body: { plaintext: '한'.repeat(82) } }), 'Invalid User Data'); // 246 bytes
  ok(await t.call('asymmetricSign_v1_0', { keyId: asym(), body: { plaintext: '한'.repeat(81) } }));
  ok(await t.call('symmetricEncrypt_v1_0', { keyId: sym(), body: { plaintext: '' } }));
});
