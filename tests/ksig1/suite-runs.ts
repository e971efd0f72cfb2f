// Runs the KSig1 conformance suites in a child Playwright process against the family's embedded mock
// (with faults or a personality) and reads back Playwright's JSON report: each test's status,
// requirements, variants and the requirements its failure blames, plus every byte of output, for the
// secret scan. (The NAVER Cloud KMS runner does the same for its family, tests/ncp-kms/suite-runs.ts.)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Credentials } from '../../families/ksig1/auth/signer.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');
const CONFIG = 'families/ksig1/playwright.config.ts';

export interface RunTest {
  title: string;
  /** passed, failed, skipped, timedOut... (the last result's) */
  status: string;
  requirements: string[];
  variants: string[];
  /** what the failure blames: its own requirements, else every requirement of the test */
  blamed: string[];
  message?: string;
}

export interface SuiteRun {
  exitCode: number;
  tests: RunTest[];
  stderr: string;
  /** the JSON report with every attachment decoded, and stderr: what a user could see */
  output: string;
  /** the secret keys and auth tokens of the mock's accounts, read from its profile before the folder went */
  secrets: string[];
}

export interface RunOptions {
  faults?: readonly string[];
  personality?: string;
  args?: readonly string[];
}

interface JsonAttachment { name: string; body?: string }
interface JsonResult { status: string; errors?: { message?: string }[]; attachments?: JsonAttachment[] }
interface JsonTest { annotations?: { type: string; description?: string }[]; results: JsonResult[] }
interface JsonSpec { title: string; tests: JsonTest[] }
interface JsonSuite { title: string; specs?: JsonSpec[]; suites?: JsonSuite[] }

function specsOf(suite: JsonSuite, path: string[]): { spec: JsonSpec; path: string[] }[] {
  const here = suite.specs?.map((spec) => ({ spec, path })) ?? [];
  return [...here, ...(suite.suites ?? []).flatMap((s) => specsOf(s, [...path, s.title]))];
}

const decoded = (attachments: JsonAttachment[] = []): string =>
  attachments.map((a) => (a.body ? Buffer.from(a.body, 'base64').toString('utf8') : '')).join('\n');

function testOf(spec: JsonSpec, path: string[], test: JsonTest): RunTest {
  const annotated = (type: string) => (test.annotations ?? []).filter((a) => a.type === type && a.description).map((a) => a.description!);
  const result = test.results.at(-1);
  const requirements = annotated('requirement');
  const failure = result?.attachments?.find((a) => a.name === 'conformance-failure');
  const data = failure?.body ? (JSON.parse(Buffer.from(failure.body, 'base64').toString('utf8')) as { title?: string; requirements?: string[] }) : undefined;
  return {
    title: [...path.filter(Boolean), spec.title].join(' › '),
    status: result?.status ?? 'skipped',
    requirements,
    variants: annotated('variant'),
    blamed: data?.requirements ?? requirements,
    message: data?.title ?? result?.errors?.[0]?.message?.split('\n')[0],
  };
}

function secretsOf(profileFile: string): string[] {
  const profile = parse(readFileSync(profileFile, 'utf8')) as { credentials: Credentials; fixtures?: { revokedKey?: Partial<Credentials> } };
  return [profile.credentials, profile.fixtures?.revokedKey ?? {}].flatMap((c) => [c.secretKey, c.authToken]).filter((s): s is string => Boolean(s));
}

export function runKsig1Suites(options: RunOptions = {}): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ksig1-run-'));
  const report = join(dir, 'report.json');
  const profileDir = join(dir, 'mock');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'test', '-c', CONFIG, '--reporter=json', '--output', join(dir, 'results'), ...(options.args ?? [])], {
      cwd: ROOT,
      env: {
        ...process.env, KSIG1_TARGET: '', KSIG1_MOCK_PROFILE_DIR: profileDir, KSIG1_MOCK_FAULTS: (options.faults ?? []).join(','),
        KSIG1_MOCK_PERSONALITY: options.personality ?? '', PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // A test process that ends first stops the run and removes its folder (the mock's profile holds secrets).
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
      try {
        const text = readFileSync(report, 'utf8');
        const found = (JSON.parse(text) as { suites: JsonSuite[] }).suites.flatMap((s) => specsOf(s, []));
        const tests = found.flatMap(({ spec, path }) => spec.tests.map((t) => testOf(spec, path, t)));
        const attachments = found.flatMap(({ spec }) => spec.tests.flatMap((t) => t.results.map((r) => decoded(r.attachments))));
        resolve({ exitCode: code ?? 1, tests, stderr, output: [text, ...attachments, stderr].join('\n'), secrets: secretsOf(join(profileDir, 'profile.yaml')) });
      } catch (e) {
        reject(new Error(`the run left no report: ${(e as Error).message}\n${stderr.slice(-3000)}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
