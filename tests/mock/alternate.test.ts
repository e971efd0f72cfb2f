// The alternate personality still does everything the documents state: round trips, limits, the
// fixtures' versions and statuses, the documented messages for the documented conditions, client
// authentication and the deletion lifecycle. And a data directory keeps the personality that made it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../../mock/index.ts';
import { startTestMock, type Answer, type CallOptions, type TestMock } from './support.ts';

let t: TestMock;
before(async () => {
  t = await startTestMock({ personality: 'alternate' });
});
after(() => t.close());

const call = (op: string, opts: CallOptions = {}) => t.call(op, { ...opts, unchecked: true });
const ids = () => t.profile.keys;
const fixtures = () => t.profile.fixtures!;

function ok(a: Answer): Record<string, unknown> {
  assert.ok(a.status >= 200 && a.status < 300 && a.json?.header.isSuccessful === true, a.text);
  assert.equal(a.json!.header.resultCode, 0);
  return a.json!.body!;
}

/** The documented message (in the alternate's spelling and decoration), as a 400 with body {}. */
function fails(a: Answer, message: string): void {
  assert.equal(a.status, 400, a.text);
  assert.equal(a.json?.header.isSuccessful, false, a.text);
  assert.deepEqual(a.json!.body, {});
  const spelled = message === 'Invalid Key Id' ? 'Invalid Key ID' : message;
  assert.equal(a.json!.header.resultMessage, `${spelled} - see the Secure Key Manager solution guide`);
}

const sym = () => ids().symmetric!.id;
const asym = () => ids().asymmetric!.id;
const encrypt = (plaintext: string, keyId = sym(), op = 'symmetricEncrypt_v1_0') => call(op, { keyId, body: { plaintext } });
const decrypt = (ciphertext: string, keyId = sym(), op = 'symmetricDecrypt_v1_0') => call(op, { keyId, body: { ciphertext } });
const sign = (plaintext: string, keyId = asym()) => call('asymmetricSign_v1_2', { keyId, body: { plaintext } });
const verify = (plaintext: string, signature: string, keyId = asym()) => call('asymmetricVerify_v1_0', { keyId, body: { plaintext, signature } });

test('encrypt/decrypt round trips, across v1.0 and v1.2, for Unicode text and 32 KB, and reports the version', async () => {
  for (const plaintext of ['plain', '비밀 データ 😀', 'a'.repeat(32768)]) {
    const enc = ok(await encrypt(plaintext, sym(), 'symmetricEncrypt_v1_2'));
    assert.equal(enc.keyVersion, 0);
    assert.deepEqual(ok(await decrypt(enc.ciphertext as string)), { plaintext, keyVersion: 0 });
  }
  fails(await encrypt('a'.repeat(32769)), 'Invalid User Data');
  const tampered = Buffer.from(ok(await encrypt('tamper me, please')).ciphertext as string, 'base64');
  tampered[24] ^= 1;
  const answer = await decrypt(tampered.toString('base64'));
  assert.notEqual(answer.json!.body && (answer.json!.body as { plaintext?: string }).plaintext, 'tamper me, please');
});

test('sign/verify: 245 bytes sign and verify, 246 are refused, altered text or signature never verify', async () => {
  const text = 'a'.repeat(245);
  const signed = ok(await sign(text));
  assert.deepEqual(ok(await verify(text, signed.signature as string)), { result: true, keyVersion: 0 });
  fails(await sign('a'.repeat(246)), 'Invalid User Data');
  fails(await verify(`${text.slice(1)}b`, signed.signature as string), 'Invalid User Data');
  const altered = Buffer.from(signed.signature as string, 'base64');
  altered[100] ^= 1;
  fails(await verify(text, altered.toString('base64')), 'Invalid User Data');
});

test('create-local-key: a 32-byte key whose ciphertext decrypts to that key', async () => {
  const local = ok(await call('createLocalKey_v1_2', { keyId: sym() }));
  const key = Buffer.from(local.localKeyPlaintext as string, 'base64');
  assert.equal(key.length, 32);
  assert.deepEqual(Buffer.from(ok(await decrypt(local.localKeyCiphertext as string)).plaintext as string, 'latin1'), key);
});

