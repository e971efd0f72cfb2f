// Conformance runs against the mock through the command. A clean full run ends by printing the
// report's path and a verdict per profile, the mock passing every test. A run with faults that put key
// material into failures' evidence fails those requirements. Neither run leaves a secret of the profile,
// nor key material the mock hands out (in any form), in any file it wrote; and index.html works in a
// real browser, from disk, with no server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { reportValidator } from '../reports/report-schema.ts';
import { startMock, type RunningMock } from '../../mock/index.ts';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { operations } from '../../generated/skm/operations.ts';
import type { ConformanceModel } from '../../reports/model.ts';
import type { RunReport } from '../../reports/run-report.ts';
import { cli, ROOT, type CliResult } from './cli-run.ts';
import { noBrowser, openReport } from './report-page.ts';
import { fetchedSecrets, profileSecrets, reusedLocalKeys, scan, textsUnder } from './secret-scan.ts';

const WORK = join(ROOT, 'out/test-conformance-run');
// create-local-key hands out one local key per key again and again (so the scan knows the local key the
// run gets: it is planted), private keys come as PKCS#1, and symmetric-key queries answer the newest
// version whatever is asked: each fails a test whose evidence holds the key material.
const FAULTS = ['local-key-reused', 'private-key-pkcs1', 'v11-keyversion-ignored'];
const FAULTS_FAIL = ['SKM-SYM-LCL-005', 'SKM-ASY-PRV-006', 'SKM-SYM-KEY-005'];

interface Run {
  mock: RunningMock;
  out: string;
  result: CliResult;
  report: RunReport;
  /** the report's one family: the target profile is SKM's */
  model: ConformanceModel;
  secrets: Map<string, string>;
  publicTexts: string[];
}

const mocks: RunningMock[] = [];
let clean: Run;
let faulty: Run;

async function conformanceRun(name: string, faults: string[], args: string[]): Promise<Run> {
  const mock = await startMock({ quiet: true, faults, profileDir: join(WORK, name, 'mock') });
  mocks.push(mock);
  const target = loadTarget(mock.profilePath);
  const fetched = await fetchedSecrets(target);
  const planted = faults.includes('local-key-reused') ? await reusedLocalKeys(target) : new Map<string, string>();
  const out = join(WORK, name, 'report');
  const result = await cli(['run', '--target', mock.profilePath, '--out', out, ...args], { SKM_ROBUSTNESS_RUNS: '20' });
  const report = JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as RunReport;
  return { mock, out, result, report, model: report.families[0], secrets: new Map([...profileSecrets(target), ...fetched.secrets, ...planted]), publicTexts: fetched.publicTexts };
}

before(async () => {
  rmSync(WORK, { recursive: true, force: true });
  clean = await conformanceRun('clean', [], ['--seed', '20261122', '--runs', '5']);
  faulty = await conformanceRun('faulty', FAULTS, ['--profile', 'core,versioned', '--seed', '7', '--runs', '3']);
});

after(async () => {
  await Promise.all(mocks.map((m) => m.close()));
  rmSync(WORK, { recursive: true, force: true });
});

test('the run ends by printing the path of index.html and one verdict line per profile', () => {
  const { result, model, out } = clean;
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), `Conformance report: ${join(out, 'index.html')}`, result.stdout.slice(-3000));
  const profiles = ['core', 'versioned', 'managed', 'client-auth', 'robustness', 'security'];
  lines.slice(-7, -1).forEach((l, i) => assert.match(l, new RegExp(`^ {4}${profiles[i]} +(certified|failed|not certified): `)));
  assert.match(lines.at(-8)!, /^ {2}NHN Cloud Secure Key Manager \(SKM\) API \(skm\): certified$/);
  assert.deepEqual(clean.report.families.map((f) => f.family.id), ['skm'], 'an SKM profile runs the SKM suites only');
  assert.equal(result.code, model.verdict === 'certified' ? 0 : 1, 'exit code 0 only when certified for everything asked');
  assert.equal(model.summary.tests.failed, 0, `the mock passes every test that runs: ${model.tests.filter((t) => t.status === 'failed').map((t) => t.titlePath.join(' › ')).join('\n')}`);
  assert.ok(model.summary.tests.total > 400);
});

