// Key store client authentication over real sockets: IPv4 allowlists, the MAC header, and client
// certificates presented by mutual TLS (issued by the mock, foreign, expired, not In Service).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_SEED_FILE } from '../../mock/index.ts';
import { readSeed } from '../../mock/seed.ts';
import { fails, foreignCertificate, ok, startTestMock, type CallOptions, type TestMock } from './support.ts';

let t: TestMock;
before(async () => {
  t = await startTestMock();
});
after(() => t.close());

type Ids = { secret?: string; symmetric?: string; asymmetric?: string };

/** Every operation protected by the key store's client authentication, on one key set. */
function protectedCalls(keys: Ids): [string, CallOptions][] {
  return [
    ['getSecret_v1_0', { keyId: keys.secret }],
    ['getSecret_v1_2', { keyId: keys.secret }],
    ['symmetricEncrypt_v1_0', { keyId: keys.symmetric, body: { plaintext: 'x' } }],
    ['symmetricDecrypt_v1_2', { keyId: keys.symmetric, body: { ciphertext: 'AAAA' } }],
    ['createLocalKey_v1_0', { keyId: keys.symmetric }],
    ['getSymmetricKey_v1_1', { keyId: keys.symmetric, query: { keyVersion: 0 } }],
    ['asymmetricSign_v1_2', { keyId: keys.asymmetric, body: { plaintext: 'x' } }],
    ['asymmetricVerify_v1_0', { keyId: keys.asymmetric, body: { plaintext: 'x', signature: 'AAAA' } }],
    ['getPrivateKey_v1_0', { keyId: keys.asymmetric }],
  ];
}

test('IPv4: a store whose allowlist excludes the caller, or lists it not In Service, refuses every protected operation', async () => {
  for (const keys of [t.profile.fixtures!.ipv4Denied!.keys, t.profile.fixtures!.ipv4NotInService!.keys]) {
    for (const [op, opts] of protectedCalls(keys)) fails(await t.call(op, opts), 'IPv4 Auth Failure');
  }
});

test('MAC: missing, unregistered, not In Service and malformed headers fail; the registered MAC passes in any notation', async () => {
  const f = t.profile.fixtures!.mac!;
  for (const mac of [undefined, f.unregistered!, f.notInService!, 'not a mac', 'x'.repeat(2000), '0a:00:27:00:00:01, 0a:00:27:00:00:01']) {
    for (const [op, opts] of protectedCalls(f.keys)) fails(await t.call(op, { ...opts, mac }), 'MAC Auth Failure');
  }
  const secret = ok(await t.call('getSecret_v1_0', { keyId: f.keys.secret, mac: f.registered }));
  assert.equal(secret.secret, 'mac secret');
  for (const mac of [f.registered.toUpperCase(), f.registered.replaceAll(':', '-')]) {
    ok(await t.call('getSecret_v1_2', { keyId: f.keys.secret, mac }));
  }
  ok(await t.call('symmetricEncrypt_v1_2', { keyId: f.keys.symmetric, mac: f.registered, body: { plaintext: 'x' } }));
  ok(await t.call('getPrivateKey_v1_0', { keyId: f.keys.asymmetric, mac: f.registered }));
});

test('certificate: none, foreign, expired, not In Service, and another store\'s fail; the valid one passes', async () => {
  const f = t.profile.fixtures!.certificate!;
  const seed = readSeed(DEFAULT_SEED_FILE).seed;
  const allMethods = seed.tenants[0].keyStores.find((s) => s.name === 'All methods')!.certificates![0];
  const otherStore = { pfx: readFileSync(t.file(`certs/${allMethods.name}.p12`)), passphrase: allMethods.password };
  for (const cert of [undefined, foreignCertificate(), t.certificate('expired'), t.certificate('notInService'), otherStore]) {
    for (const [op, opts] of protectedCalls(f.keys)) fails(await t.call(op, { ...opts, cert }), 'Certificate Auth Failure');
    if (cert) assert.equal(ok(await t.call('getClientInfo_v1_0', { cert })).clientSentCertificate, true);
  }
  const valid = t.certificate('valid');
  assert.equal(ok(await t.call('getSecret_v1_0', { keyId: f.keys.secret, cert: valid })).secret, 'certificate secret');
  const enc = ok(await t.call('symmetricEncrypt_v1_2', { keyId: f.keys.symmetric, cert: valid, body: { plaintext: 'mtls' } }));
  assert.equal(ok(await t.call('symmetricDecrypt_v1_0', { keyId: f.keys.symmetric, cert: valid, body: { ciphertext: enc.ciphertext } })).plaintext, 'mtls');
  ok(await t.call('getPrivateKey_v1_2', { keyId: f.keys.asymmetric, cert: valid }));
});

test('certificate: the plain HTTP listener refuses a certificate store', async () => {
  for (const [op, opts] of protectedCalls(t.profile.fixtures!.certificate!.keys)) {
    fails(await t.call(op, { ...opts, plain: true }), 'Certificate Auth Failure');
  }
});

test('the public key is readable whatever the client authentication', async () => {
  const f = t.profile.fixtures!;
  for (const keyId of [f.ipv4Denied!.keys.asymmetric, f.mac!.keys.asymmetric, f.certificate!.keys.asymmetric]) {
    ok(await t.call('getPublicKey_v1_0', { keyId }));
    ok(await t.call('getPublicKey_v1_2', { keyId, plain: true }));
  }
});

test('a store with IPv4, MAC and certificate requires all three', async () => {
  const seed = readSeed(DEFAULT_SEED_FILE).seed;
  const store = seed.tenants[0].keyStores.find((s) => s.name === 'All methods')!;
  const keyId = seed.tenants[0].keys.find((k) => k.keyStore === store.name)!.id;
  const cert = { pfx: readFileSync(t.file(`certs/${store.certificates![0].name}.p12`)), passphrase: store.certificates![0].password };
  const mac = store.mac![0].address;
  assert.equal(ok(await t.call('getSecret_v1_0', { keyId, mac, cert })).secret, 'all methods secret');
  fails(await t.call('getSecret_v1_0', { keyId, cert }), 'MAC Auth Failure');
  fails(await t.call('getSecret_v1_0', { keyId, mac }), 'Certificate Auth Failure');
  fails(await t.call('getSecret_v1_0', { keyId, mac, cert: t.certificate('valid') }), 'Certificate Auth Failure');
  fails(await t.call('getSecret_v1_0', { keyId, mac, cert, plain: true }), 'Certificate Auth Failure');
});