test('the rotated fixtures: older versions work, a scheduled version is Invalid Key Version Status, a deleted one Invalid Key Version', async () => {
  const rot = fixtures().rotated!;
  const older = rot.olderVersion!;
  assert.deepEqual(ok(await decrypt(older.ciphertext!, rot.symmetric)), { plaintext: older.plaintext, keyVersion: 2 });
  assert.deepEqual(ok(await verify(older.plaintext, older.signature!, rot.asymmetric)), { result: true, keyVersion: 2 });
  assert.deepEqual(Buffer.from(ok(await decrypt(older.localKeyCiphertext!, rot.symmetric)).plaintext as string, 'latin1'), Buffer.from(older.localKeyPlaintext!, 'base64'));
  assert.equal(ok(await encrypt('newest', rot.symmetric)).keyVersion, 3);
  assert.equal(ok(await sign('newest', rot.asymmetric)).keyVersion, 3);
  fails(await decrypt(rot.scheduledVersion!.ciphertext!, rot.symmetric), 'Invalid Key Version Status');
  fails(await verify(rot.scheduledVersion!.plaintext, rot.scheduledVersion!.signature!, rot.asymmetric), 'Invalid Key Version Status');
  fails(await decrypt(rot.deletedVersion!.ciphertext!, rot.symmetric), 'Invalid Key Version');
  fails(await verify(rot.deletedVersion!.plaintext, rot.deletedVersion!.signature!, rot.asymmetric), 'Invalid Key Version');
  fails(await call('getPublicKey_v1_2', { keyId: rot.asymmetric, query: { keyVersion: 9 } }), 'Invalid Key Version');
  assert.equal(ok(await call('getPrivateKey_v1_0', { keyId: rot.asymmetric, query: { keyVersion: 2 } })).keyVersion, 2);
  const stopped = fixtures().invalidKeyStatus!;
  fails(await verify(stopped.plaintext, stopped.signature!, stopped.asymmetric), 'Invalid Key Id');
});

test('the documented messages for the documented conditions', async () => {
  fails(await call('getSecret_v1_0', { appkey: 'noSuchAppkey', keyId: ids().secret!.id }), 'Invalid Appkey');
  fails(await call('getSecret_v1_0', { keyId: '0'.repeat(32) }), 'Invalid Key Id');
  fails(await call('getSecret_v1_0', { keyId: fixtures().otherTenant!.keys.secret }), 'Invalid Key Id');
  fails(await decrypt('not base64!'), 'Invalid User Data');
  fails(await t.send('GET', `/keymanager/v1.0/appkey/${t.profile.appkey}/symmetric-keys/${sym()}/unknown`), 'URL NOT FOUND');
  const f = fixtures();
  fails(await call('getSecret_v1_0', { keyId: f.ipv4Denied!.keys.secret }), 'IPv4 Auth Failure');
  fails(await call('getSecret_v1_0', { keyId: f.ipv4NotInService!.keys.secret }), 'IPv4 Auth Failure');
  fails(await call('getSecret_v1_0', { keyId: f.mac!.keys.secret }), 'MAC Auth Failure');
  fails(await call('getSecret_v1_0', { keyId: f.mac!.keys.secret, mac: f.mac!.notInService }), 'MAC Auth Failure');
  fails(await call('getSecret_v1_0', { keyId: f.certificate!.keys.secret }), 'Certificate Auth Failure');
  assert.equal(ok(await call('getSecret_v1_0', { keyId: f.certificate!.keys.secret, cert: t.certificate('valid') })).secret, 'certificate secret');
  fails(await call('getPrivateKey_v1_0', { keyId: f.ipv4Denied!.keys.asymmetric, query: { keyVersion: 0 } }), 'IPv4 Auth Failure');
  ok(await call('getPublicKey_v1_0', { keyId: f.ipv4Denied!.keys.asymmetric, query: { keyVersion: 0 } }));
  ok(await call('getSecret_v1_0', { keyId: ids().secret!.id, credentials: null })); // v1.0 needs no credentials
});

test('lifecycle: a created key works, an active one cannot be deleted at once, a scheduled one is unusable, a deleted one gone', async () => {
  const created = ok(await call('createSecret_v1_2', { body: { keyStoreName: 'Store #1', name: 'life', secretValue: 'v'.repeat(32768) } }));
  assert.equal(created.keyStatus, 'ACTIVE');
  const id = created.keyId as string;
  fails(await call('createSecret_v1_2', { body: { keyStoreName: 'Store #1', name: 'big', secretValue: 'v'.repeat(32769) } }), 'Invalid User Data');
  await new Promise((resolve) => setTimeout(resolve, 600)); // create-propagation-delay
  assert.equal(ok(await call('getSecret_v1_2', { keyId: id })).secret, 'v'.repeat(32768));
  fails(await call('deleteKeyImmediately_v1_2', { keyId: id }), 'Invalid Key Status');
  ok(await call('getSecret_v1_0', { keyId: id }));
  assert.equal(ok(await call('scheduleKeyDeletion_v1_2', { keyId: id })).keyId, id);
  fails(await call('getSecret_v1_0', { keyId: id }), 'Invalid Key Status');
  assert.equal(ok(await call('deleteKeyImmediately_v1_2', { keyId: id })).keyId, id);
  fails(await call('getSecret_v1_2', { keyId: id }), 'Invalid Key Id');
  fails(await call('scheduleKeyDeletion_v1_2', { keyId: '0'.repeat(32) }), 'Invalid Key Id');
  for (const autoRotationPeriod of [1, 29, -1]) {
    fails(await call('createSymmetricKey_v1_2', { body: { keyStoreName: 'Store #1', name: 'bad', autoRotationPeriod } }), 'Invalid User Data');
  }
});

test('a data directory keeps the personality that made it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-alt-'));
  try {
    const options = { quiet: true, dataDir: join(dir, 'data'), profileDir: join(dir, 'profile') };
    await (await startMock({ ...options, personality: 'alternate' })).close();
    await assert.rejects(startMock(options), /belongs to the alternate personality/);
    await (await startMock({ ...options, personality: 'alternate' })).close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
