// Ties tests to the requirement catalogue: `requirement(...)` gives a test its annotations, and an
// unknown id stops collection, so a typo can never leave a requirement silently untested.
import { requirements, type Requirement } from '../generated/skm/requirements.ts';

const byId = new Map(requirements.map((r) => [r.id, r]));

export function requirementById(id: string): Requirement {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown requirement id ${id} (not in spec/skm/requirements.yaml)`);
  return r;
}

export const REQUIREMENT_ANNOTATION = 'requirement';

export function requirement(...ids: string[]): { annotation: { type: string; description: string }[]; tag: string[] } {
  const tags = new Set<string>();
  for (const id of ids) tags.add(`@${requirementById(id).profile}`);
  return { annotation: ids.map((id) => ({ type: REQUIREMENT_ANNOTATION, description: id })), tag: [...tags] };
}
