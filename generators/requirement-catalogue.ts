// Reads spec/<family>/requirements.yaml, checks it against spec/requirements.schema.json, and
// emits it as typed data, so the harness and the report import the catalogue instead of parsing it.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { compile } from 'json-schema-to-typescript';

export interface LoadedCatalogue {
  entries: Record<string, unknown>[];
  sha256: string;
}

export function loadCatalogue(yamlPath: string, schemaPath: string): LoadedCatalogue {
  const text = readFileSync(yamlPath, 'utf8');
  const entries = parse(text) as Record<string, unknown>[];
  const ajv = new Ajv2020.default({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (!validate(entries)) {
    const e = validate.errors![0];
    throw new Error(`${yamlPath}: entry ${e.instancePath} ${e.message}`);
  }
  return { entries, sha256: createHash('sha256').update(text).digest('hex') };
}

export async function catalogueModule(cat: LoadedCatalogue, schemaPath: string, banner: string): Promise<string> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const types = await compile(schema.$defs.requirement, 'Requirement', { bannerComment: '', format: false, additionalProperties: false });
  return [
    banner,
    types.trim(),
    '',
    `export const catalogueSha256 = ${JSON.stringify(cat.sha256)};`,
    `export const requirements: readonly Requirement[] = ${JSON.stringify(cat.entries, null, 2)};`,
    '',
  ].join('\n');
}
