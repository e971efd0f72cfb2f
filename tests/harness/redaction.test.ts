// Secrets are masked wherever they appear; the appkey keeps only its last 4 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Redactor, maskAppkey } from '../../harness/redaction.ts';
import { Exchange } from '../../harness/http/exchange.ts';

test('the appkey is masked but for its last 4 characters', () => {
  assert.equal(maskAppkey('abcdefgh1234'), '****1234');
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
