// `run --versions v1.2` selects exactly what it names: the suites run against the embedded mock with
// the command's own Playwright invocation (planRun), and no test sends a request in another API
// version, preparation included, while every v1.2 test runs and passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRun, type RunPlan } from '../../cli/run.ts';
import { operations } from '../../generated/skm/operations.ts';
import { listSuiteTests } from '../../harness/test-listing.ts';
import { tempDir } from '../temp-dir.ts';
import { ROOT } from './cli-run.ts';
import type { SentRequests } from './sent-requests-reporter.ts';

const REPORTER = join(ROOT, 'tests/cli/sent-requests-reporter.ts');
const VERSION_OF = new Map(operations.map((o) => [o.operationId, o.version]));

/** The API version a request went to: its operation's, and the one its path names. */
function versionsOf(request: SentRequests['requests'][number]): string[] {
  const inPath = /\/keymanager\/([^/]+)\//.exec(new URL(request.url).pathname)?.[1] ?? `no version in ${request.url}`;
  return request.operationId ? [VERSION_OF.get(request.operationId) ?? request.operationId, inPath] : [inPath];
}

function runPlanned(plan: RunPlan, dir: string): Promise<{ code: number; stderr: string; tests: SentRequests[] }> {
  const inherited = Object.entries(process.env).filter(([k]) => !k.startsWith('SKM_') && !k.startsWith('PLAYWRIGHT_') && !k.startsWith('PW_'));
  const planned = Object.entries(plan.env).filter(([, v]) => v !== undefined);
  const file = join(dir, 'sent.json');
  const env = { ...Object.fromEntries([...inherited, ...planned]), SKM_MOCK_PROFILE_DIR: join(dir, 'mock'), SKM_ROBUSTNESS_RUNS: '20', SENT_REQUESTS_FILE: file };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...plan.args, '--reporter', REPORTER], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr, tests: code === 0 ? (JSON.parse(readFileSync(file, 'utf8')) as SentRequests[]) : [] }));
  });
}

test('run --versions v1.2 sends no request in another API version, and runs every v1.2 test', async () => {
  const dir = tempDir('skm-versions-');
  const plan = (await planRun(['--family', 'skm', '--versions', 'v1.2', '--runs', '3', '--seed', '12', '--out', join(dir, 'report')], ROOT, {})) as RunPlan;
  const run = await runPlanned(plan, dir);
  assert.equal(run.code, 0, run.stderr.slice(-3000));
  const elsewhere = run.tests.flatMap((t) => t.requests.flatMap((r) => versionsOf(r).filter((v) => v !== 'v1.2').map((v) => `${t.title}: ${v} (${r.operationId ?? r.url})`)));
  assert.deepEqual(elsewhere, [], 'requests in another API version');
  const v12 = listSuiteTests(['--project', 'skm']).filter((t) => t.variants.every((v) => v === 'v1.2'));
  assert.equal(run.tests.length, v12.length, 'every test whose variants are all v1.2 ran, and no other');
  assert.deepEqual(run.tests.filter((t) => t.status !== 'passed').map((t) => `${t.title}: ${t.status}`), []);
  assert.ok(run.tests.reduce((n, t) => n + t.requests.length, 0) > 1000, 'the tests sent requests');
});
