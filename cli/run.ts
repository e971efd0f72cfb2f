// `kms-conformance run`: one conformance run (or one shard of it) through Playwright with the
// conformance reporter, every family asked in one run and every output in one folder; the exit code is
// the verdict over them all.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomInt } from 'node:crypto';
import { ConfigError, CONFIG_ERROR_EXIT } from '../harness/config-error.ts';
import { FAMILY_IDS } from '../families/registry.ts';
import { familyById, type FamilyData } from '../harness/family.ts';
import { envPrefix, loadPlugin, targetEnv } from '../harness/family-plugin.ts';
import { familiesAsked, FAMILIES_ENV } from '../harness/families-asked.ts';
import { targetFamily } from '../harness/profile/target-family.ts';
import { familyVariants, parseProfiles, parseVersions, type DescribeTarget } from '../reports/environment.ts';
import { parseReportJson } from '../reports/render-json.ts';
import type { RunReport } from '../reports/run-report.ts';
import { REPORT_FILES } from '../reports/write-report.ts';
import { parse, list, positiveInt, seed as parseSeed, shard as parseShard, regex, outputFolder } from './args.ts';
import { PLAYWRIGHT_CLI, PLAYWRIGHT_CONFIG } from './paths.ts';
import { selection } from './selection.ts';

export const RUN_HELP = `Usage: kms-conformance run [options]

Runs the conformance suites of one or more API families (${FAMILY_IDS.join(', ')}) against their
targets and writes one report: index.html, conformance.json, junit.xml, Playwright's own report
(playwright-report/) and test results, all in the --out folder.

Options:
  --target FILE      target profile (targets/PROFILE-FORMAT.md); its \`family\` says which suites run.
                     Without it, each family asked runs against <PREFIX>_TARGET when set (SKM_TARGET,
                     NCP_KMS_TARGET, KSIG1_TARGET), else against its embedded mock
                     (<PREFIX>_MOCK_FAULTS=a,b switches on mock faults)
  --family LIST      families to run without --target, comma-separated (default: all)
  --profile LIST     certification profiles to run and judge, comma-separated (SKM: core, versioned,
                     managed, client-auth, robustness, security; see each family's catalogue); a
                     family that has none of them does not run (default: all)
  --versions LIST    variants to run and judge: SKM API versions (v1.0,v1.1,v1.2), NCP signature
                     versions (v1,v2); a family none of whose variants is named runs all that its
                     target declares
  --grep REGEX       only the tests whose title matches
  --runs N           runs of every fast-check property (default: each property's own)
  --seed S           fast-check seed (default: drawn, and printed in the report)
  --shard K/N        run only shard K of N; merge the shard folders with kms-conformance merge
  --workers N        parallel workers (default $SKM_WORKERS, else 2)
  --out DIR          output folder (default out/report, or out/shard-K-of-N with --shard)
  -h, --help         this text

Exit code: 0 certified for every family and profile asked, 1 not (or, with --shard, 1 when a test of
the shard failed; the verdict then comes from merge), 2 usage or configuration error.`;

export interface RunPlan {
  args: string[];
  env: Record<string, string | undefined>;
  out: string;
  sharded: boolean;
  /** the families that run, in the registry's order */
  families: string[];
}

/** The families a run covers: the target profile's, or --family's, narrowed to those with an asked profile. */
function familiesOf(targetPath: string | undefined, familyArg: string | undefined, profiles: string[] | undefined): FamilyData[] {
  let ids: string[];
  if (targetPath) {
    const family = targetFamily(targetPath, FAMILY_IDS);
    if (familyArg !== undefined && list(familyArg)!.some((f) => f !== family)) throw new ConfigError(`--family ${familyArg}: the target profile is a ${family} profile`);
    ids = [family];
  } else ids = familiesAsked({ [FAMILIES_ENV]: familyArg }, FAMILY_IDS);
  const families = ids.map(familyById);
  if (!profiles) return families;
  parseProfiles(profiles, families);
  return families.filter((f) => f.profileNames.some((p) => profiles.includes(p)));
}

/** Asked variants the family has but its target profile does not declare. */
function checkDeclared(family: FamilyData, path: string, asked: string[] | undefined, describe: DescribeTarget): void {
  const declared = describe(path).summary.variants;
  const missing = (familyVariants(family, asked) ?? []).filter((v) => !declared.includes(v));
  if (missing.length > 0) throw new ConfigError(`--versions ${missing.join(', ')}: the ${family.id} target profile declares only ${declared.join(', ')}`);
}

