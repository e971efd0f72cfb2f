// The client's bounds, without a run around it: a body is read up to limits.responseBytes and no
// further, a request gets limits.responseSeconds in all (a trickling body included), the defaults hold
// when the profile says nothing, a cut answer is never taken for a closed connection, and the breaker
// stops sending after BREAKER_AFTER requests in a row ran out of time, also across processes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SkmClient } from '../../harness/http/skm-client.ts';
import { Breaker, BREAKER_AFTER } from '../../harness/http/breaker.ts';
import { DEFAULT_RESPONSE_BYTES, DEFAULT_RESPONSE_SECONDS, exceededLimit, responseLimits } from '../../harness/http/limits.ts';
import { noAnswer } from '../../harness/refusal-check.ts';
import { Redactor } from '../../harness/redaction.ts';
import type { LoadedTarget, TargetProfile } from '../../harness/profile/load-target.ts';
import { tempDir } from '../temp-dir.ts';
import { startHostile, type Behaviour, type HostileServer } from './hostile-server.ts';

const servers: HostileServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

function targetAt(baseUrl: string, limits?: TargetProfile['limits']): LoadedTarget {
  const profile = { profileVersion: 1, family: 'skm', baseUrl, apiVersions: ['v1.0'], appkey: 'boundedAppkey000', keys: {}, ...(limits ? { limits } : {}) } as TargetProfile;
  return { path: '(in memory)', profile, fromEnv: new Map(), file: (f) => f };
}

async function clientFor(behaviour: Behaviour, limits?: TargetProfile['limits'], breaker = new Breaker(undefined)): Promise<SkmClient> {
  const server = await startHostile(behaviour);
  servers.push(server);
  return new SkmClient(targetAt(server.url, limits), new Redactor(), breaker);
}

test('without limits in the profile: 4 MiB and 20 s', () => {
  assert.deepEqual(responseLimits(targetAt('http://127.0.0.1:9').profile), { bytes: DEFAULT_RESPONSE_BYTES, seconds: DEFAULT_RESPONSE_SECONDS });
  assert.deepEqual([DEFAULT_RESPONSE_BYTES, DEFAULT_RESPONSE_SECONDS], [4 * 1024 * 1024, 20]);
});

test('a 50 MB body stops being read past limits.responseBytes, holding no more than that', async () => {
  const client = await clientFor('huge', { responseBytes: 1024 * 1024 });
  const before = process.memoryUsage().rss;
  const ex = await client.send('GET', '/anything');
  await client.close();
  assert.match(ex.error!, /^SKM_RESPONSE_TOO_LARGE: HTTP 200 with a body over limits\.responseBytes \(1048576 bytes; \d+ bytes had come\): not read further$/);
  assert.ok(exceededLimit(ex) && !noAnswer(ex), 'a cut answer is not a closed connection');
  assert.ok(process.memoryUsage().rss - before < 20 * 1024 * 1024, 'the 50 MB were not buffered');
});

test('a Content-Length over limits.responseBytes is not read at all', async () => {
  const client = await clientFor('hugeDeclared');
  const ex = await client.send('GET', '/anything');
  await client.close();
  assert.equal(ex.error, 'SKM_RESPONSE_TOO_LARGE: HTTP 200 with a body over limits.responseBytes (4194304 bytes; Content-Length 52428800): not read further');
});

test('a body at one byte a second is cut at limits.responseSeconds, headers and all', async () => {
  const client = await clientFor('trickle', { responseSeconds: 1.5 });
  const ex = await client.send('GET', '/anything');
  await client.close();
  assert.match(ex.error!, /^SKM_RESPONSE_TOO_SLOW: no complete answer within limits\.responseSeconds \(1\.5 s\): HTTP 200 headers came, then [0-2] bytes of body$/);
  assert.ok(ex.ms >= 1400 && ex.ms < 5000, `${ex.ms} ms`);
});

test('a reset in mid-body stays a closed connection, not a broken limit', async () => {
  const client = await clientFor('resetMidBody');
  const ex = await client.send('GET', '/anything');
  await client.close();
  assert.ok(ex.error && noAnswer(ex) && !exceededLimit(ex), ex.error);
});

test('after BREAKER_AFTER requests in a row out of time, later ones fail at once without being sent', async () => {
  const server = await startHostile('silent');
  servers.push(server);
  const client = new SkmClient(targetAt(server.url, { responseSeconds: 0.5 }), new Redactor(), new Breaker(undefined));
  for (let i = 0; i < BREAKER_AFTER; i++) assert.match((await client.send('GET', '/x')).error!, /^SKM_RESPONSE_TOO_SLOW: .*no response headers came$/);
  const started = performance.now();
  const ex = await client.send('GET', '/x');
  await client.close();
  assert.ok(performance.now() - started < 250, 'at once, not after limits.responseSeconds');
  assert.match(ex.error!, /^SKM_TARGET_NOT_ANSWERING: not sent: the target stopped answering \(3 requests in a row .* the last: no complete answer within/);
  assert.ok(exceededLimit(ex) && !noAnswer(ex));
  assert.equal(server.requests(), BREAKER_AFTER);
});

test('the count is shared through the file, and a request that ends in time resets it', () => {
  const file = join(tempDir('skm-breaker-test-'), 'state.json');
  const [a, b] = [new Breaker(file), new Breaker(file)];
  a.record('slow 1');
  b.openReason();
  b.record('slow 2');
  a.openReason();
  a.record(undefined);
  for (let i = 1; i < BREAKER_AFTER; i++) b.record(`slow again ${i}`);
  assert.equal(a.openReason(), undefined, 'reset by the request that ended in time');
  b.record('the third');
  assert.match(a.openReason()!, /3 requests in a row .* the last: the third\)/);
});
