// Bad input never breaks the mock: thousands of generated malformed requests (methods, paths, path
// segments, query values, headers, bodies) each get a valid error envelope and never a 5xx, and the
// mock still answers correctly afterwards. Plus the cases a generator rarely hits: huge bodies,
// requests node's HTTP parser refuses, a client that disappears mid-body.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import fc from 'fast-check';
import { operations } from '../../generated/skm/operations.ts';
import type { ValidateFunction } from 'ajv';
import * as validators from '../../generated/skm/validators.js';
import { Router } from '../../mock/router.ts';
import { MAX_BODY_BYTES } from '../../mock/server.ts';
import { assertErrorEnvelope, fails, ok, startTestMock, type Answer, type TestMock } from './support.ts';

// The generated requests may schedule or delete any key they can name, so they get a mock of their own.
let fuzzed: TestMock;
let t: TestMock;
before(async () => {
  [fuzzed, t] = await Promise.all([startTestMock(), startTestMock()]);
});
after(() => Promise.all([fuzzed.close(), t.close()]));

const ODD_SEGMENTS = ['', '..', '.', '%2e%2e', '%2F', '%2f..%2f', 'a%00b', '%00', '%ZZ', '%', '%E2%82%AC', '%F0%9F%98%80', 'x'.repeat(3000), 'F'.repeat(32), '0'.repeat(32), 'null', '%20', 'a;b', 'a,b', '~', '%25'];
const ODD_QUERIES = ['keyVersion=-1', 'keyVersion=abc', 'keyVersion=', 'keyVersion=1.5', 'keyVersion=99999999999999999999999', 'keyVersion=0&keyVersion=1', 'keyVersion=%00', 'keyVersion=1e400', 'keyVersion', '&&&', 'keyVersion=0x1'];
const BODY_FRAGMENTS = ['{', '{"plaintext":', '[', 'null', '"x"', '1', 'true', '{"plaintext":"\\ud800"}', '\u0000', '{"plaintext":"a","plaintext":1}', '{"__proto__":{"x":1},"plaintext":"a"}', '{"constructor":{"prototype":{}}}', ' '.repeat(100), '{"ciphertext":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}', '{"signature":"' + 'A'.repeat(348) + '","plaintext":"x"}'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', ''];

interface Generated {
  method: string;
  path: string;
  body?: string | Buffer;
  headers: Record<string, string>;
  plain: boolean;
}

/** Valid genuine ciphertext and signature, so near-valid decrypt and verify requests reach the crypto. */
const genuine = { ciphertext: '', signature: '' };

function arbitraries() {
  const p = () => fuzzed.profile;
  const realKeyIds = [p().keys.secret!.id, p().keys.symmetric!.id, p().keys.asymmetric!.id, ...Object.values(p().fixtures!.mac!.keys), ...Object.values(p().fixtures!.certificate!.keys)];
  const segment = fc.oneof(fc.constantFrom(...ODD_SEGMENTS), fc.string({ unit: 'grapheme' }).map(encodeURIComponent));
  const appkey = fc.oneof(fc.constantFrom(p().appkey, p().fixtures!.otherTenant!.appkey, 'noSuchAppkey'), segment);
  const keyid = fc.oneof(fc.constantFrom(...realKeyIds), segment);
  const query = fc.oneof(fc.constantFrom(...ODD_QUERIES), fc.string().map((q) => `keyVersion=${encodeURIComponent(q)}`));
  const body = fc.oneof(
    fc.json(),
    fc.constantFrom(...BODY_FRAGMENTS),
    fc.string(),
    fc.record({ plaintext: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())), ciphertext: fc.oneof(fc.string(), fc.base64String()), signature: fc.base64String({ maxLength: 400 }) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    fc.record({ keyStoreName: fc.oneof(fc.constant('Store #1'), fc.string()), name: fc.string(), autoRotationPeriod: fc.oneof(fc.integer(), fc.double(), fc.string()), secretValue: fc.string() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    fc.integer({ min: 32_000, max: 70_000 }).map((n) => JSON.stringify({ plaintext: 'a'.repeat(n), secretValue: 'b'.repeat(n) })),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  );
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const headerValue = fc.oneof(printable, fc.constantFrom('0a:00:27:00:00:01', '0A-00-27-00-00-01', 'x'.repeat(8000), p().credentials!.accessKeyId, p().credentials!.secretAccessKey, ''));
  const headerName = fc.constantFrom('content-type', 'x-toast-client-mac-addr', 'x-tc-authentication-id', 'x-tc-authentication-secret');
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'FOO', 'get');
  return { segment, appkey, keyid, query, body, headerValue, headerName, method };
}

/** A request that would succeed, for an operation of the catalogue: the starting point of mutations. */
function validRequest(op: (typeof operations)[number], plain: boolean): Generated {
  const p = fuzzed.profile;
  const keyByOperation: Record<string, string> = {
    getSecret: p.keys.secret!.id,
    symmetricEncrypt: p.keys.symmetric!.id, symmetricDecrypt: p.keys.symmetric!.id, createLocalKey: p.keys.symmetric!.id, getSymmetricKey: p.keys.symmetric!.id,
    asymmetricSign: p.keys.asymmetric!.id, asymmetricVerify: p.keys.asymmetric!.id, getPrivateKey: p.keys.asymmetric!.id, getPublicKey: p.keys.asymmetric!.id,
  };
  const bodies: Record<string, unknown> = {
    symmetricEncrypt: { plaintext: 'text' }, symmetricDecrypt: { ciphertext: genuine.ciphertext },
    asymmetricSign: { plaintext: 'text' }, asymmetricVerify: { plaintext: 'text', signature: genuine.signature },
    createSecret: { keyStoreName: 'Store #1', name: 'generated', secretValue: 'v' }, createSymmetricKey: { keyStoreName: 'Store #1', name: 'generated' },
    // an RSA key per generated request would make the run slow; its creation is tested elsewhere
    createAsymmetricKey: { keyStoreName: 'Store #1', name: 'generated', autoRotationPeriod: 29 },
  };
  // management calls name an unknown key, so generated requests never delete the fixtures
  const path = op.path.replace('{appkey}', p.appkey).replace('{keyid}', keyByOperation[op.operation] ?? '0'.repeat(32));
  const headers: Record<string, string> = {};
  if (op.version === 'v1.2') Object.assign(headers, { 'x-tc-authentication-id': p.credentials!.accessKeyId, 'x-tc-authentication-secret': p.credentials!.secretAccessKey });
  const body = bodies[op.operation];
  if (body !== undefined) headers['content-type'] = 'application/json';
  return { method: op.method, path: op.operation === 'getSymmetricKey' && op.version === 'v1.1' ? `${path}?keyVersion=0` : path, body: body === undefined ? undefined : JSON.stringify(body), headers, plain };
}

function requests(): fc.Arbitrary<Generated> {
  const a = arbitraries();
  const mutation: fc.Arbitrary<(r: Generated) => Generated> = fc.oneof(
    a.body.map((body) => (r: Generated) => ({ ...r, body })),
    a.method.map((method) => (r: Generated) => ({ ...r, method })),
    a.query.map((q) => (r: Generated) => ({ ...r, path: `${r.path.split('?')[0]}?${q}` })),
    fc.tuple(a.headerName, a.headerValue).map(([name, value]) => (r: Generated) => ({ ...r, headers: { ...r.headers, [name]: value } })),
    fc.constantFrom(...CONTENT_TYPES).map((type) => (r: Generated) => ({ ...r, headers: { ...r.headers, 'content-type': type } })),
    a.headerName.map((name) => (r: Generated) => ({ ...r, headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== name)) })),
    fc.tuple(fc.nat(), a.segment).map(([at, segment]) => (r: Generated) => {
      const parts = r.path.split('/');
      parts[1 + (at % (parts.length - 1))] = segment;
      return { ...r, path: parts.join('/') };
    }),
    fc.tuple(a.appkey, a.keyid).map(([appkey, keyid]) => (r: Generated) => {
      const parts = r.path.split('/');
      parts[4] = appkey;
      if (parts.length > 6) parts[6] = keyid;
      return { ...r, path: parts.join('/') };
    }),
  );
  const nearValid = fc
    .tuple(fc.constantFrom(...operations), fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([op, plain, mutations]) => mutations.reduce((r, m) => m(r), validRequest(op, plain)));
  const random = fc.record({
    method: a.method,
    path: fc.oneof(
      fc.array(a.segment, { maxLength: 9 }).map((s) => `/keymanager/${s.join('/')}`),
      fc.constantFrom('/', '/keymanager', '/keymanager/', '//keymanager//v1.0', '/KEYMANAGER/V1.0/appkey/x/confirm', '/keymanager/v1.0/appkey/x/confirm?%'),
    ),
    body: fc.option(a.body, { nil: undefined }),
    headers: fc.dictionary(a.headerName, a.headerValue),
    plain: fc.boolean(),
  });
  return fc.oneof({ arbitrary: nearValid, weight: 4 }, { arbitrary: random, weight: 1 });
}

