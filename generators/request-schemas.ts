// Every operation's request body and parameter schemas, dereferenced, as data: what the input
// arbitraries are built from (generators/arbitraries.ts), so generated inputs follow the spec.
import type { OpenApi } from './spec-source.ts';
import { HTTP_METHODS } from './operation-catalogue.ts';

type Json = Record<string, unknown>;

export function requestSchemasModule(spec: OpenApi, banner: string): string {
  const out: Record<string, { body?: unknown; params: Json }> = {};
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const properties: Json = {};
      const required: string[] = [];
      for (const p of (op.parameters ?? []) as Json[]) {
        properties[p.name as string] = p.schema;
        if (p.required) required.push(p.name as string);
      }
      const body = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
      out[op.operationId as string] = { ...(body ? { body } : {}), params: { type: 'object', properties, required } };
    }
  }
  return `${banner}\n\nexport const requestSchemas: Record<string, { body?: unknown; params: Record<string, unknown> }> = ${JSON.stringify(out, null, 1)};\n`;
}
