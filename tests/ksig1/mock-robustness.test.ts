// Bad client input never gives the gate a 5xx, a crash or a hang: generated authentication headers around
// the documented shapes, raw bytes that are not HTTP, a body over the limit, and a correctly signed request
// that is still served afterwards (KSIG-ROB-GEN-001, KSIG-ROB-ALIVE-001).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendRaw } from '../raw-socket.ts';
import fc from 'fast-check';
import { ELEMENT_NAMES, HEADERS, SCHEME, signRequest } from '../../families/ksig1/auth/signer.ts';
import { POST_CONTROL, refusedAs, served, started } from './support.ts';

const { mock, client } = await started();
const RUNS = Number(process.env.KSIG1_ROBUSTNESS_RUNS ?? 80);

/** A header value node will send: visible ASCII and spaces, no leading or trailing space. */
const headerText = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const valueFor = (name: string) => {
  const near: Record<string, fc.Arbitrary<string>> = {
    [HEADERS.authorization]: fc.oneof(headerText, headerText.map((t) => `${SCHEME} ${t}`), fc.base64String().map((b) => `${SCHEME} ${b}`)),
    [HEADERS.signedElements]: fc.array(fc.oneof(fc.constantFrom(...ELEMENT_NAMES, 'URL-Path', ''), headerText), { maxLength: 8 }).map((l) => l.join(';')),
    [HEADERS.timestamp]: fc.oneof(fc.bigInt().map(String), headerText),
  };
  return near[name] ?? headerText;
};
const headerNames = Object.values(HEADERS);

test('generated authentication headers are refused or served, never a 5xx', async () => {
  const changes = fc.array(fc.tuple(fc.constantFrom(...headerNames), fc.option(fc.constant(null), { freq: 3 })), { minLength: 1, maxLength: 4 })
    .chain((picked) => fc.tuple(...picked.map(([name, drop]) => (drop === null ? fc.constant([name, undefined] as const) : valueFor(name).map((v) => [name, v] as const)))));
  await fc.assert(fc.asyncProperty(changes, async (change) => {
    const signed = signRequest(client.toSign(POST_CONTROL));
    const headers = { ...signed.headers };
    for (const [name, value] of change) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const answer = await client.send({ ...signed, headers });
    assert.ok(answer.status < 500, `${JSON.stringify(change)} -> ${answer.status} ${JSON.stringify(answer.body)}`);
    assert.ok(served(answer) || refusedAs(answer), `${JSON.stringify(change)} -> ${answer.status} ${JSON.stringify(answer.body)}`);
  }), { numRuns: RUNS });
});

test('bytes that are not HTTP get a 400 and a closed connection', async () => {
  const reply = await sendRaw(mock.baseUrl, 'NOT HTTP AT ALL\r\n\r\n');
  assert.match(reply, /^HTTP\/1\.1 400 /);
});

test('a body over 1 MiB is read and refused with 413, not a reset', async () => {
  const answer = await client.signed({ ...POST_CONTROL, body: `"${'x'.repeat(1024 * 1024)}"` });
  assert.equal(answer.status, 413);
});

test('after all of it, a correctly signed request is still served', async () => {
  assert.ok(served(await client.signed(POST_CONTROL)));
});
