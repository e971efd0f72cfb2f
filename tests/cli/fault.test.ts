// Against the embedded mock with one fault switched on (SKM_MOCK_FAULTS), the report fails the
// profile, names the requirement, and carries the evidence that proves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConformanceModel } from '../../reports/model.ts';
import { cli } from './cli-run.ts';

test('a fault of the mock fails its profile with evidence', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'skm-fault-')), 'report');
  const r = await cli(['run', '--profile', 'core', '--versions', 'v1.0', '--grep', 'encrypt returns Base64', '--seed', '3', '--out', out], { SKM_MOCK_FAULTS: 'missing-keyversion' });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /\n {2}core {2}failed: \d+ MUST failed: .*SKM-SYM-ENC-001/);
  const model = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as ConformanceModel;
  const core = model.profiles.find((p) => p.profile === 'core')!;
  assert.equal(core.verdict, 'failed');
  assert.ok(core.failed.includes('SKM-SYM-ENC-001'));
  const failedTest = model.tests.find((t) => t.status === 'failed' && t.requirements.includes('SKM-SYM-ENC-001'))!;
  const f = failedTest.failure!;
  assert.ok(f.oracle && f.expected && f.received, JSON.stringify(f));
  assert.match(f.request!, /^POST https:\/\/127\.0\.0\.1:\d+\/keymanager\/v1\.0\/appkey\/\*{4}\w{4}\/symmetric-keys\/\w+\/encrypt/);
  assert.match(f.response!, /^HTTP 200 /);
  assert.match(f.reproduce!, /^curl /);
  assert.deepEqual(model.environment.target!.mockFaults, ['missing-keyversion']);
  assert.match(model.environment.command, /^SKM_MOCK_FAULTS=missing-keyversion npx skm-conformance run --profile core --versions v1\.0 --grep 'encrypt returns Base64' --seed 3$/);
  const cell = model.matrix.rows.find((x) => x.operation === 'symmetricEncrypt')!.cells.find((c) => c.version === 'v1.0')!;
  assert.equal(cell.status, 'failed');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(html, /<details class="req" id="req-SKM-SYM-ENC-001" data-status="failed"[^>]* open>/);
  assert.match(html, /faults on: missing-keyversion/);
});

test('usage and configuration errors are one line and exit code 2', async () => {
  const cases: [string[], RegExp][] = [
    [['run', '--profile', 'gold'], /^skm-conformance: unknown profile gold \(known: core, /],
    [['run', '--versions', 'v9.9'], /^skm-conformance: unknown API version v9\.9/],
    [['run', '--shard', '3/2'], /^skm-conformance: --shard needs k\/n/],
    [['run', '--target', 'no/such/profile.yaml'], /^skm-conformance: target profile \S*no\/such\/profile\.yaml: cannot be read \(ENOENT\)/],
    [['run', '--grep', '(unclosed'], /^skm-conformance: --grep is not a valid regular expression/],
    [['run', '--nope'], /^skm-conformance: run: Unknown option '--nope'/],
    [['validate-target', 'package.json'], /^skm-conformance: target profile package\.json: field /],
    [['frobnicate'], /^skm-conformance: unknown command "frobnicate"/],
    [['mock', '--faults', 'no-such-fault'], /^skm-conformance: mock: unknown fault no-such-fault/],
  ];
  await Promise.all(cases.map(async ([args, message]) => {
    const r = await cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  }));
});

test('every command has --help', async () => {
  for (const command of ['run', 'merge', 'mock', 'validate-target']) {
    const r = await cli([command, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`^Usage: skm-conformance ${command}`));
  }
  const top = await cli(['--help']);
  assert.match(top.stdout, /Commands:\n {2}run/);
});

test('validate-target says what a profile lacks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skm-validate-'));
  const profile = join(dir, 'p.yaml');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(profile, 'profileVersion: 1\nfamily: skm\nbaseUrl: https://127.0.0.1:9\napiVersions: [v1.0]\nappkey: abcdefgh1234\nkeys: { secret: { id: s } }\n');
  const r = await cli(['validate-target', profile]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /appkey \*{4}1234/);
  assert.doesNotMatch(r.stdout, /abcdefgh/);
  assert.match(r.stdout, /no keys\.symmetric, keys\.asymmetric/);
  assert.match(r.stdout, /fixtures missing .*: ipv4Denied, /);
});
