// The conformance model: what a run showed, per requirement, per certification profile and per
// operation × API version. Pure: built from the tests' records (collected from Playwright's events,
// or read back from shards' conformance.json) and the catalogue; every output is rendered from it.
import type { Requirement } from '../generated/skm/requirements.ts';
import { familyById, type FamilyData } from '../harness/family.ts';

/** The family a model judges when none is named: SKM, the first (the report's own tests build SKM models). */
export const DEFAULT_FAMILY = familyById('skm');
export type Profile = string;
export const LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type Level = (typeof LEVELS)[number];

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'not run';
export type RequirementStatus = 'passed' | 'failed' | 'not covered';
export type Verdict = 'certified' | 'failed' | 'not certified';
export type CellStatus = 'passed' | 'failed' | 'not covered' | 'not asked' | 'absent';

/** A failed test's evidence, parsed from its (already masked) failure message. */
export interface Failure {
  /** the whole message, ANSI codes removed */
  message: string;
  title: string;
  oracle?: string;
  expected?: string;
  received?: string;
  request?: string;
  response?: string;
  reproduce?: string;
  /** file:line where it was thrown, when known */
  location?: string;
  /** the requirements the failed check was about; absent: every requirement of the test */
  requirements?: string[];
}

/** One request and its response, masked, shortened for the report. */
export interface ExchangeSample {
  operationId?: string;
  method: string;
  url: string;
  requestBody?: string;
  status?: number;
  responseBody?: string;
  error?: string;
}

/** One test as the run saw it: the unit the model is computed from, and what shards carry. */
export interface TestRecord {
  /** Playwright's test id (stable across shards of one suite) */
  id: string;
  /** relative to the harness root (the Playwright config's folder) */
  file: string;
  line: number;
  /** describe titles then the test title */
  titlePath: string[];
  tags: string[];
  requirements: string[];
  /** the API versions it calls, preparation included, as it declares them (its variant annotations) */
  variants: string[];
  status: TestStatus;
  durationMs: number;
  skipReason?: string;
  failure?: Failure;
  /** annotations other than requirement and skip (seed, signature-scheme, ...) */
  notes: { type: string; description: string }[];
  /** operationId -> number of exchanges */
  operationCounts: Record<string, number>;
  exchangeCount: number;
  /** a few exchanges, as evidence (the first for a pass; the last ones for a failure) */
  exchanges: ExchangeSample[];
}

export interface Scope {
  profiles: Profile[];
  versions: string[];
  /** the test selection the user asked for, if any */
  grep?: string;
  /** shards merged into this report (k/n), or the one shard this report is */
  shards: string[];
}

export interface Environment {
  target?: {
    name: string;
    baseUrl: string;
    /** the variants the profile declares (SKM: API versions; NCP: signature versions) */
    variants: string[];
    /** the credential that names the caller (SKM appkey, NCP access key, KSig1 API key), masked */
    credential?: string;
    /** where the profile's expectations came from, when `kms-conformance calibrate` pinned them */
    calibration?: { target: string; date: string };
    profilePath: string;
    embeddedMock: boolean;
    mockFaults: string[];
  };
  harness: { name: string; version: string };
  playwright: string;
  node: string;
  specSha256: string;
  catalogueSha256: string;
  /** fast-check seed(s) of the run */
  seeds: string[];
  runs?: number;
  /** the command that repeats this run */
  command: string;
  startedAt: string;
  durationMs: number;
  workers: number;
  /** errors outside tests (global setup, worker crashes) */
  errors: string[];
}

export interface RequirementResult {
  id: string;
  statement: string;
  level: Level;
  source: string;
  basis: string;
  operations: string[];
  versions?: string[];
  profile: Profile;
  ambiguity?: string;
  /** false when its profile was not asked for or none of its API versions was */
  inScope: boolean;
  status: RequirementStatus;
  /** failed: the failures' titles; not covered: why; passed: skipped tests' reasons, if any */
  reasons: string[];
  /** ids of its tests in scope */
  tests: string[];
  testCounts: { passed: number; failed: number; skipped: number; notRun: number };
}

