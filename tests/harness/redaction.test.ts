// Secrets are masked wherever they appear; the appkey keeps only its last 4 characters; key material
// is masked in every form; curl lines repeat the request with secrets as their variables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Redactor, maskCredential, redactorFor } from '../../harness/redaction.ts';
import { Exchange } from '../../harness/http/exchange.ts';
import type { LoadedTarget } from '../../harness/profile/load-target.ts';

test('the appkey is masked but for its last 4 characters', () => {
  assert.equal(maskCredential('abcdefgh1234'), '****1234');
});

test('known secrets are masked in text, also URL-encoded', () => {
  const r = new Redactor();
  r.add('s3cr3t/value', '[masked]');
  assert.equal(r.text('a s3cr3t/value b s3cr3t%2Fvalue'), 'a [masked] b [masked]');
});

test('secret response fields are masked by name and learnt for elsewhere', () => {
  const r = new Redactor();
  const body = { header: {}, body: { localKeyPlaintext: 'LOCALKEYBASE64==', keyVersion: 0 } };
  r.learn(body);
  assert.deepEqual(r.json(body), { header: {}, body: { localKeyPlaintext: '[masked localKeyPlaintext]', keyVersion: 0 } });
  assert.equal(r.text('decrypted: LOCALKEYBASE64=='), 'decrypted: [masked localKeyPlaintext]');
});

test('private key material is masked, public key material is not', () => {
  const r = new Redactor();
  assert.deepEqual(r.json({ keyType: 'PrivateKey', key: '0x30', encodedKey: 'MII' }), { keyType: 'PrivateKey', key: '[masked key]', encodedKey: '[masked encodedKey]' });
  assert.deepEqual(r.json({ keyType: 'PublicKey', key: '0x30', encodedKey: 'MII' }), { keyType: 'PublicKey', key: '0x30', encodedKey: 'MII' });
});

test('an exchange prints no credential, in its evidence or its curl line', () => {
  const r = new Redactor();
  r.add('APPKEY-abcd', '****abcd');
  r.add('the-secret-access-key', '${SKM_SECRET}');
  const ex = new Exchange(
    'getSecret_v1_2',
    { method: 'GET', url: 'https://h/keymanager/v1.2/appkey/APPKEY-abcd/secrets/k', headers: { 'x-tc-authentication-id': 'unknown-id-value', 'x-tc-authentication-secret': 'the-secret-access-key' } },
    { status: 200, headers: {}, text: '{"header":{},"body":{"secret":"top secret data"}}', json: { header: {}, body: { secret: 'top secret data' } } },
    undefined,
    5,
    r,
  );
  const printed = `${ex.describe()}\n${JSON.stringify(ex.masked())}`;
  for (const secret of ['APPKEY-abcd', 'the-secret-access-key', 'unknown-id-value', 'top secret data']) assert.ok(!printed.includes(secret), `${secret} printed`);
  assert.ok(ex.curl().includes('${SKM_SECRET}'), ex.curl());
});

// Key material the harness learns is masked by value in every form it may take afterwards.
const LOCAL_KEY = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff', 'hex');
const forms = (bytes: Buffer) => ({
  base64: bytes.toString('base64'),
  unpadded: bytes.toString('base64').replace(/=+$/, ''),
  listing: [...bytes].map((b) => `0x${b.toString(16).padStart(2, '0')}`).join(', '),
  shouted: [...bytes].map((b) => `0X${b.toString(16).padStart(2, '0').toUpperCase()}`).join(','),
  hex: bytes.toString('hex'),
  raw: bytes.toString('latin1'),
});

function exchangeWith(r: Redactor, body: string, response: unknown, error?: string): Exchange {
  const request = { method: 'POST', url: 'https://h/keymanager/v1.0/appkey/k/symmetric-keys/id/encrypt', headers: {}, body };
  const received = error ? undefined : { status: 200, headers: {}, text: JSON.stringify(response), json: response };
  return new Exchange('symmetricEncrypt_v1_0', request, received, error, 1, r);
}

function printed(ex: Exchange): string {
  return `${ex.describe()}\n${JSON.stringify(ex.masked())}`;
}

function assertNoForm(text: string, bytes: Buffer, what: string): void {
  for (const [form, value] of Object.entries(forms(bytes))) assert.ok(!text.includes(value), `${what} printed as ${form}:\n${text}`);
}

test('a local key from create-local-key is masked in every form, in requests, responses, errors and curl lines', () => {
  const r = new Redactor();
  r.learn({ header: {}, body: { localKeyPlaintext: LOCAL_KEY.toString('base64'), localKeyCiphertext: 'AAAAAcipher', keyVersion: 1 } });
  for (const [form, value] of Object.entries(forms(LOCAL_KEY))) {
    const ex = exchangeWith(r, JSON.stringify({ plaintext: `key ${value} end` }), { header: {}, body: { ciphertext: 'x', echo: value } });
    assertNoForm(printed(ex), LOCAL_KEY, `a local key sent as ${form}`);
    assertNoForm(printed(exchangeWith(r, '{}', undefined, `TLS error near ${value}`)), LOCAL_KEY, `a local key in an error as ${form}`);
  }
});

