// Reads families/<id>/spec/requirements.yaml, checks it against spec/requirements.schema.json and
// against the family's spec (id prefix, declared profiles, operations and variants that exist), and
// emits it as typed data, so the harness and the report import the catalogue instead of parsing it.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { compile } from 'json-schema-to-typescript';
import type { OperationRecord } from './operation-catalogue.ts';

interface Entry {
  id: string;
  profile: string;
  operations: string[];
  versions?: string[];
}

export interface LoadedCatalogue {
  family: string;
  idPrefix: string;
  profiles: Record<string, unknown>;
  entries: Entry[];
  sha256: string;
}

export function loadCatalogue(yamlPath: string, schemaPath: string): LoadedCatalogue {
  const text = readFileSync(yamlPath, 'utf8');
  const data = parse(text) as Omit<LoadedCatalogue, 'sha256' | 'entries'> & { requirements: Entry[] };
  const ajv = new Ajv2020.default({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(data)) {
    const e = validate.errors![0];
    throw new Error(`${yamlPath}: ${e.instancePath || '/'} ${e.message}`);
  }
  const { family, idPrefix, profiles, requirements } = data;
  return { family, idPrefix, profiles, entries: requirements, sha256: createHash('sha256').update(text).digest('hex') };
}

/** What the schema cannot say: each entry agrees with the catalogue's declarations and the spec. */
export function checkAgainstSpec(cat: LoadedCatalogue, ops: readonly OperationRecord[], where: string): void {
  const operations = new Set(ops.map((o) => o.operation));
  const variants = new Set(ops.map((o) => o.version));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const r of cat.entries) {
    if (!r.id.startsWith(`${cat.idPrefix}-`)) problems.push(`${r.id} does not start with ${cat.idPrefix}-`);
    if (seen.has(r.id)) problems.push(`${r.id} appears twice`);
    seen.add(r.id);
    if (!(r.profile in cat.profiles)) problems.push(`${r.id}: profile ${r.profile} is not declared`);
    for (const op of r.operations) if (!operations.has(op)) problems.push(`${r.id}: no operation ${op} in the spec`);
    for (const v of r.versions ?? []) if (!variants.has(v)) problems.push(`${r.id}: no variant ${v} in the spec`);
  }
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
}

export async function catalogueModule(cat: LoadedCatalogue, schemaPath: string, banner: string): Promise<string> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const options = { bannerComment: '', format: false, additionalProperties: false } as const;
  const types = await compile(schema.$defs.requirement, 'Requirement', options);
  const profileType = await compile(schema.$defs.profile, 'CertificationProfile', options);
  const names = Object.keys(cat.profiles);
  return [
    banner,
    types.trim(),
    profileType.trim(),
    '',
    `export const family = ${JSON.stringify(cat.family)};`,
    `export const idPrefix = ${JSON.stringify(cat.idPrefix)};`,
    `export const profileNames = ${JSON.stringify(names)} as const;`,
    `export const profiles: Readonly<Record<(typeof profileNames)[number], CertificationProfile>> = ${JSON.stringify(cat.profiles, null, 2)};`,
    `export const catalogueSha256 = ${JSON.stringify(cat.sha256)};`,
    `export const requirements: readonly Requirement[] = ${JSON.stringify(cat.entries, null, 2)};`,
    '',
  ].join('\n');
}
