// What a report says about the run itself: the target (appkey masked), the harness and spec
// versions, the seed and the command that repeats the run. Read from the environment the CLI and
// the global setup leave (SKM_TARGET, SKM_SEED, SKM_RUNS, SKM_PROFILES, SKM_VERSIONS, SKM_GREP).
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTarget, type LoadedTarget } from '../harness/profile/load-target.ts';
import { maskAppkey, redactorFor, type Redactor } from '../harness/redaction.ts';
import { apiVersions } from '../generated/skm/operations.ts';
import { PROFILES, SPEC_HASHES, type Environment, type Profile, type Scope } from './model.ts';
import { ConfigError } from '../harness/config-error.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function harnessPackage(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

export function playwrightVersion(): string {
  try {
    return (JSON.parse(readFileSync(`${ROOT}node_modules/@playwright/test/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A comma list from the environment, or undefined when unset or empty. */
export function envList(name: string, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const v = env[name]?.trim();
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

export function parseProfiles(list: string[]): Profile[] {
  const unknown = list.filter((p) => !(PROFILES as readonly string[]).includes(p));
  if (unknown.length > 0) throw new ConfigError(`unknown profile ${unknown.join(', ')} (known: ${PROFILES.join(', ')})`);
  return PROFILES.filter((p) => list.includes(p));
}

export function parseVersions(list: string[]): string[] {
  const unknown = list.filter((v) => !(apiVersions as readonly string[]).includes(v));
  if (unknown.length > 0) throw new ConfigError(`unknown API version ${unknown.join(', ')} (known: ${apiVersions.join(', ')})`);
  return apiVersions.filter((v) => list.includes(v));
}

export interface RunFacts {
  /** SKM_TARGET as the user gave it (before any global setup), undefined for the embedded mock */
  userTarget?: string;
  workers: number;
  startedAt: Date;
  durationMs: number;
  /** k/n when this run is one shard */
  shard?: string;
  /** the project's grep, when the run was not started by the CLI */
  grep?: string;
  errors: string[];
  seedsFromTests: string[];
}

export interface RunContext {
  environment: Environment;
  scope: Scope;
  redactor?: Redactor;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function loadQuietly(path: string | undefined): { target?: LoadedTarget; error?: string } {
  if (!path) return {};
  try {
    return { target: loadTarget(path) };
  } catch (e) {
    return { error: `target profile could not be read for the report: ${(e as Error).message}` };
  }
}

export function runContext(facts: RunFacts, env: NodeJS.ProcessEnv = process.env): RunContext {
  const { target, error } = loadQuietly(env.SKM_TARGET);
  const redactor = target ? redactorFor(target) : undefined;
  const mask = (s: string) => (redactor ? redactor.text(s) : s);
  const askedProfiles = envList('SKM_PROFILES', env);
  const askedVersions = envList('SKM_VERSIONS', env);
  const profiles = askedProfiles ? parseProfiles(askedProfiles) : [...PROFILES];
  const versions = askedVersions ? parseVersions(askedVersions) : target ? apiVersions.filter((v) => (target.profile.apiVersions as string[]).includes(v)) : [...apiVersions];
  const grep = env.SKM_GREP || facts.grep || undefined;
  const faults = envList('SKM_MOCK_FAULTS', env) ?? [];
  const seeds = [...new Set([env.SKM_SEED, ...facts.seedsFromTests.map((s) => s.split(' ')[0])].filter((s): s is string => !!s))];
  const runs = env.SKM_RUNS ? Number(env.SKM_RUNS) : undefined;

  const words = ['npx', 'skm-conformance', 'run'];
  if (facts.userTarget) words.push('--target', isAbsolute(facts.userTarget) ? relative(process.cwd(), facts.userTarget) || facts.userTarget : facts.userTarget);
  if (askedProfiles) words.push('--profile', profiles.join(','));
  if (askedVersions) words.push('--versions', versions.join(','));
  if (grep) words.push('--grep', grep);
  if (seeds.length > 0) words.push('--seed', seeds[0]);
  if (runs !== undefined) words.push('--runs', String(runs));
  if (facts.shard) words.push('--shard', facts.shard);
  // Variables that change what runs: the embedded mock's faults, error transport and personality, robustness runs.
  const vars: [string, string | undefined][] = [
    ['SKM_MOCK_FAULTS', !facts.userTarget && faults.length > 0 ? faults.join(',') : undefined],
    ['SKM_MOCK_ERROR_TRANSPORT', !facts.userTarget ? env.SKM_MOCK_ERROR_TRANSPORT || undefined : undefined],
    ['SKM_MOCK_PERSONALITY', !facts.userTarget ? env.SKM_MOCK_PERSONALITY || undefined : undefined],
    ['SKM_ROBUSTNESS_RUNS', env.SKM_ROBUSTNESS_RUNS || undefined],
  ];
  const prefix = vars.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${shellWord(v!)} `).join('');
  const command = prefix + words.map(shellWord).join(' ');

  const environment: Environment = {
    harness: harnessPackage(),
    playwright: playwrightVersion(),
    node: process.version,
    specSha256: SPEC_HASHES.specSha256,
    catalogueSha256: SPEC_HASHES.catalogueSha256,
    seeds,
    command: mask(command),
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.round(facts.durationMs),
    workers: facts.workers,
    errors: [...(error ? [error] : []), ...facts.errors].map(mask),
  };
  if (runs !== undefined) environment.runs = runs;
  if (target) {
    const p = target.profile;
    environment.target = {
      name: mask(p.name ?? '(unnamed)'),
      baseUrl: mask(p.baseUrl),
      apiVersions: [...p.apiVersions],
      appkey: maskAppkey(p.appkey),
      profilePath: facts.userTarget ? mask(target.path) : '(written by the embedded mock)',
      embeddedMock: !facts.userTarget,
      mockFaults: faults,
    };
  }
  const scope: Scope = { profiles, versions, shards: facts.shard ? [facts.shard] : [] };
  if (grep) scope.grep = grep;
  return { environment, scope, redactor };
}
