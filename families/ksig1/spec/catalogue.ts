// The family's spec files as data, for this folder's mock and tests: the catalogue as generated
// (npm run generate checks it), the spec and the target schema as written.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { family, idPrefix, profiles, requirements } from '../../../generated/ksig1/requirements.ts';

const here = (name: string) => new URL(`./${name}`, import.meta.url).pathname;

export const SPEC_FILE = here('openapi.yaml');
export const CATALOGUE_FILE = here('requirements.yaml');
export const TARGET_SCHEMA_FILE = here('target.schema.json');

export type { Requirement } from '../../../generated/ksig1/requirements.ts';

/** A validator for one of this folder's JSON schemas. */
export function schemaValidator(file: string) {
  return new Ajv2020.default({ allErrors: true }).compile(JSON.parse(readFileSync(file, 'utf8')));
}

/** The catalogue as the generator checked it (schema, id prefix, declared profiles, spec operations). */
export function loadCatalogue() {
  return { family, idPrefix, profiles, requirements };
}

export type Catalogue = ReturnType<typeof loadCatalogue>;

export function readSpec(): Record<string, unknown> {
  return parse(readFileSync(SPEC_FILE, 'utf8')) as Record<string, unknown>;
}
