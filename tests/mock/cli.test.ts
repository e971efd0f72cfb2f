// `npm run mock` (tsx mock/main.ts) and `kms-conformance mock` take the same options (mock/options.ts):
// the process starts fast, says where the profile is, stops cleanly on SIGTERM, and every bad option,
// here or in the harness's SKM_MOCK_* variables, is one line on stderr with exit status 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mock as cliMock } from '../../cli/mock.ts';
import { FAULTS, PERSONALITY_SWITCHES, startMock } from '../../mock/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 20_000, env: { ...process.env, SKM_TARGET: '', ...env } });
const main = (args: string[]) => node(['--import', 'tsx', 'mock/main.ts', ...args]);
const bin = (args: string[]) => node(['cli/kms-conformance.js', ...args]);

const OPTIONS = ['--seed', '--port', '--tls-port', '--data-dir', '--personality', '--fault', '--faults', '--error-transport', '--result-codes',
  '--profile-dir', '--profile-out', '--list-faults', '--list-switches', '--help'];

test('--help prints every option, the same in npm run mock and kms-conformance mock', () => {
  for (const r of [main(['--help']), bin(['mock', '--help'])]) {
    assert.equal(r.status, 0, r.stderr);
    for (const option of OPTIONS) assert.ok(r.stdout.includes(option), option);
  }
});

test('--list-faults and --list-switches print every fault and every switch', () => {
  const faults = main(['--list-faults']).stdout;
  for (const f of FAULTS) assert.match(faults, new RegExp(`^${f.name} .*\\(${f.requirements[0]}`, 'm'));
  const switches = bin(['mock', '--list-switches']).stdout;
  for (const s of PERSONALITY_SWITCHES) assert.match(switches, new RegExp(`^${s.name} +${s.description.slice(0, 20).replace(/[()"?]/g, '.')}`, 'm'));
});

