// The family's spec and catalogue as data for the tests and tools of this folder: the catalogue as
// generated (npm run generate checks it), the spec's raw operations for checks on the spec itself.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { family, idPrefix, profiles, requirements } from '../../../generated/ncp-kms/requirements.ts';

export const SPEC_FILE = new URL('./openapi.yaml', import.meta.url).pathname;
export const CATALOGUE_FILE = new URL('./requirements.yaml', import.meta.url).pathname;

export type Level = 'MUST' | 'SHOULD' | 'MAY';

export type { Requirement } from '../../../generated/ncp-kms/requirements.ts';

/** The catalogue as the generator checked it (schema, id prefix, declared profiles, spec operations). */
export function loadCatalogue() {
  return { family, idPrefix, profiles, requirements };
}

export type Catalogue = ReturnType<typeof loadCatalogue>;

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
      operation: op['x-operation'] as string,
      version: op['x-variant'] as string,
      path,
      ...(spelling ? { spelling } : {}),
    }];
  });
}
