// Runs a family's conformance suites (its project of the root Playwright config) in a child process against the
// family's embedded mock, with faults or a personality, and reads back Playwright's JSON report: each
// test's status, requirements, variants and the requirements its failure blames, plus every byte of
// output, for the secret scan. Each family's tests name the family.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { spawnPlaywright } from '../harness/playwright-child.ts';
import { envPrefix } from '../harness/family-plugin.ts';

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
  /** the secrets of the mock's accounts, read from its profile before the folder went */
  secrets: string[];
}

export interface RunOptions {
  faults?: readonly string[];
  personality?: string;
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

export interface FamilyRunner {
  /** the family's id: its Playwright project in the root config, and its variables' prefix */
  family: string;
  /** the secrets in the profile its mock wrote */
  secretsOf: (profile: unknown) => string[];
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

export async function runFamilySuites(family: FamilyRunner, options: RunOptions = {}): Promise<SuiteRun> {
  const dir = mkdtempSync(join(tmpdir(), 'family-run-'));
  const report = join(dir, 'report.json');
  const profileDir = join(dir, 'mock');
  const p = envPrefix(family.family);
  const env = {
    CONFORMANCE_FAMILIES: family.family,
    [`${p}_TARGET`]: '',
    [`${p}_MOCK_PROFILE_DIR`]: profileDir,
    [`${p}_MOCK_FAULTS`]: (options.faults ?? []).join(','),
    [`${p}_MOCK_PERSONALITY`]: options.personality ?? '',
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    ...options.env,
  };
  const run = await spawnPlaywright(['--project', family.family, '--reporter=json', ...(options.args ?? [])], env, dir);
  try {
    const text = readFileSync(report, 'utf8');
    const found = (JSON.parse(text) as { suites: JsonSuite[] }).suites.flatMap((s) => specsOf(s, []));
    const tests = found.flatMap(({ spec, path }) => spec.tests.map((t) => testOf(spec, path, t)));
    const attachments = found.flatMap(({ spec }) => spec.tests.flatMap((t) => t.results.map((r) => decoded(r.attachments))));
    const secrets = family.secretsOf(parse(readFileSync(join(profileDir, 'profile.yaml'), 'utf8')));
    return { exitCode: run.exitCode, tests, stderr: run.stderr, output: [text, ...attachments, run.stderr].join('\n'), secrets };
  } catch (e) {
    throw new Error(`the run left no report: ${(e as Error).message}\n${run.stderr.slice(-3000)}`, { cause: e });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` over the items, `parallel` at a time. */
export async function inParallel<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
