// The family's spec files as data, for this folder's mock and tests, until the core's generator knows
// the family (README.md, "Plugging in"). The catalogue is checked against its schema when read.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;

export const SPEC_FILE = here('openapi.yaml');
export const CATALOGUE_FILE = here('requirements.yaml');
export const TARGET_SCHEMA_FILE = here('target.schema.json');

export interface Requirement {
  id: string;
  statement: string;
  level: 'MUST' | 'SHOULD' | 'MAY';
  source: string;
  basis: 'doc' | 'example' | 'client' | 'inferred' | 'unknown';
  operations: string[];
  profile: string;
  ambiguity?: string;
}

export interface Catalogue {
  family: 'ksig1';
  idPrefix: 'KSIG';
  profiles: Record<string, { description: string; needs?: string[] }>;
  requirements: Requirement[];
}

export class CatalogueError extends Error {}

/** A validator for one of this folder's JSON schemas. */
export function schemaValidator(file: string) {
  return new Ajv2020.default({ allErrors: true }).compile(JSON.parse(readFileSync(file, 'utf8')));
}

let cached: Catalogue | undefined;

/** Read and checked once per process: the catalogue does not change while mocks start and stop. */
export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const data: unknown = parse(readFileSync(CATALOGUE_FILE, 'utf8'));
  const validate = schemaValidator(here('requirements.schema.json'));
  if (!validate(data)) {
    const first = validate.errors?.[0];
    throw new CatalogueError(`${CATALOGUE_FILE}: ${first?.instancePath} ${first?.message}`);
  }
  cached = data as Catalogue;
  return cached;
}

export function readSpec(): Record<string, unknown> {
  return parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>;
}