const router = new Router();
const validatorsByName = validators as unknown as Record<string, ValidateFunction>;

function assertWellFormed(method: string, path: string, answer: Answer): void {
  assert.ok(answer.status < 500, `HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (method === 'HEAD') return; // no body by definition
  assert.doesNotMatch(answer.text, /\bat .+\.(ts|js):\d+/, 'no stack trace');
  if (answer.json?.header?.isSuccessful === true) {
    // the operation that answered, found the way the mock routes; its generated validator judges the answer
    const op = router.match(method, path)?.route.op;
    assert.ok(op, `success for a request no operation matches: ${method} ${path}`);
    const validate = validatorsByName[op.validators.response];
    assert.ok(validate(answer.json), `${op.operationId}: ${JSON.stringify(validate.errors)}\n${answer.text.slice(0, 300)}`);
  } else {
    assertErrorEnvelope(answer);
  }
}

test('property: 2,000 malformed requests get well-formed answers, never a 5xx', async () => {
  const seed = Number(process.env.SKM_SEED ?? Date.now() % 2 ** 31);
  console.log(`fast-check seed ${seed} (set SKM_SEED=${seed} to replay)`);
  const enc = ok(await fuzzed.call('symmetricEncrypt_v1_0', { keyId: fuzzed.profile.keys.symmetric!.id, body: { plaintext: 'text' } }));
  const sig = ok(await fuzzed.call('asymmetricSign_v1_0', { keyId: fuzzed.profile.keys.asymmetric!.id, body: { plaintext: 'text' } }));
  Object.assign(genuine, { ciphertext: enc.ciphertext, signature: sig.signature });
  let succeeded = 0;
  await fc.assert(
    fc.asyncProperty(requests(), async ({ method, path, body, headers, plain }) => {
      const withBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
      const answer = await fuzzed.send(method, path, { rawBody: withBody ? body : undefined, headers, plain });
      assertWellFormed(method, path, answer);
      if (answer.json?.header.isSuccessful) succeeded += 1;
    }),
    { numRuns: 2000, seed },
  );
  // mutations sometimes leave a request valid; most must go wrong somewhere
  assert.ok(succeeded > 0 && succeeded < 1000, `${succeeded} of 2,000 generated requests succeeded`);
});

test('after the property run a known-good request still answers correctly', async () => {
  const created = ok(await fuzzed.call('createSymmetricKey_v1_2', { body: { keyStoreName: 'Store #1', name: 'after the storm' } }));
  const enc = ok(await fuzzed.call('symmetricEncrypt_v1_0', { keyId: created.keyId as string, body: { plaintext: 'still here' } }));
  assert.equal(ok(await fuzzed.call('symmetricDecrypt_v1_2', { keyId: created.keyId as string, body: { ciphertext: enc.ciphertext } })).plaintext, 'still here');
  assert.equal(ok(await fuzzed.call('getClientInfo_v1_0')).clientIp, '127.0.0.1');
});

test('bodies of 1 MiB and 16 MiB are read to the end and refused with the envelope', async () => {
  const path = `/keymanager/v1.0/appkey/${t.profile.appkey}/symmetric-keys/${t.profile.keys.symmetric!.id}/encrypt`;
  for (const size of [MAX_BODY_BYTES + 1, 16 * 1024 * 1024]) {
    const rawBody = JSON.stringify({ plaintext: 'a'.repeat(size) });
    fails(await t.send('POST', path, { rawBody, headers: { 'content-type': 'application/json' } }), 'Invalid User Data');
  }
});

test('wrong or missing Content-Type is refused as Invalid User Data, never read as JSON', async () => {
  const path = `/keymanager/v1.0/appkey/${t.profile.appkey}/symmetric-keys/${t.profile.keys.symmetric!.id}/encrypt`;
  const wrong: Record<string, string>[] = [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }];
  for (const headers of wrong) {
    fails(await t.send('POST', path, { rawBody: '{"plaintext":"x"}', headers }), 'Invalid User Data');
  }
  ok(await t.send('POST', path, { rawBody: '{"plaintext":"x"}', headers: { 'content-type': 'Application/JSON; charset=UTF-8' } }));
});

/** Writes raw bytes to the plain listener and returns what comes back before the server closes. */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(t.mock.plainBaseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

test('requests node\'s HTTP parser refuses still get the envelope', async () => {
  for (const [request, message] of [
    ['FOO / HTTP/1.1\r\nHost: x\r\n\r\n', 'URL NOT FOUND'],
    ['GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 'Invalid User Data'],
    [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 'Invalid User Data'],
    ['GARBAGE\r\n\r\n', 'URL NOT FOUND'],
    ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', 'Invalid User Data'],
  ] as const) {
    const response = await raw(request);
    const [head, body] = response.split('\r\n\r\n');
    assert.match(head, /^HTTP\/1\.1 4\d\d /, `${JSON.stringify(request.slice(0, 40))} -> ${head}`);
    const json = JSON.parse(body);
    assertErrorEnvelope({ status: 400, headers: {}, text: body, json });
    assert.equal(json.header.resultMessage, message);
  }
});

test('a client that disappears mid-body does not disturb the mock', async () => {
  const { port } = new URL(t.mock.plainBaseUrl);
  const path = `/keymanager/v1.0/appkey/${t.profile.appkey}/symmetric-keys/${t.profile.keys.symmetric!.id}/encrypt`;
  await new Promise<void>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"plaintext":"`);
      setTimeout(() => socket.destroy(), 20);
    });
    socket.on('close', () => resolve());
  });
  ok(await t.call('symmetricEncrypt_v1_0', { keyId: t.profile.keys.symmetric!.id, body: { plaintext: 'fine' } }));
});
