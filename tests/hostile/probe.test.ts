// `validate-target --probe` holds the target to the same bounds as a run: an answer too slow or too
// large is one line and exit 2 within seconds, and the limits in force are stated.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../cli/cli-run.ts';
import { tempDir } from '../temp-dir.ts';
import { startHostile, type Behaviour, type HostileServer } from './hostile-server.ts';
import { writeProfile, type RunSetup } from './hostile-run.ts';

const servers: HostileServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function probe(behaviour: Behaviour, limits?: RunSetup['limits']) {
  const server = await startHostile(behaviour);
  servers.push(server);
  const started = performance.now();
  const result = await cli(['validate-target', '--probe', writeProfile({ dir: tempDir('skm-probe-'), baseUrl: server.url, limits })]);
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

test('a 50 MB answer to the probe is one line and exit 2', async () => {
  const r = await probe('huge');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^kms-conformance: target http:\S+ does not answer usably \(GET \S+\): SKM_RESPONSE_TOO_LARGE: HTTP 200 with a body over limits\.responseBytes \(4194304 bytes; \d+ bytes had come\): not read further\n$/);
  assert.ok(r.seconds < 10, `${r.seconds} s`);
});

test('a probe left unanswered is one line and exit 2 after limits.responseSeconds', async () => {
  const r = await probe('silent', { responseSeconds: 1 });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^kms-conformance: target \S+ does not answer usably \(GET \S+\): SKM_RESPONSE_TOO_SLOW: no complete answer within limits\.responseSeconds \(1 s\): no response headers came\n$/);
  assert.ok(r.seconds < 10, `${r.seconds} s`);
});

test('a target that answers within its limits passes, and the limits in force are stated', async () => {
  const r = await probe('plain', { responseBytes: 65536 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /a valid target profile that answers\n/);
  assert.match(r.stdout, /\n {2}answers read up to 65536 bytes and 20 s per request\n/);
});