export async function planRun(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<RunPlan | 'help'> {
  const { values } = parse('run', argv, {
    target: { type: 'string' },
    family: { type: 'string' },
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
  const askedProfiles = list(values.profile);
  const target = values.target === undefined ? undefined : resolve(cwd, values.target);
  const families = familiesOf(target, values.family, askedProfiles);
  const profiles = askedProfiles === undefined ? undefined : parseProfiles(askedProfiles, families);
  const versions = values.versions === undefined ? undefined : parseVersions(list(values.versions)!, families);
  const grep = regex(values.grep, '--grep');
  const runs = positiveInt(values.runs, '--runs');
  const workers = values.workers === undefined ? positiveInt(env.SKM_WORKERS || undefined, 'SKM_WORKERS') : positiveInt(values.workers, '--workers');
  const shard = parseShard(values.shard);
  const seed = parseSeed(values.seed) ?? randomInt(2 ** 31);
  const targets: Record<string, string | undefined> = {};
  for (const family of families) {
    const path = target ?? (env[targetEnv(family.id)] ? resolve(cwd, env[targetEnv(family.id)]!) : undefined);
    targets[targetEnv(family.id)] = path;
    if (path) checkDeclared(family, path, versions, (await loadPlugin(family.id)).describeTarget);
  }
  const out = resolve(cwd, values.out ?? (shard ? `out/shard-${shard.current}-of-${shard.total}` : 'out/report'));
  const sel = selection(profiles, versions, grep, families);
  const args = [PLAYWRIGHT_CLI, 'test', '--config', PLAYWRIGHT_CONFIG, '--output', join(out, 'test-results')];
  if (families.length < FAMILY_IDS.length) for (const f of families) args.push('--project', f.id);
  if (sel.grep) args.push('--grep', sel.grep);
  if (sel.grepInvert) args.push('--grep-invert', sel.grepInvert);
  if (shard) args.push('--shard', `${shard.current}/${shard.total}`);
  const vars: Record<string, string | undefined> = {
    ...targets,
    [FAMILIES_ENV]: families.map((f) => f.id).join(','),
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
  return { args, env: vars, out, sharded: !!shard, families: families.map((f) => f.id) };
}

function childEnv(plan: RunPlan): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(plan.env)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface ExecutedRun {
  /** the exit code `run` gives */
  code: number;
  report?: RunReport;
}

/** Runs a plan: Playwright's output on the console (`quiet`: its errors only), the report read back. */
export async function executeRun(plan: RunPlan, quiet = false): Promise<ExecutedRun> {
  outputFolder(plan.out, '--out');
  for (const f of Object.values(REPORT_FILES)) rmSync(join(plan.out, f), { force: true });
  rmSync(join(plan.out, 'blob'), { recursive: true, force: true });
  const env = childEnv(plan);
  // An embedded mock writes its profile (with its secrets) outside the report folder, and one per run.
  const mockDir = mkdtempSync(join(tmpdir(), 'kms-mock-'));
  for (const id of plan.families) if (!plan.env[targetEnv(id)]) env[`${envPrefix(id)}_MOCK_PROFILE_DIR`] = join(mockDir, id);
  try {
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done, fail) => {
      const child = spawn(process.execPath, plan.args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env });
      child.on('error', fail);
      child.on('exit', (c, s) => done({ code: c, signal: s }));
    });
    if (code === CONFIG_ERROR_EXIT) return { code: CONFIG_ERROR_EXIT };
    const json = join(plan.out, REPORT_FILES.json);
    if (!existsSync(json)) {
      // Whatever stopped the runner (a signal, a crash), the run says so in one line and never exits 0.
      console.error(`kms-conformance: the run ended without a report (Playwright ${signal ? `stopped by ${signal}` : `exited with code ${code}`}); see the output above`);
      return { code: signal ? 130 : code || 1 };
    }
    const report = parseReportJson(readFileSync(json, 'utf8'), json);
    if (plan.sharded) return { code: report.families.some((m) => m.summary.tests.failed > 0) ? 1 : 0, report };
    return { code: report.verdict === 'certified' ? 0 : 1, report };
  } finally {
    rmSync(mockDir, { recursive: true, force: true });
  }
}

export async function run(argv: string[]): Promise<number> {
  const plan = await planRun(argv);
  if (plan === 'help') {
    console.log(RUN_HELP);
    return 0;
  }
  return (await executeRun(plan)).code;
}
