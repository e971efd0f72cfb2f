// Reads the family's spec files for the tests and tools of this folder. The core's generator does not
// know this family yet (families/ncp-kms/README.md, "Plugging in"); until it does, these readers stand in
// for the generated catalogue and operation list, and they check the catalogue against its schema.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

export const SPEC_FILE = new URL('./openapi.yaml', import.meta.url).pathname;
export const CATALOGUE_FILE = new URL('./requirements.yaml', import.meta.url).pathname;
export const CATALOGUE_SCHEMA_FILE = new URL('./requirements.schema.json', import.meta.url).pathname;

export type Level = 'MUST' | 'SHOULD' | 'MAY';

export interface Requirement {
  id: string;
  statement: string;
  level: Level;
  source: string;
  basis: 'doc' | 'example' | 'client' | 'inferred' | 'unknown';
  operations: string[];
  versions?: string[];
  profile: string;
  responseFields?: string[];
  ambiguity?: string;
}

export interface Catalogue {
  family: string;
  idPrefix: string;
  profiles: Record<string, { description: string; needs?: string[] }>;
  requirements: Requirement[];
}

export class CatalogueError extends Error {}

export function loadCatalogue(file = CATALOGUE_FILE): Catalogue {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const schema = JSON.parse(readFileSync(CATALOGUE_SCHEMA_FILE, 'utf8'));
  const validate = new Ajv2020.default({ allErrors: true }).compile(schema);
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new CatalogueError(`${file}: ${first?.instancePath} ${first?.message}`);
  }
  return data as Catalogue;
}

/** One operation of the spec: its operationId, logical operation, signature variant and path. */
export interface SpecOperation {
  operationId: string;
  operation: string;
  version: string;
  path: string;
  spelling?: string;
}

type Json = Record<string, unknown>;

export function readSpec(file = SPEC_FILE): Json {
  return parse(readFileSync(file, 'utf8')) as Json;
}

export function specOperations(spec: Json = readSpec()): SpecOperation[] {
  return Object.entries(spec.paths as Record<string, Json>).flatMap(([path, item]) => {
    const op = item.post as Json | undefined;
    if (!op) return [];
    const spelling = op['x-ncp-spelling'] as string | undefined;
    return [{
      operationId: op.operationId as string,
      operation: op['x-ncp-operation'] as string,
      version: op['x-ncp-version'] as string,
      path,
      ...(spelling ? { spelling } : {}),
    }];
  });
}