test('kms-conformance mock and the SKM_MOCK_* variables: a bad personality, fault or transport is one line and exit code 2', () => {
  const setup = ['--import', 'tsx', '--input-type=module', '-e', "await (await import('./families/skm/harness/global-setup.ts')).default({})"];
  for (const [r, expected] of [
    [bin(['mock', '--personality', 'bogus']), /^kms-conformance: mock: --personality must be reference or alternate, got "bogus"/],
    [bin(['mock', '--faults', 'wrong-message,nope']), /^kms-conformance: mock: --fault: unknown fault nope/],
    [bin(['mock', '--error-transport', 'pigeon']), /^kms-conformance: mock: --error-transport must be http200 or http4xx/],
    [node(setup, { SKM_MOCK_PERSONALITY: 'bogus' }), /^kms-conformance: SKM_MOCK_PERSONALITY must be reference or alternate, got "bogus"/],
    [node(setup, { SKM_MOCK_FAULTS: 'nope' }), /^kms-conformance: SKM_MOCK_FAULTS: unknown fault nope/],
    [node(setup, { SKM_MOCK_ERROR_TRANSPORT: 'pigeon' }), /^kms-conformance: SKM_MOCK_ERROR_TRANSPORT must be http200 or http4xx/],
  ] as const) {
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, expected);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('bad options, seeds and fault names: one line on stderr, exit status 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  try {
    const badSeed = join(dir, 'seed.yaml');
    writeFileSync(badSeed, 'tenants:\n  - appkey: a\n    credentials: { accessKeyId: x, secretAccessKey: y }\n    keyStores: []\n');
    for (const [args, expected] of [
      [['--fault', 'no-such-fault'], /unknown fault no-such-fault/],
      [['--error-transport', 'smoke-signals'], /--error-transport must be http200 or http4xx/],
      [['--personality', 'eccentric'], /--personality must be reference or alternate, got "eccentric"/],
      [['--port', 'eighty'], /--port needs a port number/],
      [['--result-codes', join(dir, 'missing.yaml')], /--result-codes/],
      [['--seed', join(dir, 'missing.yaml')], /cannot be read/],
      [['--seed', badSeed], /exactly one tenant with role: primary/],
      [['--no-such-option'], /Unknown option/],
    ] as const) {
      const r = main([...args, '--profile-out', dir]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, expected);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Starts `tsx mock/main.ts`; resolves with its first stdout line and how long it took. */
function startProcess(args: string[]): { child: ChildProcess; ready: Promise<{ line: string; ms: number }> } {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts', ...args], { cwd: root });
  const ready = new Promise<{ line: string; ms: number }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ line: out, ms: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return { child, ready };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  // A child that already exited (by code or by signal) emits no more 'exit'.
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill(signal);
  return exit;
}

test('a port in use: one line and exit status 2 from the process, a rejection with nothing left listening in process', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  const running = await startMock({ quiet: true, profileDir: dir });
  try {
    const port = new URL(running.baseUrl).port;
    const r = main(['--tls-port', port, '--profile-out', dir]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^skm mock: .*EADDRINUSE.*\n$/);
    const listeners = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    const before = listeners();
    await assert.rejects(startMock({ quiet: true, profileDir: dir, httpsPort: Number(port) }), /EADDRINUSE/);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a closed handle leaves the list on a later turn
    assert.equal(listeners(), before, 'the plain HTTP listener of the failed start was closed');
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('starts in well under a second in process once the seed material is cached', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  try {
    await (await startMock({ quiet: true, profileDir: dir })).close(); // the seed's material is in the cache now
    const started = performance.now();
    const mock = await startMock({ quiet: true, profileDir: dir });
    const ms = performance.now() - started;
    await mock.close();
    assert.ok(ms < 1000, `startMock took ${Math.round(ms)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the process writes the profile with its options and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  try {
    await (await startMock({ quiet: true, profileDir: dir })).close(); // the seed's material is in the cache now
    const codes = join(dir, 'codes.yaml');
    writeFileSync(codes, 'Invalid Key Id: 404\n');
    // Node and tsx start in a few hundred ms on an idle machine, but other test files run in parallel on
    // the same cores: the best of three starts is reported, and only a gross regression (a seed that is
    // not cached any more) fails here.
    const times: number[] = [];
    for (let i = 0; i < 3 && !(times.length > 0 && Math.min(...times) < 1000); i++) {
      const { child, ready } = startProcess(['--profile-out', dir, '--result-codes', codes, '--error-transport', 'http200']);
      try {
        const { line, ms } = await ready;
        times.push(ms);
        const profile = parse(readFileSync(/target profile written to (\S+)/.exec(line)![1], 'utf8'));
        assert.equal(profile.expectations.resultCodes['Invalid Key Id'], 404);
        assert.equal(profile.expectations.errorTransport, 'http200');
        assert.equal(await stop(child, 'SIGTERM'), 0);
      } finally {
        await stop(child, 'SIGKILL');
      }
    }
    console.log(`mock process ready in ${times.map(Math.round).join(', ')} ms`);
    assert.ok(Math.min(...times) < 3000, `ready after ${times.map(Math.round).join(', ')} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kms-conformance mock --personality alternate --faults ... --profile-dir: the options reach the mock', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  const signals = new EventEmitter() as unknown as NodeJS.Process;
  const log = console.log;
  const lines: string[] = [];
  let up: () => void;
  const ready = new Promise<void>((resolve) => (up = resolve));
  console.log = (line: string) => {
    lines.push(line);
    if (line === 'Ctrl-C stops it.') up(); // printed once the profile is written
  };
  const running = cliMock(['--personality', 'alternate', '--faults', 'wrong-message', '--profile-dir', dir], signals);
  try {
    await Promise.race([ready, running.then(() => assert.fail(`returned before serving: ${lines.join(' | ')}`))]);
    assert.match(lines[0], /, alternate personality, faults: wrong-message$/);
    const profile = parse(readFileSync(join(dir, 'profile.yaml'), 'utf8'));
    assert.equal(profile.name, 'embedded-mock (alternate personality)');
    assert.equal(profile.expectations, undefined);
  } finally {
    console.log = log;
    signals.emit('SIGINT'); // stops the mock whatever happened above
    const code = await running.finally(() => rmSync(dir, { recursive: true, force: true }));
    assert.equal(code, 0);
  }
});
