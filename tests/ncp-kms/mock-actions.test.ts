// The reference mock over real HTTP: every action in both signature variants, the KMS prefix and its role
// in decryption, list inputs, createCustomKey, the documented limits at their edges, convergent keys,
// versions and disabled keys, and the KMS error envelope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVerify } from 'node:crypto';
import { b64, codeOf, dataOf, isRefusal, ok, random64, started } from './support.ts';

const { mock, client } = await started();
const { keys, samples } = mock;
const aes = keys.aes256.tag;
const PREFIX = /^ncpkms:v(\d+):/;

for (const version of ['v1', 'v2'] as const) {
  test(`${version}: encrypt then decrypt gives the plaintext back, under the newest version's prefix`, async () => {
    const plaintext = random64(100);
    const { ciphertext } = ok(await client.call(aes, 'encrypt', { plaintext }, { version }));
    assert.match(ciphertext as string, /^ncpkms:v3:/);
    assert.equal(ok(await client.call(aes, 'decrypt', { ciphertext }, { version })).plaintext, plaintext);
  });

  test(`${version}: reencrypt, createCustomKey, sign and verify are served`, async () => {
    const { ciphertext } = ok(await client.call(aes, 'encrypt', { plaintext: random64(8) }, { version }));
    for (const action of ['reencrypt', 're-encrypt'] as const) assert.match(ok(await client.call(aes, action, { ciphertext }, { version })).newCiphertext as string, PREFIX);
    assert.equal(typeof ok(await client.call(aes, 'createCustomKey', {}, { version })).key_version, 'number');
    const data = random64(64);
    const { signature } = ok(await client.call(keys.ecdsa.tag, 'sign', { data }, { version }));
    assert.equal(ok(await client.call(keys.ecdsa.tag, 'verify', { data, signature }, { version })).valid, true);
  });
}

test('the success envelope is {code: SUCCESS, msg: "", data} as JSON with HTTP 200', async () => {
  const answer = await client.call(aes, 'encrypt', { plaintext: random64(4) });
  assert.equal(answer.status, 200);
  assert.match(answer.contentType ?? '', /^application\/json/);
  assert.deepEqual(Object.keys(answer.body as object), ['code', 'msg', 'data']);
  assert.equal((answer.body as { msg: string }).msg, '');
});

test('a ciphertext without its prefix, with another version\'s prefix or of another key does not decrypt', async () => {
  const plaintext = random64(32);
  const { ciphertext } = ok(await client.call(aes, 'encrypt', { plaintext }));
  const text = ciphertext as string;
  for (const forged of [text.replace(PREFIX, ''), text.replace(/^ncpkms:v3:/, 'ncpkms:v1:')]) {
    const answer = await client.call(aes, 'decrypt', { ciphertext: forged });
    assert.ok(isRefusal(answer), JSON.stringify(answer.body));
  }
  assert.ok(isRefusal(await client.call(keys.aes256Second.tag, 'decrypt', { ciphertext })));
});

test('a ciphertext changed in one byte after the prefix is refused', async () => {
  const { ciphertext } = ok(await client.call(aes, 'encrypt', { plaintext: random64(32) }));
  const [, version, body] = /^(ncpkms:v\d+:)(.*)$/.exec(ciphertext as string)!;
  const bytes = Buffer.from(body, 'base64');
  bytes[20] ^= 1;
  const answer = await client.call(aes, 'decrypt', { ciphertext: version + b64(bytes) });
  assert.ok(isRefusal(answer));
  assert.equal(codeOf(answer), 'INVALID_REQUEST');
});

test('lists: each answer has one item per input, in order, under the documented list names', async () => {
  const plaintexts = [random64(10), random64(20), random64(30)];
  const { ciphertextList } = ok(await client.call(aes, 'encrypt', { plaintext: plaintexts })) as { ciphertextList: string[] };
  assert.equal(ciphertextList.length, 3);
  assert.deepEqual(ok(await client.call(aes, 'decrypt', { ciphertext: ciphertextList })).plaintextList, plaintexts);
  const { newCiphertextList } = ok(await client.call(aes, 'reencrypt', { ciphertext: ciphertextList })) as { newCiphertextList: string[] };
  assert.deepEqual(ok(await client.call(aes, 'decrypt', { ciphertext: newCiphertextList })).plaintextList, plaintexts);
  assert.ok(isRefusal(await client.call(aes, 'encrypt', { plaintext: [random64(11_000), random64(11_000), random64(11_000)] })), 'a list over 32 KB in sum');
});

test('limits at their edges: 32 KB plaintext, RSA2048 190 bytes, sign 8 KB, context 50 bytes', async () => {
  assert.ok(dataOf(await client.call(aes, 'encrypt', { plaintext: random64(32_768) })));
  assert.ok(isRefusal(await client.call(aes, 'encrypt', { plaintext: random64(32_769) })));
  const rsa = keys.rsa2048.tag;
  const plaintext = random64(190);
  const { ciphertext } = ok(await client.call(rsa, 'encrypt', { plaintext }));
  assert.equal(ok(await client.call(rsa, 'decrypt', { ciphertext })).plaintext, plaintext);
  assert.ok(isRefusal(await client.call(rsa, 'encrypt', { plaintext: random64(191) })));
  assert.ok(dataOf(await client.call(rsa, 'sign', { data: random64(8192) })));
  assert.ok(isRefusal(await client.call(rsa, 'sign', { data: random64(8193) })));
  const convergent = keys.convergent.tag;
  assert.ok(dataOf(await client.call(convergent, 'encrypt', { plaintext: random64(5), context: random64(50) })));
  assert.ok(isRefusal(await client.call(convergent, 'encrypt', { plaintext: random64(5), context: random64(51) })));
});

