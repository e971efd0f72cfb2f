// A conformance failure keeps its worker (harness/recorded-failure.ts) and is still a failure everywhere:
// conformance.json, junit.xml, Playwright's own reporters and the exit code. Any other error keeps
// Playwright's default, a fresh worker; so does a run whose first reporter is not the conformance one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { inlineDir, readReport, runPlaywright, REPORTER, ROOT } from './inline-run.ts';

// Each test notes the worker it ran in; one file, one worker, so the order is the file's.
const spec = `import { test } from '${ROOT}/harness/test.ts';
import { ConformanceFailure } from '${ROOT}/harness/oracles/conformance-failure.ts';
import fc from 'fast-check';
const failure = () => new ConformanceFailure({ oracle: 'success', title: 'Wrong envelope', expected: 'a success envelope', received: 'an error' });
test.beforeEach(({}, testInfo) => { testInfo.annotations.push({ type: 'worker', description: String(testInfo.workerIndex) }); });
test('a conformance failure', { annotation: { type: 'requirement', description: 'SKM-SCR-GET-001' } }, () => { throw failure(); });
test('a property failure', { annotation: { type: 'requirement', description: 'SKM-SYM-RT-001' } }, async () => {
  await fc.assert(fc.asyncProperty(fc.nat(), async () => { throw failure(); }), { seed: 1, numRuns: 2 });
});
test('a pass after them', { annotation: { type: 'requirement', description: 'SKM-SCR-GET-002' } }, () => {});
test('a bug', { annotation: { type: 'requirement', description: 'SKM-SYM-ENC-001' } }, () => { throw new TypeError('not a finding'); });
test('a pass after the bug', { annotation: { type: 'requirement', description: 'SKM-SYM-ENC-002' } }, () => {});
`;

const config = (reporters: string) => `import { defineConfig } from '@playwright/test';
export default defineConfig({ projects: [{ name: 'skm', testDir: 'suites' }], outputDir: 'test-results', workers: 1, reporter: ${reporters} });
`;

interface Run {
  code: number;
  statuses: Record<string, string>;
  workers: Record<string, string>;
  junitFailures: number;
  playwright: { expected: number; unexpected: number };
}

async function run(reporters: string): Promise<Run> {
  const dir = inlineDir({ 'playwright.config.ts': config(reporters), 'suites/a.spec.ts': spec });
  const r = await runPlaywright(dir, [], { SKM_PROFILES: 'core' });
  const { model, junit } = readReport(join(dir, 'report'));
  const byTitle = <T>(f: (t: (typeof model.tests)[number]) => T) => Object.fromEntries(model.tests.map((t) => [t.titlePath.at(-1)!, f(t)]));
  const stats = JSON.parse(readFileSync(join(dir, 'playwright.json'), 'utf8')).stats as Run['playwright'];
  return {
    code: r.code,
    statuses: byTitle((t) => t.status),
    workers: byTitle((t) => t.notes.find((n) => n.type === 'worker')!.description),
    junitFailures: junit.match(/<failure /g)?.length ?? 0,
    playwright: { expected: stats.expected, unexpected: stats.unexpected },
  };
}

const STATUSES = { 'a conformance failure': 'failed', 'a property failure': 'failed', 'a pass after them': 'passed', 'a bug': 'failed', 'a pass after the bug': 'passed' };
const conformance = `['${REPORTER}', { outputDir: 'report', quiet: true }]`;
const json = "['json', { outputFile: 'playwright.json' }]";

test('conformance failures keep their worker and are failures in every report and in the exit code', async () => {
  const r = await run(`[${conformance}, ${json}]`);
  assert.deepEqual(r.statuses, STATUSES);
  assert.equal(r.junitFailures, 3);
  assert.deepEqual(r.playwright, { expected: 2, unexpected: 3 });
  assert.equal(r.code, 1);
  const w = r.workers;
  assert.equal(new Set([w['a conformance failure'], w['a property failure'], w['a pass after them'], w['a bug']]).size, 1, 'one worker until the bug');
  assert.notEqual(w['a pass after the bug'], w['a bug'], 'a bug still discards its worker');
});

test('without the conformance reporter first, every failure discards its worker, as Playwright does by default', async () => {
  const r = await run(`[${json}, ${conformance}]`);
  assert.deepEqual(r.statuses, STATUSES);
  assert.deepEqual(r.playwright, { expected: 2, unexpected: 3 });
  assert.equal(r.code, 1);
  assert.equal(new Set(Object.values(r.workers)).size, 4);
});
