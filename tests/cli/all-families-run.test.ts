// The main job: one run of every registered family against its embedded mock (`npm run conformance`
// runs exactly this command), one report in which each family is certified with its own verdicts,
// matrix and evidence; and that report works in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILY_IDS } from '../../families/registry.ts';
import { familyById } from '../../harness/family.ts';
import type { RunReport } from '../../reports/run-report.ts';
import { cli, ROOT, type CliResult } from './cli-run.ts';
import { noBrowser, openReport } from './report-page.ts';

const OUT = join(ROOT, 'out/test-all-families');
let result: CliResult;
let report: RunReport;

before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.conformance, 'node cli/kms-conformance.js run', 'npm run conformance is this command without options');
  result = await cli(['run', '--seed', '11', '--runs', '3', '--out', OUT]);
  report = JSON.parse(readFileSync(join(OUT, 'conformance.json'), 'utf8')) as RunReport;
});

after(() => rmSync(OUT, { recursive: true, force: true }));

test('every family runs against its embedded mock and is certified, in one report; the exit code is the run\'s verdict', () => {
  assert.equal(result.code, 0, result.stdout.slice(-3000) + result.stderr);
  assert.deepEqual(report.families.map((m) => m.family.id), [...FAMILY_IDS]);
  assert.equal(report.verdict, 'certified');
  for (const m of report.families) {
    const family = familyById(m.family.id);
    assert.equal(m.verdict, 'certified', `${m.family.id}: ${m.profiles.flatMap((p) => p.reasons).join('; ')}`);
    assert.deepEqual(m.profiles.map((p) => p.profile), [...family.profileNames], `${m.family.id} is judged on every profile of its catalogue`);
    assert.equal(m.summary.tests.failed, 0, m.family.id);
    assert.ok(m.tests.every((t) => t.requirements.every((id) => id.startsWith(`${family.idPrefix}-`))), `${m.family.id}'s tests judge only its requirements`);
    assert.ok(m.environment.target?.embeddedMock, `${m.family.id} ran against its embedded mock`);
    assert.match(m.environment.command, new RegExp(`npx kms-conformance run --family ${m.family.id} --seed 11 --runs 3$`));
  }
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), `Conformance report: ${join(OUT, 'index.html')}`);
  assert.ok(lines.includes('Certification: certified'), result.stdout.slice(-3000));
});

test('junit.xml has a test suite per family and spec file', () => {
  const junit = readFileSync(join(OUT, 'junit.xml'), 'utf8');
  for (const id of FAMILY_IDS) assert.match(junit, new RegExp(`<testsuite name="${id}: families/${id}/suites/`));
  const total = report.families.reduce((n, m) => n + m.summary.tests.total, 0);
  assert.match(junit, new RegExp(`<testsuites name="kms-conformance" tests="${total}" failures="0"`));
});

test('index.html shows each family\'s verdicts, matrix and evidence, and its links work in Chromium', { skip: noBrowser }, async () => {
  const { page, problems, close } = await openReport(join(OUT, 'index.html'));
  try {
    assert.equal(await page.locator('table.summary tbody tr').count(), FAMILY_IDS.length);
    for (const m of report.families) {
      const section = page.locator(`section#family-${m.family.id}`);
      assert.equal(await section.locator('.card').count(), m.profiles.length, m.family.id);
      for (const p of m.profiles) assert.equal((await section.locator(`[data-card="${p.profile}"] h4 .chip`).textContent())?.trim(), 'certified');
      assert.equal(await section.locator('table.matrix tbody tr').count(), m.matrix.rows.length, m.family.id);
      assert.equal(await section.locator('details.req').count(), m.requirements.filter((r) => r.inScope).length, m.family.id);
      // Evidence: a passed test shows the first request it sent.
      assert.ok((await section.locator('li.test .xs code').count()) > 0, `${m.family.id} shows requests`);
    }
    const all = report.families.reduce((n, m) => n + m.requirements.filter((r) => r.inScope).length, 0);
    assert.equal(await page.locator('#f-count').textContent(), `${all} of ${all} requirements shown`);
    await page.locator('#f-profile').selectOption('core');
    const core = report.families.reduce((n, m) => n + m.requirements.filter((r) => r.inScope && r.profile === 'core').length, 0);
    assert.equal(await page.locator('details.req:visible').count(), core, 'the profile filter covers every family');
    await page.locator('#f-profile').selectOption('');
    const link = page.locator('table.summary a').last();
    const target = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    assert.ok(await page.locator(`[id="${target}"]`).isVisible(), 'a summary link leads to its family');
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});
