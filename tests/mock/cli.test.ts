// `npm run mock` (tsx mock/main.ts): starts in under a second, says where the profile is, stops cleanly
// on SIGTERM, and turns every bad option into one line on stderr with exit status 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startMock } from '../../mock/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const main = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'mock/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });

test('--help prints every option', () => {
  const r = main(['--help']);
  assert.equal(r.status, 0);
  for (const option of ['--seed', '--port', '--tls-port', '--data-dir', '--fault', '--error-transport', '--result-codes', '--profile-out', '--help']) {
    assert.ok(r.stdout.includes(option), option);
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

test('starts in under a second (seed material cached), writes the profile, stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-mock-cli-'));
  try {
    await (await startMock({ quiet: true, profileDir: dir })).close(); // the seed's material is in the cache now
    const codes = join(dir, 'codes.yaml');
    writeFileSync(codes, 'Invalid Key Id: 404\n');
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts', '--profile-out', dir, '--result-codes', codes, '--error-transport', 'http200'], { cwd: root });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const ms = performance.now() - started;
    console.log(`mock process ready in ${Math.round(ms)} ms`);
    assert.ok(ms < 1500, `ready after ${Math.round(ms)} ms`); // under 1 s on an idle machine; slack for parallel tests
    const profilePath = /target profile written to (\S+)/.exec(line)![1];
    const profile = parse(readFileSync(profilePath, 'utf8'));
    assert.equal(profile.expectations.resultCodes['Invalid Key Id'], 404);
    assert.equal(profile.expectations.errorTransport, 'http200');
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