test('in the clean run every test called exactly the API versions it declares as variants', () => {
  const version = new Map(operations.map((o) => [o.operationId, o.version]));
  const differing = clean.model.tests.flatMap((t) => {
    const called = new Set(Object.keys(t.operationCounts).map((id) => version.get(id)!));
    // Calling more would leak into runs of other --versions; declaring more keeps a test out of runs
    // it belongs to (a test that stopped early may not have called them all).
    const undeclared = [...called].filter((v) => !t.variants.includes(v));
    const unused = t.status === 'passed' ? t.variants.filter((v) => !called.has(v)) : [];
    return undeclared.length + unused.length === 0 ? [] : [`${t.titlePath.join(' › ')}: calls ${[...called].join(', ')}, declares ${t.variants.join(', ')}`];
  });
  assert.deepEqual(differing, []);
});

test('the scan finds each kind of key material, in each form, where it is planted', () => {
  const kinds = ['rotated.olderVersion.localKeyPlaintext', 'main symmetric key', 'main private key', 'local key of keys.symmetric'];
  for (const [run, expected] of [[clean, kinds.slice(0, 3)], [faulty, kinds]] as const) {
    assert.ok(run.secrets.size >= 40, `secrets to look for: ${[...new Set(run.secrets.values())].join(', ')}`);
    for (const kind of expected) {
      const forms = [...run.secrets].filter(([, label]) => label.startsWith(`${kind} (`));
      assert.deepEqual(forms.map(([, l]) => l.slice(kind.length)), [' (Base64)', ' (hex listing)', ' (HEX LISTING)', ' (hex)', ' (raw)'], kind);
      for (const [value, label] of forms) assert.deepEqual(scan([{ name: 'x', text: `…${value}…` }], new Map([[value, label]]), run.publicTexts), [`${label} in x`]);
    }
  }
  // A profile secret where it is (the mock's own profile), and a private key cut short.
  assert.ok(scan(textsUnder(join(WORK, 'clean', 'mock')), clean.secrets).some((h) => h.startsWith('secretAccessKey')));
  const [key, label] = [...clean.secrets].find(([, l]) => l === 'main private key (Base64)')!;
  assert.deepEqual(scan([{ name: 'x', text: `…${key.slice(700, 1100)}…` }], new Map([[key, label]]), clean.publicTexts), [`${label} in x`]);
});

/** Every file a run wrote, with the outputs the report promises among them. */
function outputsOf(run: Run): { name: string; text: string }[] {
  const texts = textsUnder(run.out);
  for (const name of ['index.html', 'conformance.json', 'junit.xml']) assert.ok(texts.some((t) => t.name === name), `${name} is scanned`);
  assert.ok(texts.some((t) => t.name.startsWith('playwright-report/index.html!embedded!')), 'Playwright\'s report data is scanned too');
  return texts;
}

test('no secret of the profile, nor any key material, is in any file the clean run wrote', () => {
  assert.deepEqual(scan(outputsOf(clean), clean.secrets, clean.publicTexts), []);
  const console = [{ name: 'stdout', text: clean.result.stdout }, { name: 'stderr', text: clean.result.stderr }];
  assert.deepEqual(scan(console, clean.secrets, clean.publicTexts), [], 'nor on the console');
});

