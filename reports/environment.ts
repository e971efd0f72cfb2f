// What a report says about one family's part of the run: its target (credential masked), the harness and
// spec versions, the seed and the command that repeats it. Read from the environment the CLI and the
// global setups leave (<PREFIX>_TARGET, SKM_SEED, SKM_RUNS, SKM_PROFILES, SKM_VERSIONS, SKM_GREP).
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redactor } from '../harness/redaction.ts';
import { FAMILIES, type FamilyData } from '../harness/family.ts';
import { envPrefix, mockFaultsEnv, targetEnv, type FamilyPlugin } from '../harness/family-plugin.ts';
import type { Environment, Profile, Scope } from './model.ts';
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

/** The profiles asked, checked against the families that will run: a name no family declares is an error. */
export function parseProfiles(list: string[], families: readonly FamilyData[] = FAMILIES): Profile[] {
  const known = [...new Set(families.flatMap((f) => f.profileNames))];
  const unknown = list.filter((p) => !known.includes(p));
  if (unknown.length > 0) throw new ConfigError(`unknown profile ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return known.filter((p) => list.includes(p));
}

/** The variants asked (SKM's API versions, NCP's signature versions), checked against the families' variants. */
export function parseVersions(list: string[], families: readonly FamilyData[] = FAMILIES): string[] {
  const known = [...new Set(families.flatMap((f) => f.variants))];
  const unknown = list.filter((v) => !known.includes(v));
  if (unknown.length > 0) throw new ConfigError(`unknown variant ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return known.filter((v) => list.includes(v));
}

/** What a family takes from the asked variants: those that are its own; none of them, all of its own. */
export function familyVariants(family: FamilyData, asked: readonly string[] | undefined): string[] | undefined {
  const mine = asked?.filter((v) => family.variants.includes(v));
  return mine && mine.length > 0 ? mine : undefined;
}

export interface RunFacts {
  /** the family's target profile as the user gave it (before any global setup), undefined for the embedded mock */
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

/** Reads a target profile for the report: the family's plug-in (families/<id>/plugin.ts) knows how. */
export type DescribeTarget = FamilyPlugin['describeTarget'];

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function describeQuietly(describe: DescribeTarget, path: string | undefined): { target?: ReturnType<DescribeTarget>; error?: string } {
  if (!path) return {};
  try {
    return { target: describe(path) };
  } catch (e) {
    return { error: `target profile could not be read for the report: ${(e as Error).message}` };
  }
}

export function runContext(family: FamilyData, describe: DescribeTarget, facts: RunFacts, env: NodeJS.ProcessEnv = process.env): RunContext {
  const prefix = envPrefix(family.id);
  const { target, error } = describeQuietly(describe, env[targetEnv(family.id)]);
  const redactor = target?.redactor;
  const mask = (s: string) => (redactor ? redactor.text(s) : s);
  const askedProfiles = envList('SKM_PROFILES', env);
  const askedVersions = familyVariants(family, envList('SKM_VERSIONS', env));
  const profiles = askedProfiles ? family.profileNames.filter((p) => askedProfiles.includes(p)) : [...family.profileNames];
  const declared = target?.summary.variants;
  const versions = askedVersions ?? (declared ? family.variants.filter((v) => declared.includes(v)) : [...family.variants]);
  const grep = env.SKM_GREP || facts.grep || undefined;
  const faults = envList(mockFaultsEnv(family.id), env) ?? [];
  const seeds = [...new Set([env.SKM_SEED, ...facts.seedsFromTests.map((s) => s.split(' ')[0])].filter((s): s is string => !!s))];
  const runs = env.SKM_RUNS ? Number(env.SKM_RUNS) : undefined;

  const words = ['npx', 'kms-conformance', 'run'];
  if (facts.userTarget) words.push('--target', isAbsolute(facts.userTarget) ? relative(process.cwd(), facts.userTarget) || facts.userTarget : facts.userTarget);
  else words.push('--family', family.id);
  if (askedProfiles) words.push('--profile', profiles.join(','));
  if (askedVersions) words.push('--versions', versions.join(','));
  if (grep) words.push('--grep', grep);
  if (seeds.length > 0) words.push('--seed', seeds[0]);
  if (runs !== undefined) words.push('--runs', String(runs));
  if (facts.shard) words.push('--shard', facts.shard);
  // Variables that change what runs: the embedded mock's faults, error transport and personality, robustness runs.
  const mockVar = (name: string): [string, string | undefined] => [`${prefix}_MOCK_${name}`, !facts.userTarget ? env[`${prefix}_MOCK_${name}`] || undefined : undefined];
  const vars: [string, string | undefined][] = [
    [mockFaultsEnv(family.id), !facts.userTarget && faults.length > 0 ? faults.join(',') : undefined],
    mockVar('ERROR_TRANSPORT'),
    mockVar('PERSONALITY'),
    ['SKM_ROBUSTNESS_RUNS', env.SKM_ROBUSTNESS_RUNS || undefined],
  ];
  const assignments = vars.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${shellWord(v!)} `).join('');
  const command = assignments + words.map(shellWord).join(' ');

  const environment: Environment = {
    harness: harnessPackage(),
    playwright: playwrightVersion(),
    node: process.version,
    specSha256: family.specSha256,
    catalogueSha256: family.catalogueSha256,
    seeds,
    command: mask(command),
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.round(facts.durationMs),
    workers: facts.workers,
    errors: [...(error ? [error] : []), ...facts.errors].map(mask),
  };
  if (runs !== undefined) environment.runs = runs;
  if (target) {
    const t = target.summary;
    environment.target = {
      name: mask(t.name),
      baseUrl: mask(t.baseUrl),
      variants: [...t.variants],
      profilePath: facts.userTarget ? mask(env[targetEnv(family.id)]!) : '(written by the embedded mock)',
      embeddedMock: !facts.userTarget,
      mockFaults: faults,
    };
    if (t.credential) environment.target.credential = t.credential;
    if (t.calibration) environment.target.calibration = { target: mask(t.calibration.target), date: t.calibration.date };
  }
  const scope: Scope = { profiles, versions, shards: facts.shard ? [facts.shard] : [] };
  if (grep) scope.grep = grep;
  return { environment, scope, redactor };
}
