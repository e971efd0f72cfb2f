// The gateway signer against vectors made without it: openssl's HMAC over a string built by hand, and
// the same vectors written down, so the test still means something where openssl is missing. Then the
// breakings: each changes exactly what it says and leaves the rest correctly signed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalogue } from '../../families/ncp-kms/spec/catalogue.ts';
import { opensslHmac, opensslMissing } from '../openssl-hmac.ts';
import {
  GATEWAY_HEADERS, signature, signedHeaders, signRequest, SigningError, stringToSign, type SigningInput,
} from '../../families/ncp-kms/auth/signer.ts';
import { BREAKINGS, breakingsFor, brokenHeaders, breakingNamed, type BreakingContext } from '../../families/ncp-kms/auth/breakings.ts';

const credentials = { accessKey: 'AK0123456789ABCDEFGH', secretKey: 'SKsecret0123456789abcdefghijklmnopqrstuv', apiKey: 'apigw-key-1' };
const v2: SigningInput = { version: 'v2', method: 'post', pathWithQuery: '/keys/v2/tag123/encrypt', timestamp: '1700000000000', credentials };
const v1: SigningInput = { ...v2, version: 'v1', pathWithQuery: '/keys/v1/tag123/encrypt' };


// Written down from opensslHmac over the hand-built strings below.
const V2_VECTOR = 'eFSfRxucwBCO+oOGEOBZQ35QOcyIHLqd3zMnYxWfS/Y=';
const V1_WITH_API_KEY_VECTOR = 'z9837f0kGtRTknvAOqT6wN2asMpD77ELNC5+jhQD/wA=';
const V1_WITHOUT_API_KEY_VECTOR = '4j3+sRKPeq/LpirJEAQ13xFpw/bgnn12U343l1593Gg=';

const byHand = {
  v2: 'POST /keys/v2/tag123/encrypt\n1700000000000\nAK0123456789ABCDEFGH',
  v1With: 'POST /keys/v1/tag123/encrypt\n1700000000000\napigw-key-1\nAK0123456789ABCDEFGH',
  v1Without: 'POST /keys/v1/tag123/encrypt\n1700000000000\nAK0123456789ABCDEFGH',
};

test('the strings to sign are the documented ones (method in upper case)', () => {
  assert.equal(stringToSign(v2), byHand.v2);
  assert.equal(stringToSign(v1), byHand.v1With, 'v1 default: the API key between the timestamp and the access key');
  assert.equal(stringToSign({ ...v1, v1StringToSign: 'without-api-key' }), byHand.v1Without);
});

test('signatures match the written-down vectors', () => {
  assert.equal(signature(v2), V2_VECTOR);
  assert.equal(signature(v1), V1_WITH_API_KEY_VECTOR);
  assert.equal(signature({ ...v1, v1StringToSign: 'without-api-key' }), V1_WITHOUT_API_KEY_VECTOR);
});

test('signatures match openssl over the hand-built strings', { skip: opensslMissing }, () => {
  assert.equal(signature(v2), opensslHmac(byHand.v2, { text: credentials.secretKey }));
  assert.equal(signature(v1), opensslHmac(byHand.v1With, { text: credentials.secretKey }));
  assert.equal(signature({ ...v1, v1StringToSign: 'without-api-key' }), opensslHmac(byHand.v1Without, { text: credentials.secretKey }));
});

test('a query string is part of what is signed, and a non-ASCII secret is used as UTF-8', () => {
  const withQuery = { ...v2, pathWithQuery: '/keys/v2/tag123/encrypt?x=1&y=2' };
  assert.equal(stringToSign(withQuery).split('\n')[0], 'POST /keys/v2/tag123/encrypt?x=1&y=2');
  const secret = 'sécret-키';
  const input = { ...v2, credentials: { ...credentials, secretKey: secret } };
  if (!opensslMissing) assert.equal(signature(input), opensslHmac(byHand.v2, { text: secret }));
  else assert.notEqual(signature(input), V2_VECTOR);
});

test('each variant sends its own headers', () => {
  assert.deepEqual(Object.keys(signedHeaders(v2)).sort(), [GATEWAY_HEADERS.signatureV2, GATEWAY_HEADERS.timestamp, GATEWAY_HEADERS.accessKey].sort());
  assert.deepEqual(Object.keys(signedHeaders(v1)).sort(), [GATEWAY_HEADERS.apiKey, GATEWAY_HEADERS.signatureV1, GATEWAY_HEADERS.timestamp, GATEWAY_HEADERS.accessKey].sort());
  assert.throws(() => signedHeaders({ ...v1, credentials: { accessKey: 'a', secretKey: 'b' } }), SigningError);
});