test('key material in the evidence of failures is in no file the run wrote', () => {
  const failed = faulty.model.requirements.filter((r) => r.status === 'failed').map((r) => r.id);
  assert.deepEqual(FAULTS_FAIL.filter((id) => !failed.includes(id)), [], `the faults fail their requirements (failed: ${failed.join(', ')})`);
  const texts = outputsOf(faulty);
  assert.ok(texts.some((t) => t.name.startsWith('test-results/')), 'the failed tests\' results are scanned too');
  assert.deepEqual(scan(texts, faulty.secrets, faulty.publicTexts), []);
  const console = [{ name: 'stdout', text: faulty.result.stdout }, { name: 'stderr', text: faulty.result.stderr }];
  assert.deepEqual(scan(console, faulty.secrets, faulty.publicTexts), [], 'nor on the console');
});

test('index.html shows the appkey masked but its last 4, the harness version, hashes, seed and command', () => {
  const { model, out, mock } = clean;
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const appkey = loadTarget(mock.profilePath).profile.appkey;
  assert.ok(html.includes(`****${appkey.slice(-4)}`));
  assert.ok(html.includes(model.environment.specSha256) && html.includes(model.environment.catalogueSha256));
  assert.deepEqual(model.environment.seeds, ['20261122']);
  assert.match(model.environment.command, /^SKM_ROBUSTNESS_RUNS=20 npx kms-conformance run --target \S+profile\.yaml --seed 20261122 --runs 5$/);
});

test('conformance.json of real runs validates against its schema', () => {
  const validate = reportValidator();
  for (const { report } of [clean, faulty]) assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
});

// On the report of the run with faults, so every filter and link has something to show and to hide.
test('index.html opens from disk in Chromium: verdicts, matrix, filters and reason links work, no console error', { skip: noBrowser }, async () => {
  const { model, out } = faulty;
  const { page, problems, close } = await openReport(join(out, 'index.html'));
  try {
    assert.equal(await page.locator('.card').count(), model.profiles.length);
    for (const p of model.profiles) assert.equal((await page.locator(`[data-card="${p.profile}"] h4 .chip`).textContent())?.trim(), p.verdict);
    assert.equal(await page.locator('table.matrix tbody tr').count(), model.matrix.rows.length);
    assert.equal(await page.locator('[data-cell="getSecret v1.0"] span').textContent(), 'pass');
    assert.equal(await page.locator('[data-cell="createLocalKey v1.0"] span').textContent(), 'fail');
    const inScope = model.requirements.filter((r) => r.inScope).length;
    assert.ok(inScope < model.requirements.length, 'the run left some profiles out');
    assert.equal(await page.locator('#f-count').textContent(), `${inScope} of ${inScope} requirements shown`);

    await page.getByLabel('passed', { exact: true }).uncheck();
    const notPassed = model.requirements.filter((r) => r.inScope && r.status !== 'passed').length;
    assert.ok(notPassed > 0 && inScope > notPassed, `${notPassed} of ${inScope} requirements in scope did not pass`);
    assert.equal(await page.locator('details.req:visible').count(), notPassed);
    assert.equal(await page.locator('details.req[data-status="passed"]:visible').count(), 0);
    assert.equal(await page.locator('details.req[data-status="failed"]:visible').count(), model.requirements.filter((r) => r.inScope && r.status === 'failed').length);

    await page.getByLabel('passed', { exact: true }).check();
    await page.locator('#f-profile').selectOption('versioned');
    assert.equal(await page.locator('.card:visible').count(), 1);
    assert.equal(await page.locator('details.req:visible').count(), model.requirements.filter((r) => r.inScope && r.profile === 'versioned').length);

    await page.locator('#f-profile').selectOption('');
    await page.locator('#f-text').fill('SKM-SCR-GET-001');
    assert.equal(await page.locator('details.req:visible').count(), 1);
    await page.locator('#f-text').fill('');

    const link = page.locator('[data-card="core"] .reasons a.rid').first();
    const id = (await link.getAttribute('href'))!.slice(1);
    // A failed requirement starts open: closed first, so that the click has something to do.
    await page.locator(`[id="${id}"]`).evaluate((d) => d.removeAttribute('open'));
    await link.click();
    assert.equal(await page.locator(`[id="${id}"]`).getAttribute('open'), '', 'a reason link opens its requirement');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
