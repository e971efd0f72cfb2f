// Runs SKM's conformance suites in a child Playwright process and reads back what the report says:
// each test's outcome and each requirement's status, from the same conformance.json a user gets.
// The mutation and personality tests judge the suites through it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blames } from '../reports/model.ts';
import { familyModel, type RunReport } from '../reports/run-report.ts';
import { operations } from '../generated/skm/operations.ts';
import { spawnPlaywright } from './playwright-child.ts';

export interface TestOutcome {
  title: string;
  /** the test as a line of a Playwright --test-list file */
  listed: string;
  /** the logical operations it sent requests to */
  operations: string[];
  status: string;
  requirements: string[];
  message?: string;
  /** the requirements its failure blames (all of the test's, unless its failure names some) */
  blamed: string[];
}

export interface SuiteRun {
  exitCode: number;
  outcomes: TestOutcome[];
  /** requirement id -> passed | failed | not covered, for the requirements in scope */
  requirements: Map<string, string>;
  /** requirement id -> the logical operations its tests sent requests to */
  exercised: Map<string, Set<string>>;
  stderr: string;
}

const LOGICAL = new Map(operations.map((o) => [o.operationId, o.operation]));

/** Runs the suites (only `tests`, lines of a --test-list file, when given). */
export async function runSuites(args: string[], env: NodeJS.ProcessEnv, tests?: readonly string[]): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'skm-run-'));
  const list = join(dir, 'tests.txt');
  if (tests) writeFileSync(list, `${tests.join('\n')}\n`);
  const reporter = ['--project=skm', '--reporter=./reports/conformance-reporter.ts', ...(tests ? ['--test-list', list] : []), ...args];
  const childEnv = { SKM_TARGET: '', CONFORMANCE_FAMILIES: 'skm', SKM_MOCK_PROFILE_DIR: join(dir, 'mock'), SKM_REPORT_DIR: join(dir, 'report'), ...env };
  const run = await spawnPlaywright(reporter, childEnv, dir);
  let stderr = run.stderr;
  const outcomes: TestOutcome[] = [];
  const requirements = new Map<string, string>();
  const exercised = new Map<string, Set<string>>();
  try {
    const report = JSON.parse(readFileSync(join(dir, 'report', 'conformance.json'), 'utf8')) as RunReport;
    const model = familyModel(report, 'skm');
    if (!model) throw new Error('no SKM part in the report');
    for (const t of model.tests) {
      const listed = [t.file, ...t.titlePath].join(' › ');
      const operations = [...new Set(Object.keys(t.operationCounts).map((id) => LOGICAL.get(id) ?? id))];
      outcomes.push({ title: t.titlePath.join(' › '), listed, operations, status: t.status, requirements: t.requirements, message: t.failure?.title ?? t.skipReason, blamed: t.requirements.filter((r) => blames(t, r)) });
    }
    for (const r of model.requirements) if (r.inScope) requirements.set(r.id, r.status);
    for (const o of outcomes) for (const r of o.requirements) exercised.set(r, new Set([...(exercised.get(r) ?? []), ...o.operations]));
  } catch (e) {
    stderr += `\n(no conformance.json: ${(e as Error).message})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { exitCode: run.exitCode, outcomes, requirements, exercised, stderr };
}
