// `skm-conformance run`: one conformance run (or one shard of it) through Playwright with the
// conformance reporter, every output in one folder; the exit code is the verdict.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { loadTarget } from '../harness/profile/load-target.ts';
import { ConfigError, CONFIG_ERROR_EXIT } from '../harness/config-error.ts';
import { parseProfiles, parseVersions } from '../reports/environment.ts';
import { parseModelJson } from '../reports/render-json.ts';
import { REPORT_FILES } from '../reports/write-report.ts';
import { parse, list, positiveInt, seed as parseSeed, shard as parseShard, regex, outputFolder } from './args.ts';
import { PLAYWRIGHT_CLI, PLAYWRIGHT_CONFIG } from './paths.ts';
import { selection } from './selection.ts';

export const RUN_HELP = `Usage: skm-conformance run [options]

Runs the conformance suites against a target and writes the report: index.html, conformance.json,
junit.xml, Playwright's own report (playwright-report/) and test results, all in the --out folder.

Options:
  --target FILE      target profile (targets/PROFILE-FORMAT.md); default $SKM_TARGET, else the
                     embedded mock (SKM_MOCK_FAULTS=a,b switches on mock faults)
  --profile LIST     certification profiles to run and judge, comma-separated
                     (core, versioned, managed, client-auth, robustness, security; default all)
  --versions LIST    API versions to run and judge, e.g. v1.0,v1.2 (default: the target's apiVersions)
  --grep REGEX       only the tests whose title matches
  --runs N           runs of every fast-check property (default: each property's own)
  --seed S           fast-check seed (default: drawn, and printed in the report)
  --shard K/N        run only shard K of N; merge the shard folders with skm-conformance merge
  --workers N        parallel workers (default $SKM_WORKERS, else 2)
  --out DIR          output folder (default out/report, or out/shard-K-of-N with --shard)
  -h, --help         this text

Exit code: 0 certified for every profile asked, 1 not (or, with --shard, 1 when a test of the shard
failed; the verdict then comes from merge), 2 usage or configuration error.`;

export interface RunPlan {
  args: string[];
  env: Record<string, string | undefined>;
  out: string;
  sharded: boolean;
}

export function planRun(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): RunPlan | 'help' {
  const { values } = parse('run', argv, {
    target: { type: 'string' },
    profile: { type: 'string' },
    versions: { type: 'string' },
    grep: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    shard: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) return 'help';
  const profiles = values.profile === undefined ? undefined : parseProfiles(list(values.profile)!);
  const versions = values.versions === undefined ? undefined : parseVersions(list(values.versions)!);
  const grep = regex(values.grep, '--grep');
  const runs = positiveInt(values.runs, '--runs');
  const workers = values.workers === undefined ? positiveInt(env.SKM_WORKERS || undefined, 'SKM_WORKERS') : positiveInt(values.workers, '--workers');
  const shard = parseShard(values.shard);
  const seed = parseSeed(values.seed) ?? randomInt(2 ** 31);
  let target: string | undefined;
  const targetArg = values.target ?? (env.SKM_TARGET || undefined);
  if (targetArg !== undefined) {
    target = resolve(cwd, targetArg);
    const loaded = loadTarget(target);
    const missing = (versions ?? []).filter((v) => !(loaded.profile.apiVersions as string[]).includes(v));
    if (missing.length > 0) throw new ConfigError(`--versions ${missing.join(', ')}: the target profile declares only ${loaded.profile.apiVersions.join(', ')}`);
  }
  const out = resolve(cwd, values.out ?? (shard ? `out/shard-${shard.current}-of-${shard.total}` : 'out/report'));
  const sel = selection(profiles, versions, grep);
  const args = [PLAYWRIGHT_CLI, 'test', '--config', PLAYWRIGHT_CONFIG, '--output', join(out, 'test-results')];
  if (sel.grep) args.push('--grep', sel.grep);
  if (sel.grepInvert) args.push('--grep-invert', sel.grepInvert);
  if (shard) args.push('--shard', `${shard.current}/${shard.total}`);
  const vars: Record<string, string | undefined> = {
    SKM_TARGET: target,
    SKM_SEED: String(seed),
    SKM_RUNS: runs === undefined ? undefined : String(runs),
    SKM_WORKERS: workers === undefined ? undefined : String(workers),
    SKM_PROFILES: profiles?.join(','),
    SKM_VERSIONS: versions?.join(','),
    SKM_GREP: grep,
    SKM_REPORT_DIR: out,
    PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'),
    SKM_BLOB_DIR: shard ? join(out, 'blob') : undefined,
  };
  return { args, env: vars, out, sharded: !!shard };
}

function childEnv(plan: RunPlan): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(plan.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export async function run(argv: string[]): Promise<number> {
  const plan = planRun(argv);
  if (plan === 'help') {
    console.log(RUN_HELP);
    return 0;
  }
  outputFolder(plan.out, '--out');
  for (const f of Object.values(REPORT_FILES)) rmSync(join(plan.out, f), { force: true });
  rmSync(join(plan.out, 'blob'), { recursive: true, force: true });
  const env = childEnv(plan);
  // The embedded mock writes its profile (with its secrets) outside the report folder, and one per run.
  const mockDir = plan.env.SKM_TARGET ? undefined : mkdtempSync(join(tmpdir(), 'skm-mock-'));
  if (mockDir) env.SKM_MOCK_PROFILE_DIR = mockDir;
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
      const child = spawn(process.execPath, plan.args, { stdio: 'inherit', env });
      child.on('error', fail);
      child.on('exit', (c, s) => done({ code: c, signal: s }));
    });
    if (code === CONFIG_ERROR_EXIT) return CONFIG_ERROR_EXIT;
    const json = join(plan.out, REPORT_FILES.json);
    if (!existsSync(json)) {
      // Whatever stopped the runner (a signal, a crash), the run says so in one line and never exits 0.
      console.error(`skm-conformance: the run ended without a report (Playwright ${signal ? `stopped by ${signal}` : `exited with code ${code}`}); see the output above`);
      return signal ? 130 : code || 1;
    }
    const model = parseModelJson(readFileSync(json, 'utf8'), json);
    if (plan.sharded) return model.summary.tests.failed > 0 ? 1 : 0;
    return model.verdict === 'certified' ? 0 : 1;
  } finally {
    if (mockDir) rmSync(mockDir, { recursive: true, force: true });
  }
}
