// Runs a tiny inline Playwright suite through the conformance reporter, the way Playwright tests its
// own reporters: a temp folder with a config and spec files, plain @playwright/test.
import { mkdirSync, writeFileSync, symlinkSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConformanceModel } from '../../reports/model.ts';
import type { RunReport } from '../../reports/run-report.ts';
import { tempDir } from '../temp-dir.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REPORTER = join(ROOT, 'reports/conformance-reporter.ts');
export const PLAYWRIGHT_CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');

export interface InlineRun {
  dir: string;
  reportDir: string;
  code: number;
  stdout: string;
  stderr: string;
  report: RunReport;
  /** the report's one family (an inline suite is SKM's) */
  model: ConformanceModel;
  html: string;
  junit: string;
}

/** The inline project's folder: removed once the test that made it (with its subtests) is done. */
export function inlineDir(files: Record<string, string>): string {
  const dir = tempDir('skm-inline-');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const all: Record<string, string> = {
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({ projects: [{ name: 'skm', testDir: 'suites' }], outputDir: 'test-results', workers: 2, reporter: [['${REPORTER}', { outputDir: 'report', quiet: true }]] });
`,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function runPlaywright(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKM_') && k !== 'CI' && !k.startsWith('PLAYWRIGHT_') && !k.startsWith('PW_')));
  return new Promise((done) => {
    execFile(process.execPath, [PLAYWRIGHT_CLI, 'test', ...args], { cwd: dir, env: { ...clean, ...env }, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export function readReport(reportDir: string): Pick<InlineRun, 'report' | 'model' | 'html' | 'junit'> {
  if (!existsSync(join(reportDir, 'conformance.json'))) throw new Error(`no report in ${reportDir}`);
  const report = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8')) as RunReport;
  return {
    report,
    model: report.families[0],
    html: readFileSync(join(reportDir, 'index.html'), 'utf8'),
    junit: readFileSync(join(reportDir, 'junit.xml'), 'utf8'),
  };
}

export async function runInline(files: Record<string, string>, args: string[] = [], env: NodeJS.ProcessEnv = {}, reportSubdir = 'report'): Promise<InlineRun> {
  const dir = inlineDir(files);
  const r = await runPlaywright(dir, args, env);
  const reportDir = env.SKM_REPORT_DIR ?? join(dir, reportSubdir);
  try {
    return { dir, reportDir, ...r, ...readReport(reportDir) };
  } catch (e) {
    throw new Error(`${(e as Error).message}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`, { cause: e });
  }
}

/** A spec file test with our annotation shapes. */
export function inlineTest(title: string, ids: string[], body: string, exchanges: string[] = []): string {
  const annotation = JSON.stringify(ids.map((id) => ({ type: 'requirement', description: id })));
  const attach = `await testInfo.attach('exchanges', { contentType: 'application/json', body: JSON.stringify(${JSON.stringify(
    exchanges.map((operationId) => ({ operationId, request: { method: 'GET', url: `https://target.invalid/${operationId}`, headers: {} }, response: { status: 200, headers: {}, text: '{"header":{"isSuccessful":true}}' }, ms: 1 })),
  )}) });`;
  return `test(${JSON.stringify(title)}, { annotation: ${annotation}, tag: ['@core'] }, async ({}, testInfo) => {
  ${exchanges.length > 0 ? attach : ''}
  ${body}
});
`;
}
