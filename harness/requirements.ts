// Ties tests to the requirement catalogue: `requirement(...)` gives a test its annotations, and an
// unknown id stops collection, so a typo can never leave a requirement silently untested.
import { requirements, type Requirement } from '../generated/skm/requirements.ts';
import type { TestDetails } from './test-details.ts';

const byId = new Map(requirements.map((r) => [r.id, r]));

export function requirementById(id: string): Requirement {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown requirement id ${id} (not in families/skm/spec/requirements.yaml)`);
  return r;
}

export const REQUIREMENT_ANNOTATION = 'requirement';

/** Annotations for the report; tags (profile and id) so `--grep @core` or `--grep @SKM-SYM-ENC-003` select tests. */
export function requirement(...ids: string[]): TestDetails {
  const tags = new Set<string>();
  for (const id of ids) tags.add(`@${requirementById(id).profile}`);
  for (const id of ids) tags.add(`@${id}`);
  return { annotation: ids.map((id) => ({ type: REQUIREMENT_ANNOTATION, description: id })), tag: [...tags] };
}

/** A --grep pattern selecting the tests of any of these requirements. */
export function grepForRequirements(ids: readonly string[]): string {
  return ids.map((id) => `@${id.replace(/[^A-Z0-9-]/g, '')}(?![\\w-])`).join('|');
}
