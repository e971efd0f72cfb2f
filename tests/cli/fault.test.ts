// Against the embedded mock with one fault switched on (SKM_MOCK_FAULTS), the report fails the
// profile, names the requirement, and carries the evidence that proves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../reports/run-report.ts';
import { spawnSync } from 'node:child_process';
import { cli, ROOT } from './cli-run.ts';
import { tempDir } from '../temp-dir.ts';
import { P12_PASSPHRASE, writeTlsFiles } from '../harness/tls-files.ts';
import { PLAYWRIGHT_CLI } from '../../cli/paths.ts';

test('a fault of the mock fails its profile with evidence', async () => {
  const out = join(tempDir('skm-fault-'), 'report');
  const r = await cli(['run', '--family', 'skm', '--profile', 'core', '--versions', 'v1.0', '--grep', 'encrypt returns Base64', '--seed', '3', '--out', out], { SKM_MOCK_FAULTS: 'missing-keyversion' });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /\n {4}core {2}failed: \d+ MUST failed: .*SKM-SYM-ENC-001/);
  const [model] = (JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as RunReport).families;
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
  assert.match(model.environment.command, /^SKM_MOCK_FAULTS=missing-keyversion npx kms-conformance run --family skm --profile core --versions v1\.0 --grep 'encrypt returns Base64' --seed 3$/);
  const cell = model.matrix.rows.find((x) => x.operation === 'symmetricEncrypt')!.cells.find((c) => c.version === 'v1.0')!;
  assert.equal(cell.status, 'failed');
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(html, /<details class="req" id="req-SKM-SYM-ENC-001" data-status="failed"[^>]* open>/);
  assert.match(html, /faults on: missing-keyversion/);
});

test('usage and configuration errors are one line and exit code 2', async () => {
  const cases: [string[], RegExp, NodeJS.ProcessEnv?][] = [
    [['run', '--profile', 'gold'], /^kms-conformance: unknown profile gold \(known: core, /],
    [['run', '--versions', 'v9.9'], /^kms-conformance: unknown variant v9\.9 \(known: v1\.0, v1\.1, v1\.2, v1, v2, KSig1\)/],
    [['run', '--shard', '3/2'], /^kms-conformance: --shard needs k\/n/],
    [['run', '--target', 'no/such/profile.yaml'], /^kms-conformance: target profile \S*no\/such\/profile\.yaml: cannot be read \(ENOENT\)/],
    [['run', '--grep', '(unclosed'], /^kms-conformance: --grep is not a valid regular expression/],
    [['run', '--nope'], /^kms-conformance: run: Unknown option '--nope'/],
    [['validate-target', 'package.json'], /^kms-conformance: target profile package\.json: field /],
    [['frobnicate'], /^kms-conformance: unknown command "frobnicate"/],
    [['mock', '--faults', 'no-such-fault'], /^kms-conformance: mock: .*unknown fault no-such-fault/],
    [['run', '--out', '/proc/nope'], /^kms-conformance: --out \/proc\/nope: cannot be used as the output folder \(ENOENT\)$/],
    [['run', '--out', '/etc/passwd'], /^kms-conformance: --out \/etc\/passwd: cannot be used as the output folder \(ENOTDIR\)$/],
    [['merge', '--out', '/etc/passwd/x', 'out/report'], /^kms-conformance: merge: --out \/etc\/passwd\/x: cannot be used as the output folder \(ENOTDIR\)$/],
    [['run'], /^kms-conformance: SKM_WORKERS needs a positive whole number, got "abc"$/, { SKM_WORKERS: 'abc' }],
    [['run', '--workers', '0'], /^kms-conformance: --workers needs a positive whole number, got "0"$/],
    [['calibrate'], /^kms-conformance: calibrate: name the target profile with --target/],
    [['calibrate', '--target', 'no/such.yaml'], /^kms-conformance: target profile no\/such\.yaml: cannot be read \(ENOENT\)$/],
    [['compare', '--baseline', 'targets/nhn-cloud.example.yaml'], /^kms-conformance: compare: name both target profiles/],
    [['compare', '--baseline', 'targets/nhn-cloud.example.yaml', '--candidate', 'families/ksig1/targets/example-ksig1.yaml'], /^kms-conformance: compare: the baseline is a skm profile and the candidate a ksig1 profile$/],
  ];
  await Promise.all(cases.map(async ([args, message, env]) => {
    const r = await cli(args, env);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr.trimEnd(), message, args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
  }));
});

test('every command has --help', async () => {
  for (const command of ['run', 'merge', 'calibrate', 'compare', 'mock', 'validate-target']) {
    const r = await cli([command, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`^Usage: kms-conformance ${command}`));
  }
  const top = await cli(['--help']);
  assert.match(top.stdout, /Commands:\n {2}run/);
  for (const command of ['calibrate', 'compare']) assert.match(top.stdout, new RegExp(`\n {2}${command} `));
});

test('validate-target says what a profile lacks', async () => {
  const profile = join(tempDir('skm-validate-'), 'p.yaml');
  writeFileSync(profile, 'profileVersion: 1\nfamily: skm\nbaseUrl: https://127.0.0.1:9\napiVersions: [v1.0]\nappkey: abcdefgh1234\nkeys: { secret: { id: s } }\n');
  const r = await cli(['validate-target', profile]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /appkey \*{4}1234/);
  assert.doesNotMatch(r.stdout, /abcdefgh/);
  assert.match(r.stdout, /no keys\.symmetric, keys\.asymmetric/);
  assert.match(r.stdout, /fixtures missing .*: ipv4Denied, /);
});

test('npm run conformance with SKM_WORKERS=abc stops at once with one line and exit code 2', () => {
  const r = spawnSync(process.execPath, [PLAYWRIGHT_CLI, 'test', '--list'], { cwd: ROOT, env: { ...process.env, SKM_WORKERS: 'abc' }, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(r.stderr, 'kms-conformance: SKM_WORKERS needs a positive whole number, got "abc"\n');
});

test('validate-target names a client certificate that does not open and a tls.ca that is no certificate', async () => {
  const dir = tempDir('skm-validate-tls-');
  await writeTlsFiles(dir);
  const profile = (name: string, ca: string, passphrase: string) => {
    const path = join(dir, name);
    writeFileSync(path, `profileVersion: 1\nfamily: skm\nbaseUrl: https://127.0.0.1:9\napiVersions: [v1.0]\nappkey: abcdefgh1234\nkeys: {}
tls: { ca: ${ca} }\nfixtures: { certificate: { keys: { secret: s }, valid: { pkcs12: client.p12, passphrase: "${passphrase}" } } }\n`);
    return path;
  };
  const ok = await cli(['validate-target', profile('ok.yaml', 'ca.pem', P12_PASSPHRASE)]);
  assert.equal(ok.code, 0, ok.stderr);
  const refused: [string, RegExp][] = [
    [profile('pass.yaml', 'ca.pem', 'wrong'), /: field fixtures\.certificate\.valid\.pkcs12 names client\.p12, which does not open as PKCS#12 with fixtures\.certificate\.valid\.passphrase/],
    [profile('ca.yaml', 'not-a-cert.pem', P12_PASSPHRASE), /: field tls\.ca names not-a-cert\.pem, which holds no PEM certificate$/],
  ];
  for (const [path, message] of refused) {
    const r = await cli(['validate-target', path]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr.trimEnd(), message);
  }
});
