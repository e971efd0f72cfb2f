// The KSig1 signer against the vendor's worked example (byte for byte) and against vectors made without
// it: openssl's HMAC keyed by the decoded secret in hex, over strings built by hand, and the same vectors
// written down, so the test still means something where openssl is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { opensslHmac, opensslMissing } from '../openssl-hmac.ts';
import {
  contentMd5, DEFAULT_JOINING, HEADERS, hmacKey, JOINING_CANDIDATES, signature, signedHeaders, signingInput, SigningError, signRequest, stringToSign,
  type ElementValues,
} from '../../families/ksig1/auth/signer.ts';

// FACTS.md, Kompliant: the vendor's quick start.
const VENDOR = { apiKey: 'sb_3eY9UJuj09636NVPlgmhfa', secretKey: 'xBeain5pFnPyQkl98qzA+BG+Cjzskpqq9fGKDbDoXNP5', authToken: '7F2Av26rUgtzJYgUG9IilG1W6ZMLnt7Dak3Gyht220KLpkBLSJRMOzhBYd' };
const VENDOR_AUTHORIZATION = 'KSig1-HMAC-SHA256 iWEh4jjK9wfjTXd/3GzImPLL1swTZiCPpDbj62vFo2Q=';
const VENDOR_KEY_HEX = 'c4179a8a7e691673f242497df2acc0f811be0a3cec929aaaf5f18a0db0e85cd3f9';

test('the vendor\'s worked example comes out byte for byte', () => {
  const headers = signRequest({ method: 'GET', path: '/', credentials: VENDOR });
  assert.equal(headers.headers[HEADERS.authorization], VENDOR_AUTHORIZATION);
  assert.equal(headers.headers[HEADERS.apiKey], VENDOR.apiKey);
  assert.equal(headers.headers[HEADERS.authToken], VENDOR.authToken);
  assert.equal(headers.headers[HEADERS.signedElements], 'API-Key');
  assert.equal(hmacKey(VENDOR.secretKey).toString('hex'), VENDOR_KEY_HEX, 'the quick start\'s hexadecimal key: 33 bytes');
});

test('the vendor\'s example is consistent with every joining rule: one element, no delimiter', () => {
  for (const joining of JOINING_CANDIDATES) {
    assert.equal(stringToSign(['API-Key'], { 'API-Key': VENDOR.apiKey }, joining), VENDOR.apiKey);
  }
  assert.notEqual(signature(VENDOR.secretKey, `API-Key:${VENDOR.apiKey}`), VENDOR_AUTHORIZATION.split(' ')[1], 'names are not part of it');
  assert.notEqual(signature(VENDOR.secretKey, `${VENDOR.apiKey}\n`), VENDOR_AUTHORIZATION.split(' ')[1], 'nor a trailing newline');
});

const BODY = '{"legalName":"Example Coffee LLC"}';
const values: ElementValues = { 'API-Key': VENDOR.apiKey, 'HTTP-Verb': 'POST', Timestamp: '1724710669', 'Content-MD5': contentMd5(BODY), Nonce: 'n0nce-1' };
const byHand = {
  listedLines: `sb_3eY9UJuj09636NVPlgmhfa\nPOST\n1724710669\nNuQhLCBdQy4CUhyHbOH2sg==\nn0nce-1`,
  canonicalConcatenatedHex: 'sb_3eY9UJuj09636NVPlgmhfaPOST172471066936e4212c205d432e02521c876ce1f6b2n0nce-1',
  reversedSemicolons: 'n0nce-1;NuQhLCBdQy4CUhyHbOH2sg==;1724710669;POST;sb_3eY9UJuj09636NVPlgmhfa',
};
// Written down from openssl over the hand-built strings (see opensslHmac).
const VECTORS = {
  listedLines: 'RJlxOjGCUaSc54KIwyVFa54du6KxnNJJuiRgbLFCD68=',
  canonicalConcatenatedHex: '8TlMO4/uVdzloGQ4tJ4hcFZWCl9EUx4yHEliiijFUo8=',
  reversedSemicolons: 'gczYzIXe2qVcxzy2gEE7caTRMmdpUc0QnJwO6qop1pg=',
};

