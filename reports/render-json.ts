// conformance.json: the model as it is, shaped by reports/conformance.schema.json (schemaVersion 1).
import type { ConformanceModel } from './model.ts';

export function renderJson(model: ConformanceModel): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

/** Reads a conformance.json back (for merging shards); refuses another schema version. */
export function parseModelJson(text: string, source: string): ConformanceModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message})`, { cause: e });
  }
  const v = (doc as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (v !== 1) throw new Error(`${source}: schemaVersion ${String(v)} is not 1`);
  return doc as ConformanceModel;
}