test('signRequest stamps the given time in milliseconds', () => {
  const headers = signRequest({ version: 'v2', method: 'POST', pathWithQuery: v2.pathWithQuery, credentials, now: 1700000000000.7 });
  assert.equal(headers[GATEWAY_HEADERS.timestamp], '1700000000000');
  assert.equal(headers[GATEWAY_HEADERS.signatureV2], V2_VECTOR);
});

const ctx: BreakingContext = { now: 1700000000000, marginMs: 30_000, otherSecretKey: 'other-secret', unknownAccessKey: 'AKUNKNOWN' };

test('the brief\'s breakings are all there, each with requirements of the catalogue', () => {
  const names = ['missing-timestamp', 'missing-access-key', 'missing-signature', 'missing-api-key', 'wrong-signature', 'wrong-secret', 'unknown-access-key',
    'timestamp-inside-past', 'timestamp-inside-future', 'timestamp-outside-past', 'timestamp-outside-future', 'timestamp-not-numeric'];
  for (const name of names) breakingNamed(name);
  const ids = new Set(loadCatalogue().requirements.map((r) => r.id));
  const unknown = BREAKINGS.flatMap((b) => Object.values(b.requirements).flat().filter((id) => !ids.has(id)));
  assert.deepEqual(unknown, []);
  assert.ok(breakingsFor('v1').some((b) => b.name === 'missing-api-key'));
  assert.ok(!breakingsFor('v2').some((b) => b.name === 'missing-api-key'));
});

test('a missing-header breaking removes exactly that header', () => {
  const valid = signedHeaders(v1);
  for (const [name, header] of [['missing-timestamp', GATEWAY_HEADERS.timestamp], ['missing-access-key', GATEWAY_HEADERS.accessKey], ['missing-signature', GATEWAY_HEADERS.signatureV1], ['missing-api-key', GATEWAY_HEADERS.apiKey]]) {
    const broken = brokenHeaders(breakingNamed(name), v1, ctx);
    const { [header]: _removed, ...rest } = valid;
    assert.deepEqual(broken, rest, name);
  }
});

test('a timestamp breaking is correctly signed for the time it sends', () => {
  const expected: Record<string, string> = {
    'timestamp-outside-past': String(ctx.now - 330_000), 'timestamp-outside-future': String(ctx.now + 330_000),
    'timestamp-inside-past': String(ctx.now - 270_000), 'timestamp-inside-future': String(ctx.now + 270_000),
    'timestamp-not-numeric': 'not-a-timestamp', 'timestamp-in-seconds': '1700000000',
  };
  for (const [name, timestamp] of Object.entries(expected)) {
    const broken = brokenHeaders(breakingNamed(name), v2, ctx);
    assert.equal(broken[GATEWAY_HEADERS.timestamp], timestamp, name);
    assert.equal(broken[GATEWAY_HEADERS.signatureV2], signature({ ...v2, timestamp }), name);
  }
  assert.equal(breakingNamed('timestamp-inside-past').outcome, 'served');
});

test('signature breakings change the signature and nothing else that is sent', () => {
  const valid = signedHeaders(v2);
  for (const name of ['wrong-signature', 'wrong-secret', 'signed-other-path', 'signed-other-method']) {
    const broken = brokenHeaders(breakingNamed(name), v2, ctx);
    assert.notEqual(broken[GATEWAY_HEADERS.signatureV2], valid[GATEWAY_HEADERS.signatureV2], name);
    assert.deepEqual({ ...broken, [GATEWAY_HEADERS.signatureV2]: '' }, { ...valid, [GATEWAY_HEADERS.signatureV2]: '' }, name);
    assert.equal(Buffer.from(broken[GATEWAY_HEADERS.signatureV2], 'base64').length, 32, name);
  }
  const unknown = brokenHeaders(breakingNamed('unknown-access-key'), v2, ctx);
  assert.equal(unknown[GATEWAY_HEADERS.accessKey], 'AKUNKNOWN');
  assert.equal(unknown[GATEWAY_HEADERS.signatureV2], signature({ ...v2, credentials: { ...credentials, accessKey: 'AKUNKNOWN' } }));
});
