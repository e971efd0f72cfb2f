// Where a candidate reads the documents' open points differently from a baseline: every point the
// baseline settled (strict, another reading, or a learned setting) on which the candidate's calibration
// came out otherwise (another outcome, or another learned value), unsettled included (a candidate that
// cannot show the baseline's behaviour is not shown to have it).
import type { Comparison, Difference } from '../reports/comparison.ts';
import type { CalibrationRecord } from './record.ts';
import type { CalibrationPoint } from './points.ts';

const SETTLED = new Set(['strict', 'other', 'learned']);

const same = (a: CalibrationPoint, b: CalibrationPoint | undefined) => !!b && a.outcome === b.outcome && JSON.stringify(a.learned) === JSON.stringify(b.learned);

export function comparePoints(baseline: CalibrationRecord, candidate: CalibrationRecord): Comparison {
  const theirs = new Map(candidate.points.map((p) => [p.id, p]));
  const settled = baseline.points.filter((p) => SETTLED.has(p.outcome));
  const differences: Difference[] = [];
  for (const b of settled) {
    const c = theirs.get(b.id);
    if (same(b, c)) continue;
    const side = (p: CalibrationPoint | undefined) => (p ? { outcome: p.outcome, reason: p.reason, learned: p.learned, evidence: p.evidence } : { outcome: 'unsettled' as const, reason: 'not calibrated' });
    differences.push({ id: b.id, statement: b.statement, operations: b.operations, baseline: side(b), candidate: side(c) });
  }
  const byOperation: Record<string, string[]> = {};
  for (const d of differences) for (const op of d.operations) (byOperation[op] ??= []).push(d.id);
  const named = (r: CalibrationRecord) => ({ ...r.target, calibratedAt: r.calibratedAt });
  return {
    family: baseline.family,
    baseline: named(baseline),
    candidate: named(candidate),
    compared: settled.length,
    notCompared: baseline.points.filter((p) => !SETTLED.has(p.outcome)).map((p) => p.id),
    differences,
    byOperation,
  };
}