export interface ProfileResult {
  profile: Profile;
  verdict: Verdict;
  /** why, one line each */
  reasons: string[];
  /** SHOULD and MAY failures: shown, never a verdict change */
  warnings: string[];
  failed: string[];
  /** MUSTs that could not run, grouped by why */
  notCovered: { reason: string; requirements: string[] }[];
  counts: Record<Level, { total: number; passed: number; failed: number; notCovered: number }>;
}

export interface MatrixCell {
  version: string;
  status: CellStatus;
  passed: number;
  failed: number;
  requirements: string[];
}

export interface ConformanceModel {
  generatedAt: string;
  /** the API family judged: its id and its spec's title */
  family: { id: string; title: string };
  environment: Environment;
  scope: Scope;
  /** every asked profile certified, or the worst verdict among them */
  verdict: Verdict;
  profiles: ProfileResult[];
  matrix: { versions: string[]; rows: { operation: string; cells: MatrixCell[] }[] };
  requirements: RequirementResult[];
  tests: TestRecord[];
  summary: {
    tests: { total: number; passed: number; failed: number; skipped: number; notRun: number };
    requirements: { inScope: number; passed: number; failed: number; notCovered: number };
  };
}

export interface OperationInfo {
  operationId: string;
  operation: string;
  version: string;
}

export interface ModelInput {
  tests: TestRecord[];
  environment: Environment;
  scope: Scope;
  generatedAt: string;
  /** the API family whose catalogue judges the tests (default: SKM) */
  family?: FamilyData;
  catalogue?: readonly Requirement[];
  operations?: readonly OperationInfo[];
  versions?: readonly string[];
}


/** Whether a test belongs to the API versions asked: every version it calls was asked, as the CLI
 *  selects (cli/selection.ts). A run without --versions asks for every version the target declares. */
export function inVersionScope(t: TestRecord, versions: readonly string[]): boolean {
  return t.variants.every((v) => versions.includes(v));
}