const FULL = ['API-Key', 'HTTP-Verb', 'Timestamp', 'Content-MD5', 'Nonce'] as const;
const REVERSED = [...FULL].reverse();
const hexValues = { ...values, 'Content-MD5': contentMd5(BODY, 'hex') };

test('strings to sign follow the joining option', () => {
  assert.deepEqual(DEFAULT_JOINING, { order: 'listed', delimiter: '\n' });
  assert.equal(stringToSign(FULL, values), byHand.listedLines);
  assert.equal(stringToSign(REVERSED, hexValues, { order: 'canonical', delimiter: '' }), byHand.canonicalConcatenatedHex);
  assert.equal(stringToSign(REVERSED, values, { order: 'listed', delimiter: ';' }), byHand.reversedSemicolons);
  assert.throws(() => stringToSign(['Nonce'], {}), SigningError);
});

test('Content-MD5 is the digest of the body in Base64 by default, in hex as an option', () => {
  assert.equal(contentMd5(''), '1B2M2Y8AsgTpgAmY7PhCfg==');
  assert.equal(contentMd5('', 'hex'), 'd41d8cd98f00b204e9800998ecf8427e');
  assert.equal(contentMd5(BODY), 'NuQhLCBdQy4CUhyHbOH2sg==');
});

test('signatures match the written-down vectors', () => {
  assert.equal(signature(VENDOR.secretKey, byHand.listedLines), VECTORS.listedLines);
  assert.equal(signature(VENDOR.secretKey, byHand.canonicalConcatenatedHex), VECTORS.canonicalConcatenatedHex);
  assert.equal(signature(VENDOR.secretKey, byHand.reversedSemicolons), VECTORS.reversedSemicolons);
});


test('signatures match openssl keyed by the decoded secret', { skip: opensslMissing }, () => {
  assert.equal(`KSig1-HMAC-SHA256 ${opensslHmac(VENDOR.apiKey, { hex: VENDOR_KEY_HEX })}`, VENDOR_AUTHORIZATION);
  for (const [name, text] of Object.entries(byHand)) assert.equal(signature(VENDOR.secretKey, text), opensslHmac(text, { hex: VENDOR_KEY_HEX }), name);
  const otherSecret = Buffer.from('ff00'.repeat(16) + 'aa', 'hex');
  assert.equal(signature(otherSecret.toString('base64'), byHand.listedLines), opensslHmac(byHand.listedLines, { hex: otherSecret.toString('hex') }));
});

test('a signed element sends its header, with the signed value; API-Version in the header the options name', () => {
  const input = signingInput({ method: 'post', path: '/x', body: BODY, credentials: VENDOR, elements: [...FULL, 'API-Version'], now: 1724710669_999, nonce: 'n0nce-1', apiVersion: '2024-08-01', conventions: { apiVersionHeader: 'X-Version' } });
  const headers = signedHeaders(input);
  assert.equal(headers[HEADERS.signedElements], 'API-Key;HTTP-Verb;Timestamp;Content-MD5;Nonce;API-Version');
  assert.equal(headers[HEADERS.timestamp], '1724710669', 'Unix seconds');
  assert.equal(headers[HEADERS.nonce], 'n0nce-1');
  assert.equal(headers[HEADERS.contentHash], 'NuQhLCBdQy4CUhyHbOH2sg==');
  assert.equal(headers['X-Version'], '2024-08-01');
  assert.equal(input.values['HTTP-Verb'], 'POST', 'the method in upper case');
  const onlyKey = signedHeaders(signingInput({ method: 'GET', path: '/x', credentials: VENDOR }));
  assert.deepEqual(Object.keys(onlyKey).sort(), [HEADERS.authorization, HEADERS.apiKey, HEADERS.authToken, HEADERS.signedElements].sort());
});

test('API-Key must be signed, and a secret that is not Base64 is refused without being quoted', () => {
  assert.throws(() => signingInput({ method: 'GET', path: '/', credentials: VENDOR, elements: ['Nonce'] }), /API-Key must always be signed/);
  const secret = 'not base64 secret!';
  assert.throws(() => signRequest({ method: 'GET', path: '/', credentials: { ...VENDOR, secretKey: secret } }), (e: Error) => e instanceof SigningError && !e.message.includes(secret));
});
