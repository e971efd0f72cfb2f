// Each documented failure gives its documented message, under both error transports and with the
// result codes the mock announces in its profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RESULT_CODES, ERROR_MESSAGES } from '../../mock/errors.ts';
import { resolveResultCodes } from '../../mock/envelope.ts';
import { fails, ok, startTestMock, type TestMock } from './support.ts';

let t: TestMock;
before(async () => {
  t = await startTestMock();
});
after(() => t.close());

const ids = () => t.profile.keys;

test('every error message has its own negative result code, and the profile announces them', () => {
  const codes = Object.values(DEFAULT_RESULT_CODES);
  assert.equal(new Set(codes).size, ERROR_MESSAGES.length);
  assert.ok(codes.every((c) => c < 0));
  assert.deepEqual(t.profile.expectations!.resultCodes, DEFAULT_RESULT_CODES);
  assert.equal(t.profile.expectations!.errorTransport, 'http4xx');
});

test('Invalid Appkey: an appkey that does not exist, on v1.0 and v1.2', async () => {
  fails(await t.call('getSecret_v1_0', { appkey: 'noSuchAppkey', keyId: ids().secret!.id }), 'Invalid Appkey');
  fails(await t.call('symmetricEncrypt_v1_2', { appkey: 'noSuchAppkey', keyId: ids().symmetric!.id, body: { plaintext: 'x' } }), 'Invalid Appkey');
  fails(await t.call('createSecret_v1_2', { appkey: 'noSuchAppkey', body: { keyStoreName: 'Store #1', name: 'n', secretValue: 'v' } }), 'Invalid Appkey');
  const answer = await t.call('getClientInfo_v1_0', { appkey: 'noSuchAppkey' });
  fails(answer, 'Invalid Appkey');
  assert.equal(answer.json!.header.resultCode, DEFAULT_RESULT_CODES['Invalid Appkey']);
});

test('Invalid Key Id: unknown key, key of the wrong type, key of another appkey, scheduled key', async () => {
  fails(await t.call('getSecret_v1_0', { keyId: '0'.repeat(32) }), 'Invalid Key Id');
  fails(await t.call('getSecret_v1_0', { keyId: ids().symmetric!.id }), 'Invalid Key Id');
  fails(await t.call('symmetricEncrypt_v1_0', { keyId: ids().asymmetric!.id, body: { plaintext: 'x' } }), 'Invalid Key Id');
  fails(await t.call('asymmetricSign_v1_0', { keyId: ids().secret!.id, body: { plaintext: 'x' } }), 'Invalid Key Id');
  const other = t.profile.fixtures!.otherTenant!;
  fails(await t.call('getSecret_v1_0', { keyId: other.keys.secret }), 'Invalid Key Id');
  fails(await t.call('getSecret_v1_2', { keyId: other.keys.secret }), 'Invalid Key Id');
  const scheduled = t.profile.fixtures!.scheduledForDeletion!.keys;
  fails(await t.call('getSecret_v1_0', { keyId: scheduled.secret }), 'Invalid Key Id');
  fails(await t.call('symmetricDecrypt_v1_0', { keyId: scheduled.symmetric, body: { ciphertext: 'AAAA' } }), 'Invalid Key Id');
  fails(await t.call('getPublicKey_v1_0', { keyId: scheduled.asymmetric }), 'Invalid Key Id');
});

test('Invalid Key Status: decrypt and verify with a key that is readable but not In Service', async () => {
  const f = t.profile.fixtures!.invalidKeyStatus!;
  fails(await t.call('symmetricDecrypt_v1_0', { keyId: f.symmetric, body: { ciphertext: f.ciphertext } }), 'Invalid Key Status');
  fails(await t.call('asymmetricVerify_v1_2', { keyId: f.asymmetric, body: { plaintext: f.plaintext, signature: f.signature } }), 'Invalid Key Status');
  // elsewhere the solution guide's "check that the key is In Service" belongs to Invalid Key Id
  fails(await t.call('symmetricEncrypt_v1_0', { keyId: f.symmetric, body: { plaintext: 'x' } }), 'Invalid Key Id');
});

test('Invalid User Data: bad ciphertexts and signatures; a wrong but well-formed signature is result false', async () => {
  const sym = ids().symmetric!.id;
  const asym = ids().asymmetric!.id;
  const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: sym, body: { plaintext: 'tamper me' } }));
  const blob = Buffer.from(enc.ciphertext as string, 'base64');
  blob[20] ^= 1;
  for (const ciphertext of ['not base64!', 'AAAA', Buffer.alloc(31).toString('base64'), blob.toString('base64'), `${enc.ciphertext} `]) {
    fails(await t.call('symmetricDecrypt_v1_0', { keyId: sym, body: { ciphertext } }), 'Invalid User Data');
  }
  const signed = ok(await t.call('asymmetricSign_v1_0', { keyId: asym, body: { plaintext: 'sig' } }));
  const sig = Buffer.from(signed.signature as string, 'base64');
  for (const signature of ['!!', 'AAAA', sig.subarray(0, 259).toString('base64'), Buffer.concat([sig, Buffer.alloc(1)]).toString('base64')]) {
    fails(await t.call('asymmetricVerify_v1_0', { keyId: asym, body: { plaintext: 'sig', signature } }), 'Invalid User Data');
  }
  sig[100] ^= 1;
  assert.equal(ok(await t.call('asymmetricVerify_v1_0', { keyId: asym, body: { plaintext: 'sig', signature: sig.toString('base64') } })).result, false);
  const random = Buffer.concat([Buffer.alloc(4), Buffer.alloc(256, 7)]).toString('base64');
  assert.equal(ok(await t.call('asymmetricVerify_v1_0', { keyId: asym, body: { plaintext: 'sig', signature: random } })).result, false);
});

