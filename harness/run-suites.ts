// Runs the conformance suites in a child Playwright process and reads back what the report says:
// each test's outcome and each requirement's status, from the same conformance.json a user gets.
// The mutation and personality tests judge the suites through it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blames, type ConformanceModel } from '../reports/model.ts';
import { operations } from '../generated/skm/operations.ts';

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
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');


/** Runs the suites (only `tests`, lines of a --test-list file, when given). */
export function runSuites(args: string[], env: NodeJS.ProcessEnv, tests?: readonly string[]): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'skm-run-'));
  const list = join(dir, 'tests.txt');
  if (tests) writeFileSync(list, `${tests.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    // Failure artefacts go to the run's own folder: in the repository's out/test-results they would
    // outlive the test, and Playwright empties that folder at each start, a user's run included.
    const output = ['--output', join(dir, 'test-results')];
    const child = spawn(process.execPath, [CLI, 'test', '--reporter=./reports/conformance-reporter.ts', ...output, ...(tests ? ['--test-list', list] : []), ...args], {
      cwd: ROOT,
      env: { ...process.env, SKM_TARGET: '', SKM_MOCK_PROFILE_DIR: join(dir, 'mock'), SKM_REPORT_DIR: join(dir, 'report'), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // A test process that ends first (a test timed out) stops the run and removes its folder, which
    // holds the mock's profile with its secrets.
    const abandon = () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', abandon);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', abandon);
      const outcomes: TestOutcome[] = [];
      const requirements = new Map<string, string>();
      const exercised = new Map<string, Set<string>>();
      try {
        const model = JSON.parse(readFileSync(join(dir, 'report', 'conformance.json'), 'utf8')) as ConformanceModel;
        for (const t of model.tests) {
          const listed = [t.file.replace(/^suites\//, ''), ...t.titlePath].join(' › ');
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
      resolve({ exitCode: code ?? 1, outcomes, requirements, exercised, stderr });
    });
  });
}
