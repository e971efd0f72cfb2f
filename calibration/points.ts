// What calibration learns about one open point of a family's catalogue (a requirement with an
// `ambiguity`), and the evidence for it. Pure: decided from the reports of a lenient run and of runs
// that pin the points to their strict reading (expectations.strict).
import { blames, type ConformanceModel, type RequirementResult, type TestRecord } from '../reports/model.ts';
import { PIN_APPLIED } from '../harness/pinned-ids.ts';
import { LEARNED } from '../harness/oracles/observed.ts';
import type { Evidence, Outcome } from '../reports/comparison.ts';

export type { Evidence, Outcome } from '../reports/comparison.ts';

export interface CalibrationPoint {
  id: string;
  statement: string;
  operations: string[];
  outcome: Outcome;
  /** why, for every outcome but strict and learned */
  reason?: string;
  /** learned: profile path -> the value the run found (harness/oracles/observed.ts `learned`) */
  learned?: Record<string, unknown>;
  evidence?: Evidence;
}

const STOPPED = 'its test stopped at a failure of';

/** A run's reason, without the selection that made it (the long --grep of every open point). */
function reasonOf(r: RequirementResult): string {
  return r.reasons.map((x) => (x.startsWith('no test in this run checks it') ? 'no test of the suites checks it' : x)).join('; ') || 'no test ran';
}

function exchangeLines(x: TestRecord['exchanges'][number] | undefined): { request?: string; response?: string } {
  if (!x) return {};
  const request = `${x.method} ${x.url}${x.requestBody !== undefined ? ` ${x.requestBody}` : ''}`;
  const response = x.error ? `(no response) ${x.error}` : `HTTP ${x.status}${x.responseBody !== undefined ? ` ${x.responseBody}` : ''}`;
  return { request, response };
}

/** A failure's own exchange where it names one, else the test's last exchange; a pass's first. */
function evidenceOf(t: TestRecord, at: string): Evidence {
  const test = t.titlePath.join(' › ');
  if (!t.failure) return { test, ...exchangeLines(t.exchanges[0]), at };
  const own = t.failure.request ? { request: t.failure.request, response: t.failure.response } : exchangeLines(t.exchanges.at(-1));
  return { test, ...own, failure: t.failure.title, at };
}

function testsOf(model: ConformanceModel, r: RequirementResult): TestRecord[] {
  const ids = new Set(r.tests);
  return model.tests.filter((t) => ids.has(t.id));
}

/** The points the lenient run settles on its own (contradicts, unsettled), and the ids left to pin. */
export function afterLenient(ids: readonly string[], lenient: ConformanceModel): { points: CalibrationPoint[]; toPin: string[] } {
  const points: CalibrationPoint[] = [];
  const toPin: string[] = [];
  const at = lenient.environment.startedAt;
  for (const id of ids) {
    const r = lenient.requirements.find((x) => x.id === id)!;
    const base = { id, statement: r.statement, operations: r.operations };
    if (r.status === 'passed') toPin.push(id);
    else if (r.status === 'failed') {
      const failing = testsOf(lenient, r).find((t) => blames(t, id));
      points.push({ ...base, outcome: 'contradicts', reason: `fails even the lenient check: ${r.reasons.join('; ')}`, evidence: failing && evidenceOf(failing, at) });
    } else points.push({ ...base, outcome: 'unsettled', reason: reasonOf(r) });
  }
  return { points, toPin };
}

/** What one run with `pinned` strict settles; the ids whose tests stopped at another pinned point go again. */
export function afterStrict(pinned: readonly string[], strict: ConformanceModel): { points: CalibrationPoint[]; again: string[] } {
  const points: CalibrationPoint[] = [];
  const again: string[] = [];
  const at = strict.environment.startedAt;
  for (const id of pinned) {
    const r = strict.requirements.find((x) => x.id === id)!;
    const base = { id, statement: r.statement, operations: r.operations };
    const tests = testsOf(strict, r);
    if (r.status === 'failed') {
      const failing = tests.find((t) => blames(t, id))!;
      points.push({ ...base, outcome: 'other', reason: `the strict reading does not hold: ${r.reasons.join('; ')}`, evidence: evidenceOf(failing, at) });
    } else if (r.status === 'passed') {
      const read = tests.find((t) => t.status === 'passed' && t.notes.some((n) => n.type === PIN_APPLIED && n.description === id));
      if (read) points.push({ ...base, outcome: 'strict', evidence: evidenceOf(read, at) });
      else points.push({ ...base, outcome: 'unsettled', reason: 'no check reads its pin (expectations.strict): the point cannot be observed this way' });
    } else if (r.reasons.some((x) => x.startsWith(STOPPED))) again.push(id);
    else points.push({ ...base, outcome: 'unsettled', reason: reasonOf(r) });
  }
  return { points, again };
}

/** The settings the lenient run found where the profile left them open, per requirement: the value of
 *  each path as the passed tests noted it. A path whose tests disagree is not learned. */
export function learnedSettings(lenient: ConformanceModel): Map<string, { learned: Record<string, unknown>; evidence: Evidence }> {
  const seen = new Map<string, { requirement: string; values: Set<string>; test: TestRecord }>();
  for (const t of lenient.tests.filter((x) => x.status === 'passed')) {
    for (const n of t.notes.filter((x) => x.type === LEARNED)) {
      const { requirement, path, value } = JSON.parse(n.description) as { requirement: string; path: string; value: unknown };
      const entry = seen.get(path) ?? { requirement, values: new Set<string>(), test: t };
      entry.values.add(JSON.stringify(value));
      seen.set(path, entry);
    }
  }
  const out = new Map<string, { learned: Record<string, unknown>; evidence: Evidence }>();
  for (const [path, { requirement, values, test }] of seen) {
    if (values.size !== 1) continue;
    const entry = out.get(requirement) ?? { learned: {}, evidence: evidenceOf(test, lenient.environment.startedAt) };
    entry.learned[path] = JSON.parse([...values][0]);
    out.set(requirement, entry);
  }
  return out;
}
