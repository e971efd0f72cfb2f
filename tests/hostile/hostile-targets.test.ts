// The command against targets that misbehave on purpose (hostile-server.ts), each a loopback server of
// this test. Whatever the target does, the run ends within RUN_BOUND_S, no process of it holds more than
// MEMORY_BOUND_MIB, and it ends either with a report that says what happened (exit 1) or, when the
// target fails the probe, with one line on stderr (exit 2). Runs are scoped to a few tests, with
// limits.responseSeconds at LIMIT_S where time is the point, two runs at a time (most of a hostile run
// is waiting). The probe's own bounds, without a run around it: probe.test.ts.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCa, issueServerCertificate } from '../../mock/ca.ts';
import { BREAKER_AFTER } from '../../harness/http/breaker.ts';
import { tempDir } from '../temp-dir.ts';
import { startHostile, type Behaviour, type HostileOptions, type HostileServer } from './hostile-server.ts';
import { reportedProblems, runAgainst, type HostileRun, type RunSetup } from './hostile-run.ts';

const RUN_BOUND_S = 60;
const MEMORY_BOUND_MIB = 400;
const LIMIT_S = 2;
// Five v1.0 tests: four refusals (a control first) and one plain success check.
const SCOPE = ['--profile', 'core', '--versions', 'v1.0', '--grep', '(getSecret|symmetricEncrypt|asymmetricSign|getPublicKey)_v1_0: an unknown appkey|returns the secret as a string', '--workers', '2'];

const servers: HostileServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function hostileRun(behaviour: Behaviour, opts: HostileOptions & Partial<RunSetup> = {}): Promise<{ run: HostileRun; server: HostileServer }> {
  const server = await startHostile(behaviour, opts);
  servers.push(server);
  const run = await runAgainst({ dir: tempDir('skm-hostile-'), baseUrl: server.url, args: SCOPE, ...opts });
  const said = `exit ${run.code} after ${run.seconds.toFixed(1)} s, peak ${run.peakMiB} MiB\nstdout: ${run.stdout.slice(-2000)}\nstderr: ${run.stderr.slice(-2000)}`;
  console.log(`${behaviour}${opts.spareProbe ? ' (after the probe)' : ''}: exit ${run.code}, ${run.seconds.toFixed(1)} s, peak ${run.peakMiB} MiB, ${server.requests()} requests`);
  assert.ok(!run.killed, `the run was still going after its hard cap and was killed\n${said}`);
  assert.ok(run.seconds < RUN_BOUND_S, `the run took over ${RUN_BOUND_S} s\n${said}`);
  assert.ok(run.peakMiB < MEMORY_BOUND_MIB, `a process of the run held over ${MEMORY_BOUND_MIB} MiB\n${said}`);
  return { run, server };
}

/** Exit 2 and one line on stderr that says what the probe met. */
function probeRefused(run: HostileRun, what: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0], /^kms-conformance: target http\S+ does not answer usably \(GET \/keymanager\/v1\.0\/appkey\/probe\/confirm\): /);
  assert.match(lines[0], what);
}

/** Exit 1, the report written, and its evidence says what happened. */
function reported(run: HostileRun, what: RegExp): string {
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout.trimEnd().split('\n').at(-1)!, /^Conformance report: .*index\.html$/);
  assert.ok(run.model, 'conformance.json written');
  assert.notEqual(run.model.verdict, 'certified');
  assert.equal(run.model.summary.tests.passed, 0, 'nothing passes against a hostile target');
  const problems = reportedProblems(run.model);
  assert.match(problems, what);
  return problems;
}

describe('hostile targets', { concurrency: 2 }, () => {
  test('a target that never answers fails the probe after limits.responseSeconds: one line, exit 2', async () => {
    const { run } = await hostileRun('silent', { limits: { responseSeconds: LIMIT_S } });
    probeRefused(run, /SKM_RESPONSE_TOO_SLOW: no complete answer within limits\.responseSeconds \(2 s\): no response headers came/);
    assert.ok(run.seconds < LIMIT_S + 20);
  });

  test('a target that stops answering after the probe trips the breaker: the rest fails at once, with a report', async () => {
    const { run, server } = await hostileRun('silent', { spareProbe: true, limits: { responseSeconds: LIMIT_S } });
    const problems = reported(run, /SKM_RESPONSE_TOO_SLOW: no complete answer within limits\.responseSeconds \(2 s\)/);
    assert.match(problems, /SKM_TARGET_NOT_ANSWERING: not sent: the target stopped answering \([3-9] requests in a row/);
    // the probe, the requests that ran out of time, and at most one more per worker already on its way
    assert.ok(server.requests() <= 1 + BREAKER_AFTER + 2, `${server.requests()} requests reached the target`);
  });

  test('garbage bytes instead of HTTP fail each request with the parser error, with a report', async () => {
    const { run } = await hostileRun('garbage', { spareProbe: true });
    reported(run, /HTTPParserError: Response does not match the HTTP\/1\.1 protocol/);
  });

  test('a 50 MB body is read no further than limits.responseBytes (default 4 MiB), with a report', async () => {
    const { run } = await hostileRun('huge', { spareProbe: true });
    reported(run, /SKM_RESPONSE_TOO_LARGE: HTTP 200 with a body over limits\.responseBytes \(4194304 bytes; \d+ bytes had come\): not read further/);
  });

  test('a body at one byte a second is cut at limits.responseSeconds, then the breaker opens, with a report', async () => {
    const { run } = await hostileRun('trickle', { spareProbe: true, limits: { responseSeconds: LIMIT_S } });
    const problems = reported(run, /SKM_RESPONSE_TOO_SLOW: no complete answer within limits\.responseSeconds \(2 s\): HTTP 200 headers came, then \d+ bytes of body/);
    assert.match(problems, /SKM_TARGET_NOT_ANSWERING/);
  });

  test('a server certificate the profile does not trust fails the probe: one line, exit 2', async () => {
    const now = Date.now();
    const [trusted, other] = await Promise.all([createCa(now), createCa(now)]);
    const { run } = await hostileRun('plain', { tls: await issueServerCertificate(other, now), caPem: trusted.certPem });
    probeRefused(run, /certificate/i);
  });

  test('valid JSON in the wrong envelope fails the checks that read it, with a report', async () => {
    const { run } = await hostileRun('wrongShapes');
    reported(run, /not an envelope|does not match the documented schema/);
  });

  test('a connection reset in the middle of the body fails each request with the reset, with a report', async () => {
    const { run } = await hostileRun('resetMidBody', { spareProbe: true });
    reported(run, /ECONNRESET|UND_ERR_SOCKET|other side closed/);
  });
});