test('createCustomKey: bits give the key size, the plain key only on request and equal to the decrypted ciphertext', async () => {
  for (const bits of [128, 256, 512]) {
    const data = ok(await client.call(aes, 'createCustomKey', { requestPlainKey: true, bits }));
    assert.equal(Buffer.from(data.plaintext as string, 'base64').length, bits / 8);
    assert.equal(ok(await client.call(aes, 'decrypt', { ciphertext: data.ciphertext })).plaintext, data.plaintext);
    assert.equal(data.key_version, 3);
    assert.match(data.ciphertext as string, /^ncpkms:v3:/);
  }
  assert.equal(ok(await client.call(aes, 'createCustomKey', { requestPlainKey: false })).plaintext, undefined);
  assert.ok(isRefusal(await client.call(aes, 'createCustomKey', { bits: 192 })));
  assert.ok(isRefusal(await client.call(aes, 'createCustomKey', { bits: '256' })));
});

test('signatures of RSA2048 and ECDSA keys verify under node:crypto with the key\'s public key', async () => {
  for (const role of ['rsa2048', 'ecdsa'] as const) {
    const data = random64(300);
    const { signature } = ok(await client.call(keys[role].tag, 'sign', { data }));
    const [, version, body] = /^ncpkms:v(\d+):(.*)$/.exec(signature as string)!;
    const material = keys[role].versions.find((v) => v.number === Number(version))!.material;
    assert.ok(material.kind !== 'aes' && createVerify('sha256').update(Buffer.from(data, 'base64')).verify(material.publicKey, Buffer.from(body, 'base64')), role);
    assert.equal(ok(await client.call(keys[role].tag, 'verify', { data: random64(300), signature })).valid, false);
  }
});

test('convergent key: context required, same input same ciphertext, another context does not decrypt', async () => {
  const convergent = keys.convergent.tag;
  const plaintext = random64(40);
  const context = b64('tenant-7');
  assert.ok(isRefusal(await client.call(convergent, 'encrypt', { plaintext })));
  const first = ok(await client.call(convergent, 'encrypt', { plaintext, context })).ciphertext;
  assert.equal(ok(await client.call(convergent, 'encrypt', { plaintext, context })).ciphertext, first);
  assert.notEqual(ok(await client.call(convergent, 'encrypt', { plaintext, context: b64('tenant-8') })).ciphertext, first);
  assert.equal(ok(await client.call(convergent, 'decrypt', { ciphertext: first, context })).plaintext, plaintext);
  assert.ok(isRefusal(await client.call(convergent, 'decrypt', { ciphertext: first })));
  assert.ok(isRefusal(await client.call(convergent, 'decrypt', { ciphertext: first, context: b64('tenant-8') })));
  const again = [ok(await client.call(aes, 'encrypt', { plaintext })).ciphertext, ok(await client.call(aes, 'encrypt', { plaintext })).ciphertext];
  assert.notEqual(again[0], again[1], 'a key that is not convergent draws a fresh nonce');
});

test('versions: an older enabled version decrypts and is reencrypted to the newest; a disabled one is refused', async () => {
  const [aesFixture, rsaFixture, ecFixture] = samples.rotated;
  const [older, disabled] = aesFixture.samples;
  assert.equal(ok(await client.call(aes, 'decrypt', { ciphertext: older.ciphertext })).plaintext, older.plaintext);
  const { newCiphertext } = ok(await client.call(aes, 'reencrypt', { ciphertext: older.ciphertext }));
  assert.match(newCiphertext as string, new RegExp(`^ncpkms:v${aesFixture.newestVersion}:`));
  for (const action of ['decrypt', 'reencrypt'] as const) {
    const answer = await client.call(aes, action, { ciphertext: disabled.ciphertext });
    assert.equal(codeOf(answer), 'INVALID_STATUS', action);
  }
  const [rsaDisabled] = rsaFixture.samples;
  assert.equal(codeOf(await client.call(rsaFixture.keyTag, 'verify', { data: rsaDisabled.data, signature: rsaDisabled.signature })), 'INVALID_STATUS');
  const [ecOlder] = ecFixture.samples;
  assert.equal(ok(await client.call(ecFixture.keyTag, 'verify', { data: ecOlder.data, signature: ecOlder.signature })).valid, true);
});

test('a disabled key refuses encrypt, createCustomKey and decrypt of what it made', async () => {
  const { keyTag, ciphertext } = samples.disabledKey;
  for (const [action, body] of [['encrypt', { plaintext: random64(4) }], ['createCustomKey', {}], ['decrypt', { ciphertext }]] as const) {
    assert.equal(codeOf(await client.call(keyTag, action, body)), 'INVALID_STATUS', action);
  }
});

test('KMS refusals: documented codes, messages and the reference statuses', async () => {
  const unknown = await client.call('no-such-key', 'encrypt', { plaintext: random64(4) });
  assert.equal(unknown.status, 404);
  assert.deepEqual(unknown.body, { code: 'NOT_FOUND', msg: 'Not found' });
  const notBase64 = await client.call(aes, 'encrypt', { plaintext: 'not base64!' });
  assert.equal(notBase64.status, 400);
  assert.deepEqual(notBase64.body, { code: 'INVALID_REQUEST', msg: 'Invalid request' });
  assert.ok(isRefusal(await client.call(aes, 'sign', { data: random64(4) })), 'an AES256 key does not sign');
  assert.ok(isRefusal(await client.call(keys.ecdsa.tag, 'encrypt', { plaintext: random64(4) })), 'an ECDSA key does not encrypt');
});
