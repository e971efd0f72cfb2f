// conformance.json: the run report as it is, shaped by reports/conformance.schema.json (schemaVersion 2).
import { SCHEMA_VERSION, type RunReport } from './run-report.ts';

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 1)}\n`;
}

/** Reads a conformance.json back (for merging shards); refuses another schema version. */
export function parseReportJson(text: string, source: string): RunReport {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const v = (doc as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (v !== SCHEMA_VERSION) throw new Error(`${source}: schemaVersion ${String(v)} is not ${SCHEMA_VERSION}`);
  return doc as RunReport;
}