test('Invalid User Data: bodies that break the request schema', async () => {
  const sym = ids().symmetric!.id;
  for (const body of [{}, { plaintext: 1 }, { plaintext: null }, [], 'text', { ciphertext: 'x' }]) {
    fails(await t.call('symmetricEncrypt_v1_0', { keyId: sym, body }), 'Invalid User Data');
  }
  for (const body of [{ keyStoreName: 'Store #1' }, { keyStoreName: 'Store #1', name: 'n', autoRotationPeriod: 29 }, { keyStoreName: 'No such store', name: 'n' }, { keyStoreName: 'Store #1', name: 'n', autoRotationPeriod: -1 }]) {
    fails(await t.call('createSymmetricKey_v1_2', { body }), 'Invalid User Data');
  }
});

test('Invalid Key Version and Invalid Key Version Status for key queries', async () => {
  fails(await t.call('getPrivateKey_v1_0', { keyId: ids().asymmetric!.id, query: { keyVersion: 1 } }), 'Invalid Key Version');
  fails(await t.call('getPrivateKey_v1_2', { keyId: ids().asymmetric!.id, query: { keyVersion: '99999999999999999999' } }), 'Invalid Key Version');
  fails(await t.call('getPrivateKey_v1_2', { keyId: ids().asymmetric!.id, query: { keyVersion: -1 } }), 'Invalid User Data');
  fails(await t.call('getSymmetricKey_v1_1', { keyId: t.profile.fixtures!.rotated!.symmetric, query: { keyVersion: 1 } }), 'Invalid Key Version Status');
});

test('URL NOT FOUND: unknown paths, undocumented methods, v1.1 paths other than symmetric-key', async () => {
  const a = t.profile.appkey;
  const sym = ids().symmetric!.id;
  for (const [method, path] of [
    ['GET', `/keymanager/v1.0/appkey/${a}/symmetric-keys/${sym}/unknown`],
    ['DELETE', `/keymanager/v1.0/appkey/${a}/symmetric-keys/${sym}/encrypt`],
    ['POST', `/keymanager/v1.0/appkey/${a}/secrets/${sym}`],
    ['PATCH', `/keymanager/v1.2/appkey/${a}/keys/${sym}`],
    ['GET', `/keymanager/v1.1/appkey/${a}/confirm`],
    ['GET', `/keymanager/v1.3/appkey/${a}/confirm`],
    ['GET', `/keymanager/v1.0/appkey/${a}/confirm/`],
    ['GET', '/'],
    ['GET', `/keymanager/v1.0/keys/secrets/create`],
    ['POST', `/keymanager/v1.0/appkey/${a}/keys/secrets/create`],
  ]) {
    fails(await t.send(method, path), 'URL NOT FOUND');
  }
});

test('Invalid Authentication: v1.2 without, with partial, with wrong or with another appkey\'s credentials', async () => {
  const keyId = ids().secret!.id;
  const own = t.profile.credentials!;
  const other = t.profile.fixtures!.otherTenant!.credentials!;
  for (const credentials of [null, { ...own, secretAccessKey: 'wrong' }, { ...own, accessKeyId: 'wrong' }, other, { accessKeyId: own.accessKeyId, secretAccessKey: other.secretAccessKey }]) {
    fails(await t.call('getSecret_v1_2', { keyId, credentials }), 'Invalid Authentication');
    fails(await t.call('getPublicKey_v1_2', { keyId: ids().asymmetric!.id, credentials }), 'Invalid Authentication');
  }
  const onlyId = await t.send('GET', `/keymanager/v1.2/appkey/${t.profile.appkey}/secrets/${keyId}`, { headers: { 'x-tc-authentication-id': own.accessKeyId } });
  fails(onlyId, 'Invalid Authentication');
  const repeated = await t.send('GET', `/keymanager/v1.2/appkey/${t.profile.appkey}/secrets/${keyId}`, {
    headers: { 'x-tc-authentication-id': own.accessKeyId, 'x-tc-authentication-secret': [own.secretAccessKey, own.secretAccessKey] as unknown as string },
  });
  fails(repeated, 'Invalid Authentication');
  // v1.0 needs none
  ok(await t.call('getSecret_v1_0', { keyId, credentials: null }));
});

test('error transport http200 with uniform result codes: HTTP 200, isSuccessful false, code -1', async () => {
  const m = await startTestMock({ errorTransport: 'http200', resultCodes: 'uniform' });
  try {
    const answer = await m.call('getSecret_v1_0', { keyId: '0'.repeat(32) });
    fails(answer, 'Invalid Key Id', 'http200');
    assert.equal(answer.json!.header.resultCode, -1);
    fails(await m.send('GET', '/nowhere'), 'URL NOT FOUND', 'http200');
    assert.equal(m.profile.expectations!.errorTransport, 'http200');
    assert.deepEqual(m.profile.expectations!.resultCodes, resolveResultCodes('uniform'));
  } finally {
    await m.close();
  }
});

test('result codes given as a map override the defaults; unknown messages are refused', async () => {
  assert.equal(resolveResultCodes({ 'Invalid Key Id': 4040 })['Invalid Key Id'], 4040);
  assert.equal(resolveResultCodes({ 'Invalid Key Id': 4040 })['Invalid Appkey'], -1);
  assert.throws(() => resolveResultCodes({ 'Invalid KeyId': 1 }), /unknown message/);
  assert.throws(() => resolveResultCodes({ 'Invalid Key Id': 0 }), /other than 0/);
});
