// Merges the reports of a sharded run (each shard's conformance.json) into the report of the whole
// run: per family, the tests of every shard, then the same buildConformanceModel() as an unsharded run,
// so the verdicts and statuses cannot differ from one.
import { buildConformanceModel, type ConformanceModel, type TestRecord } from './model.ts';
import { buildRunReport, type RunReport } from './run-report.ts';
import { familyById } from '../harness/family.ts';

export class MergeError extends Error {}

const RANK: Record<TestRecord['status'], number> = { failed: 3, passed: 2, skipped: 1, 'not run': 0 };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function mergeModels(models: { model: ConformanceModel; source: string }[], generatedAt = new Date().toISOString()): ConformanceModel {
  if (models.length === 0) throw new MergeError('nothing to merge');
  const [first] = models;
  const base = first.model;
  for (const { model, source } of models.slice(1)) {
    const differs = (what: string, a: unknown, b: unknown) => new MergeError(`${source} is from another run than ${first.source}: ${what} ${String(b)} vs ${String(a)}`);
    if (model.family.id !== base.family.id) throw differs('family', base.family.id, model.family.id);
    if (model.environment.specSha256 !== base.environment.specSha256) throw differs('spec', base.environment.specSha256, model.environment.specSha256);
    if (model.environment.catalogueSha256 !== base.environment.catalogueSha256) throw differs('catalogue', base.environment.catalogueSha256, model.environment.catalogueSha256);
    if (!same(model.scope.profiles, base.scope.profiles)) throw differs('profiles', base.scope.profiles, model.scope.profiles);
    if (!same(model.scope.versions, base.scope.versions)) throw differs('API versions', base.scope.versions, model.scope.versions);
    if ((model.scope.grep ?? '') !== (base.scope.grep ?? '')) throw differs('--grep', base.scope.grep, model.scope.grep);
    if (model.environment.target?.baseUrl !== base.environment.target?.baseUrl && !(model.environment.target?.embeddedMock && base.environment.target?.embeddedMock)) {
      throw differs('target', base.environment.target?.baseUrl, model.environment.target?.baseUrl);
    }
  }
  const tests = new Map<string, TestRecord>();
  for (const { model } of models) {
    for (const t of model.tests) {
      const had = tests.get(t.id);
      if (!had || RANK[t.status] > RANK[had.status]) tests.set(t.id, t);
    }
  }
  const shards = [...new Set(models.flatMap(({ model }) => model.scope.shards))].sort((a, b) => Number(a.split('/')[0]) - Number(b.split('/')[0]));
  const totals = new Set(shards.map((s) => s.split('/')[1]));
  if (totals.size > 1) throw new MergeError(`shards of different splits cannot be merged: ${shards.join(', ')}`);
  const environment = {
    ...base.environment,
    seeds: [...new Set(models.flatMap(({ model }) => model.environment.seeds))],
    command: base.environment.command.replace(/ --shard \S+/, ''),
    startedAt: models.map(({ model }) => model.environment.startedAt).sort()[0],
    durationMs: Math.max(...models.map(({ model }) => model.environment.durationMs)),
    errors: models.flatMap(({ model }) => model.environment.errors),
  };
  const scope = { ...base.scope, shards };
  return buildConformanceModel({ tests: [...tests.values()], environment, scope, generatedAt, family: familyById(base.family.id) });
}

/** The shards' reports merged: each family's models merged, in the order the families first appear.
 *  A shard may lack a family whose tests all fell into other shards. */
export function mergeReports(reports: { report: RunReport; source: string }[], generatedAt = new Date().toISOString()): RunReport {
  if (reports.length === 0) throw new MergeError('nothing to merge');
  const ids = [...new Set(reports.flatMap(({ report }) => report.families.map((m) => m.family.id)))];
  const families = ids.map((id) =>
    mergeModels(
      reports.flatMap(({ report, source }) => report.families.filter((m) => m.family.id === id).map((model) => ({ model, source }))),
      generatedAt,
    ),
  );
  return buildRunReport(families, generatedAt);
}

/** Shards named k/n that a merge of n shards lacks. */
export function missingShards(report: RunReport): string[] {
  const shards = report.families.flatMap((m) => m.scope.shards);
  const total = Number(shards[0]?.split('/')[1] ?? 0);
  const have = new Set(shards);
  return Array.from({ length: total }, (_, i) => `${i + 1}/${total}`).filter((s) => !have.has(s));
}
