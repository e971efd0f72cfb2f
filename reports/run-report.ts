// The report of one conformance run: the model of each API family that ran (reports/model.ts) and the
// verdict over all of them. index.html, conformance.json and junit.xml are rendered from it.
import { worst, type ConformanceModel, type Verdict } from './model.ts';
import type { Comparison } from './comparison.ts';

export const SCHEMA_VERSION = 2;

export interface RunReport {
  schemaVersion: typeof SCHEMA_VERSION;
  generatedAt: string;
  /** certified when every family that ran is certified, else the worst family verdict */
  verdict: Verdict;
  /** in the registry's order (families/registry.ts) */
  families: ConformanceModel[];
  /** `kms-conformance compare`: where this run's target (the candidate) differs from a baseline */
  comparison?: Comparison;
}

export function buildRunReport(families: ConformanceModel[], generatedAt: string): RunReport {
  return { schemaVersion: SCHEMA_VERSION, generatedAt, verdict: worst(families.map((f) => f.verdict)), families };
}

/** The model of one family in a report, if that family ran. */
export function familyModel(report: RunReport, id: string): ConformanceModel | undefined {
  return report.families.find((f) => f.family.id === id);
}