/** API versions a requirement applies to: its `versions`, else every version with one of its operations. */
export function requirementVersions(r: Requirement, ops: readonly OperationInfo[]): string[] {
  if (r.versions) return [...r.versions];
  return [...new Set(ops.filter((o) => r.operations.includes(o.operation)).map((o) => o.version))];
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
const unique = <T>(xs: T[]) => [...new Set(xs)];

function selectionReason(scope: Scope): string {
  const parts: string[] = [];
  if (scope.grep) parts.push(`--grep ${scope.grep}`);
  if (scope.shards.length === 1) parts.push(`shard ${scope.shards[0]}; merge the shards for the whole run`);
  return parts.length > 0 ? `no test in this run checks it (${parts.join('; ')})` : 'no test in this run checks it';
}

/** Whether a failed test blames this requirement: not when its failure names other requirements. */
export function blames(t: TestRecord, requirementId: string): boolean {
  if (t.status !== 'failed') return false;
  return !t.failure?.requirements || t.failure.requirements.includes(requirementId);
}

/** Why a failed test that does not blame this requirement leaves it unjudged. */
function unjudgedReason(t: TestRecord): string {
  return `its test stopped at a failure of ${t.failure?.requirements?.join(', ')}`;
}

function requirementResult(r: Requirement, inScope: boolean, tests: TestRecord[], scope: Scope): RequirementResult {
  const counts = { passed: 0, failed: 0, skipped: 0, notRun: 0 };
  for (const t of tests) counts[t.status === 'not run' ? 'notRun' : t.status]++;
  const skipReasons = unique(tests.filter((t) => t.status === 'skipped').map((t) => t.skipReason ?? 'skipped (no reason given)'));
  if (tests.some((t) => t.status === 'not run')) skipReasons.push('not run (the run stopped before it)');
  const blaming = tests.filter((t) => blames(t, r.id));
  const unjudged = tests.filter((t) => t.status === 'failed' && !blames(t, r.id));
  let status: RequirementStatus;
  let reasons: string[];
  if (blaming.length > 0) {
    status = 'failed';
    reasons = unique(blaming.map((t) => t.failure?.title ?? 'failed'));
  } else if (unjudged.length > 0) {
    // Never "passed" on a run in which one of its tests could not judge it.
    status = 'not covered';
    reasons = unique([...unjudged.map(unjudgedReason), ...skipReasons]);
  } else if (counts.passed > 0) {
    status = 'passed';
    reasons = skipReasons;
  } else {
    status = 'not covered';
    reasons = tests.length === 0 ? [selectionReason(scope)] : skipReasons;
  }
  const result: RequirementResult = {
    id: r.id,
    statement: r.statement,
    level: r.level,
    source: r.source,
    basis: r.basis,
    operations: [...r.operations],
    profile: r.profile,
    inScope,
    status,
    reasons,
    tests: tests.map((t) => t.id),
    testCounts: counts,
  };
  if (r.versions) result.versions = [...r.versions];
  if (r.ambiguity) result.ambiguity = r.ambiguity;
  return result;
}

function profileResult(profile: Profile, reqs: RequirementResult[], scope: Scope): ProfileResult {
  const mine = reqs.filter((r) => r.inScope && r.profile === profile);
  const counts = Object.fromEntries(
    LEVELS.map((level) => {
      const of = mine.filter((r) => r.level === level);
      return [level, { total: of.length, passed: of.filter((r) => r.status === 'passed').length, failed: of.filter((r) => r.status === 'failed').length, notCovered: of.filter((r) => r.status === 'not covered').length }];
    }),
  ) as ProfileResult['counts'];
  const musts = mine.filter((r) => r.level === 'MUST');
  const failed = musts.filter((r) => r.status === 'failed');
  const byReason = new Map<string, string[]>();
  for (const r of musts.filter((m) => m.status === 'not covered')) {
    for (const reason of r.reasons.length > 0 ? r.reasons : ['unknown']) byReason.set(reason, [...(byReason.get(reason) ?? []), r.id]);
  }
  const notCovered = [...byReason].map(([reason, requirements]) => ({ reason, requirements })).sort((a, b) => b.requirements.length - a.requirements.length);
  const reasons: string[] = failed.map((r) => `${r.id} failed: ${r.reasons.join('; ')}`);
  for (const g of notCovered) reasons.push(`${g.requirements.length} MUST could not run (${g.reason}): ${g.requirements.join(', ')}`);
  let verdict: Verdict;
  if (musts.length === 0) {
    verdict = 'not certified';
    reasons.push(`no MUST requirement of this profile applies to API versions ${scope.versions.join(', ')}`);
  } else if (failed.length > 0) verdict = 'failed';
  else if (notCovered.length > 0) verdict = 'not certified';
  else verdict = 'certified';
  const warnings = mine.filter((r) => r.level !== 'MUST' && r.status === 'failed').map((r) => `${r.level} ${r.id} failed: ${r.reasons.join('; ')}`);
  return { profile, verdict, reasons, warnings, failed: failed.map((r) => r.id), notCovered, counts };
}

function matrixOf(tests: TestRecord[], catalogue: ReadonlyMap<string, Requirement>, ops: readonly OperationInfo[], versions: readonly string[], scope: Scope): ConformanceModel['matrix'] {
  const byId = new Map(ops.map((o) => [o.operationId, o]));
  const cells = new Map<string, { passed: Set<string>; failed: Set<string>; requirements: Set<string> }>();
  const cell = (operation: string, version: string) => {
    const key = `${operation} ${version}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { passed: new Set(), failed: new Set(), requirements: new Set() }));
    return c;
  };
  for (const t of tests) {
    if (t.status !== 'passed' && t.status !== 'failed') continue;
    const checked = new Set(t.requirements.flatMap((id) => catalogue.get(id)?.operations ?? []));
    for (const operationId of Object.keys(t.operationCounts)) {
      const op = byId.get(operationId);
      if (!op || !checked.has(op.operation)) continue;
      const c = cell(op.operation, op.version);
      c[t.status].add(t.id);
      for (const id of t.requirements) if (catalogue.get(id)?.operations.includes(op.operation)) c.requirements.add(id);
    }
  }
  const operations = unique(ops.map((o) => o.operation));
  const rows = operations.map((operation) => ({
    operation,
    cells: versions.map((version): MatrixCell => {
      const exists = ops.some((o) => o.operation === operation && o.version === version);
      const c = cells.get(`${operation} ${version}`);
      let status: CellStatus;
      if (!exists) status = 'absent';
      else if (!scope.versions.includes(version)) status = 'not asked';
      else if (c && c.failed.size > 0) status = 'failed';
      else if (c && c.passed.size > 0) status = 'passed';
      else status = 'not covered';
      return { version, status, passed: c?.passed.size ?? 0, failed: c?.failed.size ?? 0, requirements: [...(c?.requirements ?? [])].sort() };
    }),
  }));
  return { versions: [...versions], rows };
}

export function worst(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('failed')) return 'failed';
  if (verdicts.length === 0 || verdicts.includes('not certified')) return 'not certified';
  return 'certified';
}

export function compareTests(a: TestRecord, b: TestRecord): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.titlePath.join(' › ').localeCompare(b.titlePath.join(' › ')) || a.id.localeCompare(b.id);
}

export function buildConformanceModel(input: ModelInput): ConformanceModel {
  const family = input.family ?? DEFAULT_FAMILY;
  const catalogue = input.catalogue ?? family.requirements;
  const ops = input.operations ?? family.operations;
  const versions = input.versions ?? family.variants;
  const scope = input.scope;
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  const tests = [...input.tests].sort(compareTests);
  const inScopeTests = tests.filter((t) => inVersionScope(t, scope.versions));
  const testsOf = new Map<string, TestRecord[]>();
  for (const t of inScopeTests) for (const id of unique(t.requirements)) testsOf.set(id, [...(testsOf.get(id) ?? []), t]);
  const requirements = catalogue.map((r) => {
    const inScope = scope.profiles.includes(r.profile) && intersects(requirementVersions(r, ops), scope.versions);
    return requirementResult(r, inScope, testsOf.get(r.id) ?? [], scope);
  });
  const profiles = scope.profiles.map((p) => profileResult(p, requirements, scope));
  const inScope = requirements.filter((r) => r.inScope);
  const count = (s: TestStatus) => tests.filter((t) => t.status === s).length;
  return {
    generatedAt: input.generatedAt,
    family: { id: family.id, title: family.title },
    environment: input.environment,
    scope,
    verdict: worst(profiles.map((p) => p.verdict)),
    profiles,
    matrix: matrixOf(inScopeTests, byId, ops, versions, scope),
    requirements,
    tests,
    summary: {
      tests: { total: tests.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), notRun: count('not run') },
      requirements: {
        inScope: inScope.length,
        passed: inScope.filter((r) => r.status === 'passed').length,
        failed: inScope.filter((r) => r.status === 'failed').length,
        notCovered: inScope.filter((r) => r.status === 'not covered').length,
      },
    },
  };
}

/** One line per asked profile, for the console. */
export function verdictLines(model: ConformanceModel): string[] {
  const width = Math.max(...model.profiles.map((p) => p.profile.length));
  return model.profiles.map((p) => {
    const must = p.counts.MUST;
    let detail: string;
    if (p.verdict === 'certified') detail = `${must.passed}/${must.total} MUST passed`;
    else if (p.verdict === 'failed') detail = `${p.failed.length} MUST failed: ${p.failed.slice(0, 5).join(', ')}${p.failed.length > 5 ? ', …' : ''}`;
    else if (p.notCovered.length > 0) {
      const n = p.notCovered.reduce((s, g) => s + g.requirements.length, 0);
      const more = p.notCovered.length > 1 ? `, and ${p.notCovered.length - 1} other reason${p.notCovered.length > 2 ? 's' : ''}` : '';
      detail = `${n} MUST could not run (${p.notCovered[0].reason}${more})`;
    } else detail = p.reasons[0] ?? '';
    const warn = p.warnings.length > 0 ? ` (${p.warnings.length} SHOULD/MAY warning${p.warnings.length > 1 ? 's' : ''})` : '';
    return `${p.profile.padEnd(width)}  ${p.verdict}: ${detail}${warn}`;
  });
}
