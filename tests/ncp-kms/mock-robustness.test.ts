// Bad client input never gives the mock a 5xx, a crash or a hang: generated bodies for every action, raw
// bytes that are not HTTP, and a valid call that still succeeds afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendRaw } from '../raw-socket.ts';
import fc from 'fast-check';
import type { Action } from '../../families/ncp-kms/client.ts';
import { dataOf, isRefusal, random64, started } from './support.ts';

const { mock, client } = await started();
const ACTIONS: Action[] = ['encrypt', 'decrypt', 'createCustomKey', 'reencrypt', 're-encrypt', 'sign', 'verify'];
const FIELDS = ['plaintext', 'ciphertext', 'context', 'data', 'signature', 'bits', 'requestPlainKey'];
const RUNS = Number(process.env.NCP_ROBUSTNESS_RUNS ?? 60);

/** Bodies near the documented shape: the documented fields with values of every JSON type, lists included. */
const bodies = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(
  fc.jsonValue(),
  fc.base64String(),
  fc.array(fc.oneof(fc.base64String(), fc.integer())),
  fc.constantFrom('ncpkms:v3:', 'ncpkms:v999999999:AAAA', 'ncpkms:vx:AAAA', 'ncpkms:v1:!!!!', '', 256, 192, -1, true, null),
));

test('generated bodies for every action and key are refused or served, never a 5xx', async () => {
  const tags = [...Object.values(mock.keys).map((k) => k.tag), 'no-such-key', '%2F..%2F', 'x'.repeat(300)];
  await fc.assert(fc.asyncProperty(fc.constantFrom(...ACTIONS), fc.constantFrom(...tags), bodies, async (action, tag, body) => {
    const answer = await client.call(tag, action, body);
    assert.ok(answer.status < 500, `${action} ${tag} ${JSON.stringify(body)} -> ${answer.status} ${JSON.stringify(answer.body)}`);
    assert.ok(dataOf(answer) || isRefusal(answer), JSON.stringify(answer.body));
  }), { numRuns: RUNS });
});

test('bodies that are not JSON objects are refused as INVALID_REQUEST', async () => {
  for (const rawBody of ['', 'null', '[]', '"text"', '{"plaintext":', '\u0000\u00ff', '42']) {
    const answer = await client.call(mock.keys.aes256.tag, 'encrypt', undefined, { rawBody });
    assert.equal((answer.body as { code: string }).code, 'INVALID_REQUEST', JSON.stringify(rawBody));
  }
});

test('bytes that are not HTTP get the gateway\'s 400 and a closed connection', async () => {
  const reply = await sendRaw(mock.baseUrl, 'NOT HTTP AT ALL\r\n\r\n');
  assert.match(reply, /^HTTP\/1\.1 400 /);
  assert.match(reply, /"errorCode":"100"/);
});

test('after all of it, a valid call still succeeds', async () => {
  const plaintext = random64(64);
  const { ciphertext } = dataOf(await client.call(mock.keys.aes256.tag, 'encrypt', { plaintext }))!;
  assert.equal(dataOf(await client.call(mock.keys.aes256.tag, 'decrypt', { ciphertext }))!.plaintext, plaintext);
});
