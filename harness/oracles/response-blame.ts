// Which requirements a success answer that misses its documented schema violates. The catalogue says,
// per requirement, which answer fields it defines (`responseFields`); an error deep in the body blames
// the requirement of its most specific named field, so a missing keyVersion in an encrypt answer fails
// the encrypt-answer requirement, wherever the encrypt was made, and not the test that needed it.
import type { ErrorObject } from 'ajv';
import { operations } from '../../generated/skm/operations.ts';
import { requirements } from '../../generated/skm/requirements.ts';

// Summaries of their branches' errors, which name the field themselves.
const SUMMARIES = new Set(['anyOf', 'oneOf', 'if']);

function segments(e: ErrorObject): string[] {
  const path = e.instancePath.split('/').filter((s) => s !== '');
  const missing = (e.params as { missingProperty?: string }).missingProperty;
  return missing ? [...path, missing] : path;
}

export function blamedByResponse(operationId: string, errors: readonly ErrorObject[]): string[] | undefined {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) return undefined;
  const candidates = requirements.filter(
    (r) => r.responseFields && r.operations.includes(op.operation) && (!r.versions || r.versions.includes(op.version)),
  );
  const blamed = new Set<string>();
  for (const e of errors.filter((x) => !SUMMARIES.has(x.keyword))) {
    for (const field of segments(e).reverse()) {
      const defining = candidates.filter((r) => r.responseFields!.includes(field));
      if (defining.length === 0) continue;
      for (const r of defining) blamed.add(r.id);
      break;
    }
  }
  return blamed.size > 0 ? [...blamed].sort() : undefined;
}
