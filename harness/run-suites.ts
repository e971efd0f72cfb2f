// Runs the conformance suites in a child Playwright process and reads back each test's outcome:
// what the mutation and transport tests use to run the suites against the mock with faults.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIREMENT_ANNOTATION } from './requirements.ts';

export interface TestOutcome {
  title: string;
  status: string;
  requirements: string[];
  message?: string;
}

export interface SuiteRun {
  exitCode: number;
  outcomes: TestOutcome[];
  stderr: string;
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { title: string; tests: { annotations: { type: string; description?: string }[]; results: { status: string; error?: { message?: string } }[] }[] }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');

export function runSuites(args: string[], env: NodeJS.ProcessEnv): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'skm-run-'));
  const jsonFile = join(dir, 'results.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'test', '--reporter=json', ...args], {
      cwd: ROOT,
      env: { ...process.env, SKM_TARGET: '', SKM_MOCK_PROFILE_DIR: join(dir, 'mock'), PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const outcomes: TestOutcome[] = [];
      try {
        const walk = (s: JsonSuite) => {
          for (const spec of s.specs ?? []) {
            for (const t of spec.tests) {
              const last = t.results[t.results.length - 1];
              outcomes.push({
                title: spec.title,
                status: last?.status ?? 'skipped',
                requirements: t.annotations.filter((a) => a.type === REQUIREMENT_ANNOTATION).map((a) => a.description!),
                message: last?.error?.message,
              });
            }
          }
          for (const c of s.suites ?? []) walk(c);
        };
        for (const s of (JSON.parse(readFileSync(jsonFile, 'utf8')) as { suites: JsonSuite[] }).suites) walk(s);
      } catch (e) {
        stderr += `\n(no JSON results: ${(e as Error).message})`;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ exitCode: code ?? 1, outcomes, stderr });
    });
  });
}
