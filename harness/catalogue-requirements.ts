// Ties tests to any family's requirement catalogue (the family-neutral form of harness/requirements.ts,
// which is SKM's): `requirement(...)` gives a test its annotations and tags, and an unknown id stops
// collection, so a typo can never leave a requirement silently untested.
import type { TestDetails } from './test-details.ts';

export interface CatalogueEntry {
  id: string;
  level: string;
  profile: string;
}

export interface RequirementCatalogue {
  family: string;
  requirements: readonly CatalogueEntry[];
}

/** The annotation type the report reads; SKM's harness/requirements.ts writes the same. */
export const CATALOGUE_REQUIREMENT_ANNOTATION = 'requirement';

export interface CatalogueRequirements {
  byId(id: string): CatalogueEntry;
  /** Annotations for the report; tags (profile and id) so `--grep @NCP-ENC-RT-001` selects tests. */
  requirement(...ids: string[]): TestDetails;
}

export function catalogueRequirements(catalogue: RequirementCatalogue): CatalogueRequirements {
  const entries = new Map(catalogue.requirements.map((r) => [r.id, r]));
  const byId = (id: string): CatalogueEntry => {
    const r = entries.get(id);
    if (!r) throw new Error(`unknown requirement id ${id} (not in the ${catalogue.family} catalogue)`);
    return r;
  };
  return {
    byId,
    requirement(...ids) {
      const tags = new Set([...ids.map((id) => `@${byId(id).profile}`), ...ids.map((id) => `@${id}`)]);
      return { annotation: ids.map((id) => ({ type: CATALOGUE_REQUIREMENT_ANNOTATION, description: id })), tag: [...tags] };
    },
  };
}

/** A --grep pattern selecting the tests tagged with any of these requirement ids (and no longer id). */
export function grepForCatalogueIds(ids: readonly string[]): string {
  return ids.map((id) => `@${id.replace(/[^A-Za-z0-9-]/g, '')}(?![\\w-])`).join('|');
}
