// Loads an API family's OpenAPI document. The raw form keeps $refs (compact validators); the
// dereferenced form is for readers that want every schema inline (examples, parameters).
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

export type OpenApi = OpenAPIV3_1.Document;

export interface LoadedSpec {
  path: string;
  raw: OpenApi;
  dereferenced: OpenApi;
  sha256: string;
}

export async function loadSpec(path: string): Promise<LoadedSpec> {
  const text = readFileSync(path, 'utf8');
  const dereferenced = (await SwaggerParser.validate(path)) as OpenApi;
  const raw = (await SwaggerParser.parse(path)) as OpenApi;
  return { path, raw, dereferenced, sha256: createHash('sha256').update(text).digest('hex') };
}
