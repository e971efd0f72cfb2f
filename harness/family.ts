// The registered API families as data: each one's spec (operations, variants, title) and requirement
// catalogue (profiles, requirements), from generated/families.ts. The report and the CLI read a family
// from here, so a new family needs no edit in either.
import { generatedFamilies } from '../generated/families.ts';
import type { OperationRecord } from '../generators/operation-catalogue.ts';
import type { CertificationProfile, Requirement } from '../generated/skm/requirements.ts';

export interface FamilyData {
  id: string;
  /** the spec's title: what the report calls the family */
  title: string;
  idPrefix: string;
  profiles: Readonly<Record<string, CertificationProfile>>;
  profileNames: readonly string[];
  requirements: readonly Requirement[];
  operations: readonly OperationRecord[];
  /** the spec's variants (SKM: API versions), in the spec's order */
  variants: readonly string[];
  specSha256: string;
  catalogueSha256: string;
}

export const FAMILIES: readonly FamilyData[] = generatedFamilies.map(({ catalogue, spec }) => ({
  id: catalogue.family,
  title: spec.title,
  idPrefix: catalogue.idPrefix,
  profiles: catalogue.profiles,
  profileNames: catalogue.profileNames,
  requirements: catalogue.requirements as readonly Requirement[],
  operations: spec.operations,
  variants: spec.apiVersions,
  specSha256: spec.specSha256,
  catalogueSha256: catalogue.catalogueSha256,
}));

export function familyById(id: string): FamilyData {
  const family = FAMILIES.find((f) => f.id === id);
  if (!family) throw new Error(`unknown API family ${id} (known: ${FAMILIES.map((f) => f.id).join(', ')})`);
  return family;
}
