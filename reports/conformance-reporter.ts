// The conformance reporter: listens to Playwright's events and, at the end, hands the tests' records
// to buildConformanceModel() and writes index.html, conformance.json and junit.xml into its folder
// (env SKM_REPORT_DIR, then option outputDir, then out/report/ beside the config). Last, it prints the
// path of index.html and one verdict line per profile. Run first of the reporters, it also turns a test
// that kept its worker after a conformance failure back into a failure (harness/recorded-failure.ts).
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { buildConformanceModel, verdictLines, type ConformanceModel, type TestRecord } from './model.ts';
import { testRecord, errorText } from './test-record.ts';
import { runContext } from './environment.ts';
import { writeReport } from './write-report.ts';
import type { Redactor } from '../harness/redaction.ts';
import { restoreFailure } from '../harness/recorded-failure.ts';

export interface ConformanceReporterOptions {
  outputDir?: string;
  /** no console output (tests) */
  quiet?: boolean;
  configDir?: string;
}

export const REPORT_DIR_ENV = 'SKM_REPORT_DIR';
const DEFAULT_DIR = 'out/report';

/** Every string in a value, passed through the redactor (a last line of defence: the evidence is
 *  masked where it is recorded, but an error message might still carry a profile secret). */
function maskDeep<T>(value: T, r: Redactor): T {
  if (typeof value === 'string') return r.text(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, r)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, r)])) as T;
  return value;
}

export default class ConformanceReporter implements Reporter {
  private config!: FullConfig;
  private suite?: Suite;
  private readonly started = new Date();
  private readonly userTarget = process.env.SKM_TARGET || undefined;
  private readonly errors: string[] = [];
  private written?: { html: string; model: ConformanceModel; ms: number };
  private skipped?: string;

  constructor(private readonly options: ConformanceReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.config = config;
    this.suite = suite;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    restoreFailure(test, result);
  }

  onError(error: TestError): void {
    this.errors.push(errorText(error));
  }

  outputDir(): string {
    const env = process.env[REPORT_DIR_ENV];
    if (env) return resolve(env);
    const base = this.options.configDir ?? (this.config.configFile ? dirname(this.config.configFile) : this.config.rootDir);
    return resolve(base, this.options.outputDir ?? DEFAULT_DIR);
  }

  async onEnd(result: FullResult): Promise<void> {
    const t0 = performance.now();
    const all = this.suite?.allTests() ?? [];
    // `playwright test --list` and a run stopped before its first test: nothing to report, and an
    // earlier report stays as it was.
    if (process.argv.includes('--list')) return;
    if (!all.some((t) => t.results.length > 0)) {
      this.skipped = `no test ran (${result.status}): no conformance report written`;
      return;
    }
    const project = this.config.projects[0];
    // Paths relative to the config's folder (the harness root): suites/skm/..., harness/...
    const rootDir = this.config.configFile ? dirname(this.config.configFile) : (project?.testDir ?? this.config.rootDir);
    const tests: TestRecord[] = all.map((t) => testRecord(t, rootDir));
    const grep = project?.grep;
    const grepSource = grep && !Array.isArray(grep) && (grep as RegExp).source !== '.*' ? (grep as RegExp).source : undefined;
    const shard = this.config.shard ? `${this.config.shard.current}/${this.config.shard.total}` : undefined;
    const ctx = runContext({
      userTarget: this.userTarget,
      workers: this.config.workers,
      startedAt: result.startTime ?? this.started,
      durationMs: result.duration,
      shard,
      grep: grepSource,
      errors: this.errors,
      seedsFromTests: tests.flatMap((t) => t.notes.filter((n) => n.type === 'seed').map((n) => n.description)),
    });
    const masked = ctx.redactor ? tests.map((t) => maskDeep(t, ctx.redactor!)) : tests;
    const model = buildConformanceModel({ tests: masked, environment: ctx.environment, scope: ctx.scope, generatedAt: new Date().toISOString() });
    const html = writeReport(model, this.outputDir());
    this.written = { html, model, ms: performance.now() - t0 };
  }

  async onExit(): Promise<void> {
    if (this.options.quiet) return;
    if (this.skipped) process.stdout.write(`\n${this.skipped}\n`);
    if (!this.written) return;
    const { html, model } = this.written;
    // The path comes last: it is what a person copies from a CI log.
    const lines = ['', 'Certification:', ...verdictLines(model).map((l) => `  ${l}`), `Conformance report: ${html}`];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
