// The mock's API Gateway over real HTTP: every named breaking of the signature gets its documented outcome
// in both variants, refusals come in the gateway's own body, and what is not an API is its 404.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakingsFor } from '../../families/ncp-kms/auth/breakings.ts';
import { NcpKmsClient } from '../../families/ncp-kms/client.ts';
import { GATEWAY_HEADERS, signRequest } from '../../families/ncp-kms/auth/signer.ts';
import { dataOf, random64, started } from './support.ts';

const NOW = Date.UTC(2026, 0, 15, 9, 30);
const { mock, client } = await started({ clock: () => NOW });
const aes = mock.keys.aes256.tag;
const plaintext = random64(16);

for (const version of ['v1', 'v2'] as const) {
  for (const breaking of breakingsFor(version)) {
    test(`${version}: ${breaking.name} is ${breaking.outcome}`, async () => {
      const answer = await client.call(aes, 'encrypt', { plaintext }, { version, breaking });
      if (breaking.outcome === 'served') return assert.ok(dataOf(answer), JSON.stringify(answer.body));
      assert.equal(answer.status, 401);
      assert.deepEqual(Object.keys(answer.body as object), ['error']);
      const { error } = answer.body as { error: Record<string, string> };
      assert.equal(error.errorCode, '200');
      assert.equal(error.message, 'Authentication Failed');
      assert.equal(typeof error.details, 'string');
    });
  }
}

test('a request signed now is refused once the gateway\'s clock is 5 minutes ahead', async () => {
  let now = NOW;
  const { mock: later } = await started({ clock: () => now });
  const signer = new NcpKmsClient({ baseUrl: later.baseUrl, credentials: later.credentials, clock: () => NOW });
  assert.ok(dataOf(await signer.call(later.keys.aes256.tag, 'encrypt', { plaintext })));
  now = NOW + 5 * 60_000 - 1;
  assert.ok(dataOf(await signer.call(later.keys.aes256.tag, 'encrypt', { plaintext })), '1 ms inside the window');
  now = NOW + 5 * 60_000;
  assert.equal((await signer.call(later.keys.aes256.tag, 'encrypt', { plaintext })).status, 401, 'exactly 5 minutes off');
});

test('v1 with an API key that is not the account\'s is 403 Forbidden', async () => {
  const target = `/keys/v1/${aes}/encrypt`;
  const headers = signRequest({ version: 'v1', method: 'POST', pathWithQuery: target, credentials: mock.credentials, now: NOW });
  const response = await fetch(`${mock.baseUrl}${target}`, {
    method: 'POST', headers: { ...headers, [GATEWAY_HEADERS.apiKey]: 'another-api-key', 'content-type': 'application/json' }, body: JSON.stringify({ plaintext }),
  });
  assert.equal(response.status, 403);
  assert.equal(((await response.json()) as { error: { errorCode: string } }).error.errorCode, '230');
});

test('an unknown action, path or method is the gateway\'s 404, signed or not', async () => {
  for (const target of [`/keys/v2/${aes}/rotate`, `/keys/v3/${aes}/encrypt`, '/keys/v2/encrypt', `/keys/v2/${aes}/encrypt/extra`]) {
    const answer = await client.call(aes, 'encrypt', { plaintext }, { target });
    assert.equal(answer.status, 404, target);
    assert.equal((answer.body as { error: { errorCode: string } }).error.errorCode, '300');
  }
  const get = await fetch(`${mock.baseUrl}/keys/v2/${aes}/encrypt`);
  assert.equal(get.status, 404);
});

test('a query string is signed as part of the path', async () => {
  assert.ok(dataOf(await client.call(aes, 'encrypt', { plaintext }, { target: `/keys/v2/${aes}/encrypt?trace=1` })));
});

test('a body over 1 MiB is the gateway\'s 413', async () => {
  const answer = await client.call(aes, 'encrypt', undefined, { rawBody: JSON.stringify({ plaintext: 'A'.repeat(1_100_000) }) });
  assert.equal(answer.status, 413);
  assert.equal((answer.body as { error: { errorCode: string } }).error.errorCode, '430');
});

test('the alternate personality signs v1 without the API key and refuses with other documented gateway errors', async () => {
  const { mock: alternate, client: alt } = await started({ personality: 'alternate', clock: () => NOW });
  const tag = alternate.keys.aes256.tag;
  assert.ok(dataOf(await alt.call(tag, 'encrypt', { plaintext }, { version: 'v1' })));
  const withApiKey = new NcpKmsClient({ baseUrl: alternate.baseUrl, credentials: alternate.credentials, v1StringToSign: 'with-api-key', clock: () => NOW });
  assert.equal((await withApiKey.call(tag, 'encrypt', { plaintext }, { version: 'v1' })).status, 401);
  const [missing] = breakingsFor('v2');
  const answer = await alt.call(tag, 'encrypt', { plaintext }, { breaking: missing });
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body, { error: { errorCode: '100', message: 'Bad Request Exception' } });
});
