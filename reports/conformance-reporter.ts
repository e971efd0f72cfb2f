// The conformance reporter: listens to Playwright's events and, at the end, hands each family's test
// records (a Playwright project is a family, playwright.config.ts) to buildConformanceModel(), and the
// models to one report: index.html, conformance.json and junit.xml in its folder (env SKM_REPORT_DIR,
// then option outputDir, then out/report/ beside the config). Last, it prints the path of index.html and
// one verdict line per family and profile. Run first of the reporters, it also turns a test that kept
// its worker after a conformance failure back into a failure (harness/recorded-failure.ts).
import { dirname, resolve } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { buildConformanceModel, type ConformanceModel, type TestRecord } from './model.ts';
import { buildRunReport, type RunReport } from './run-report.ts';
import { reportLines } from './verdict-lines.ts';
import { FAMILY_IDS } from '../families/registry.ts';
import { familyById } from '../harness/family.ts';
import { loadPlugin, targetEnv } from '../harness/family-plugin.ts';
import { familiesAsked, FAMILIES_ENV } from '../harness/families-asked.ts';
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
  /** each family's target as the user gave it, read before the global setups point the others at their mocks */
  private readonly userTargets = new Map(FAMILY_IDS.map((id) => [id as string, process.env[targetEnv(id)] || undefined]));
  private readonly errors: string[] = [];
  private written?: { html: string; report: RunReport; ms: number };
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
    // Paths relative to the config's folder (the harness root): families/skm/suites/..., harness/...
    const rootDir = this.config.configFile ? dirname(this.config.configFile) : this.config.rootDir;
    const byFamily = new Map<string, TestCase[]>();
    for (const t of all) {
      const family = t.parent.project()?.name ?? '';
      byFamily.set(family, [...(byFamily.get(family) ?? []), t]);
    }
    const strays = [...byFamily.keys()].filter((name) => !(FAMILY_IDS as readonly string[]).includes(name));
    for (const name of strays) this.errors.push(`project "${name}" is not a registered API family (${FAMILY_IDS.join(', ')}): its ${byFamily.get(name)!.length} tests are not judged`);
    const shard = this.config.shard ? `${this.config.shard.current}/${this.config.shard.total}` : undefined;
    const generatedAt = new Date().toISOString();
    const models: ConformanceModel[] = [];
    // A family the CLI asked for is judged even when no test of it was selected (not certified, then);
    // without the CLI, a family is in the report when a test of it ran.
    const asked = process.env[FAMILIES_ENV] ? familiesAsked(process.env, FAMILY_IDS) : [];
    const judged = FAMILY_IDS.filter((f) => asked.includes(f) || byFamily.get(f)?.some((t) => t.results.length > 0));
    const contexts = [];
    for (const id of judged) {
      const family = familyById(id);
      const tests: TestRecord[] = (byFamily.get(id) ?? []).map((t) => testRecord(t, rootDir));
      const grep = this.config.projects.find((p) => p.name === id)?.grep;
      const grepSource = grep && !Array.isArray(grep) && (grep as RegExp).source !== '.*' ? (grep as RegExp).source : undefined;
      const ctx = runContext(family, (await loadPlugin(id)).describeTarget, {
        userTarget: this.userTargets.get(id),
        workers: this.config.workers,
        startedAt: result.startTime ?? this.started,
        durationMs: result.duration,
        shard,
        grep: grepSource,
        errors: this.errors,
        seedsFromTests: tests.flatMap((t) => t.notes.filter((n) => n.type === 'seed').map((n) => n.description)),
      });
      contexts.push({ family, tests, ctx });
    }
    // An error outside tests may come from any family's setup: every family's secrets are masked in it.
    const redactors = contexts.flatMap(({ ctx }) => (ctx.redactor ? [ctx.redactor] : []));
    for (const { family, tests, ctx } of contexts) {
      const masked = ctx.redactor ? tests.map((t) => maskDeep(t, ctx.redactor!)) : tests;
      const errors = ctx.environment.errors.map((e) => redactors.reduce((text, r) => r.text(text), e));
      const environment = { ...ctx.environment, errors };
      models.push(buildConformanceModel({ tests: masked, environment, scope: ctx.scope, generatedAt, family }));
    }
    const report = buildRunReport(models, generatedAt);
    const html = writeReport(report, this.outputDir());
    this.written = { html, report, ms: performance.now() - t0 };
  }

  async onExit(): Promise<void> {
    if (this.options.quiet) return;
    if (this.written?.report.families.length === 0) process.stderr.write(`${this.errors.join('\n')}\n`);
    if (this.skipped) process.stdout.write(`\n${this.skipped}\n`);
    if (!this.written) return;
    const { html, report } = this.written;
    // The path comes last: it is what a person copies from a CI log.
    const lines = ['', ...reportLines(report), `Conformance report: ${html}`];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