test('what a decrypt of a local key ciphertext returns is key material, even when it is not the local key', () => {
  const r = new Redactor();
  r.learn({ header: {}, body: { localKeyPlaintext: LOCAL_KEY.toString('base64'), localKeyCiphertext: 'AAAAAcipher', keyVersion: 1 } });
  const other = Buffer.alloc(32, 7);
  r.learn({ header: {}, body: { plaintext: other.toString('base64') } }, JSON.stringify({ ciphertext: 'AAAAAcipher' }));
  assertNoForm(r.text(`${Object.values(forms(other)).join(' ')}`), other, 'the decrypted local key');
  const plain = Buffer.alloc(32, 9);
  r.learn({ header: {}, body: { plaintext: plain.toString('base64') } }, JSON.stringify({ ciphertext: 'AAAAAother' }));
  assert.equal(r.text(plain.toString('base64')), plain.toString('base64'), 'an ordinary decrypt stays readable');
});

test('a symmetric key (hex listing) and a private key (listing and Base64 DER) are masked in each other\'s forms', () => {
  const r = new Redactor();
  const symmetric = Buffer.alloc(32, 0x3a);
  r.learn({ header: {}, body: { symmetricKey: forms(symmetric).listing } });
  assertNoForm(r.text(Object.values(forms(symmetric)).join(' | ')), symmetric, 'the symmetric key');
  const der = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
  r.learn({ header: {}, body: { keyType: 'PrivateKey', key: forms(der).listing, encodedKey: der.toString('base64') } });
  const pem = `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----`;
  assertNoForm(r.text(`${Object.values(forms(der)).join(' | ')}\n${pem}`), der, 'the private key');
  assert.ok(!r.text(pem).includes(der.toString('base64').slice(64, 128)), 'nor as PEM');
});

test('the profile\'s rotated local keys are masked, and its appkey from a variable is that variable in curl lines', () => {
  const olderKey = Buffer.alloc(32, 0x51).toString('base64');
  const profile = {
    appkey: 'appkey-from-env-1234',
    keys: {},
    fixtures: { rotated: { latestVersion: 3, inService: [2, 3], olderVersion: { version: 2, plaintext: 't', localKeyPlaintext: olderKey, localKeyCiphertext: 'AAAAAolder' } } },
  };
  const target = { path: '/p.yaml', profile, fromEnv: new Map([['appkey-from-env-1234', 'SKM_APPKEY']]), file: (f: string) => f } as unknown as LoadedTarget;
  const r = redactorFor(target);
  assertNoForm(r.text(`${olderKey} ${Buffer.from(olderKey, 'base64').toString('hex')}`), Buffer.from(olderKey, 'base64'), 'the older local key');
  const faulty = Buffer.alloc(32, 0x52).toString('base64');
  r.learn({ header: {}, body: { plaintext: faulty } }, JSON.stringify({ ciphertext: 'AAAAAolder' }));
  assert.equal(r.text(faulty), '[masked local key]');
  const ex = new Exchange('getSecret_v1_0', { method: 'GET', url: 'https://h/keymanager/v1.0/appkey/appkey-from-env-1234/secrets/k', headers: {} }, undefined, 'x', 1, r);
  assert.match(ex.masked().request.url, /\/appkey\/\*{4}1234\//);
  assert.match(ex.curl(), /'https:\/\/h\/keymanager\/v1\.0\/appkey\/'"\$\{SKM_APPKEY\}"'\/secrets\/k'$/);
});

test('a curl line names the CA and the client certificate, and the shell expands only the variables', () => {
  const r = new Redactor();
  r.fromEnv('the-passphrase', 'SKM_CERT_PASSWORD');
  r.add('literal-passphrase', '[masked passphrase]');
  const request = { method: 'POST', url: 'https://h/x', headers: { 'content-type': 'application/json' }, body: '{"plaintext":"it\'s $HOME `id`"}', certificate: 'fixtures.certificate.valid' };
  const line = new Exchange(undefined, request, undefined, 'x', 1, r, { ca: '/p/ca.pem', certificate: { pkcs12: '/p/c:1.p12', passphrase: 'the-passphrase' } }).curl();
  const args = spawnSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }; ${line}`], { env: { SKM_CERT_PASSWORD: 'expanded', PATH: process.env.PATH }, encoding: 'utf8' }).stdout.trimEnd().split('\n');
  assert.deepEqual(args, ['-sS', '--cacert', '/p/ca.pem', '--cert-type', 'P12', '--cert', '/p/c\\:1.p12:expanded', '-X', 'POST', '-H', 'content-type: application/json', '--data-binary', '{"plaintext":"it\'s $HOME `id`"}', 'https://h/x']);
  const literal = new Exchange(undefined, request, undefined, 'x', 1, r, { certificate: { pkcs12: '/p/c.p12', passphrase: 'literal-passphrase' } }).curl();
  assert.ok(!literal.includes('literal-passphrase') && literal.includes('/p/c.p12:[masked passphrase]'), literal);
});
