// Collects, from the raw spec, every JSON Schema a validator is generated for: the component
// schemas as one $defs document, and per operation its parameter set, request body and success
// response. Refs stay refs so the generated code stays small.
import type { OpenApi } from './spec-source.ts';
import { HTTP_METHODS } from './operation-catalogue.ts';

type Json = Record<string, unknown>;

export const DEFS_ID = 'spec';

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/components/schemas/', `${DEFS_ID}#/$defs/`);
    else out[k] = rewriteRefs(v);
  }
  return out;
}

function resolve(spec: OpenApi, node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Json)[part];
  return resolve(spec, target as Json);
}

/** The $defs document: every component schema, titled so generated types keep the spec's names. */
export function definitionsDocument(spec: OpenApi): Json {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, Json>;
  const defs: Json = {};
  for (const [name, schema] of Object.entries(schemas)) defs[name] = { title: name, ...(rewriteRefs(schema) as Json) };
  return { $id: DEFS_ID, $defs: defs };
}

export interface NamedSchema {
  name: string;
  schema: Json;
  /** Schema of query/path values, which arrive as strings and are coerced. */
  coerce: boolean;
}

const COMPONENT_REF = '#/components/schemas/';

/** The component schemas an error answer may take (its schema's $ref, or each branch of a oneOf). */
function errorShapes(spec: OpenApi, responses: Record<string, Json>, found: Set<string>): void {
  for (const [status, response] of Object.entries(responses)) {
    if (/^2/.test(status)) continue;
    const schema = (resolve(spec, response).content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
    for (const branch of schema ? [schema, ...((schema.oneOf ?? schema.anyOf ?? []) as Json[])] : []) {
      if (typeof branch.$ref === 'string' && branch.$ref.startsWith(COMPONENT_REF)) found.add(branch.$ref.slice(COMPONENT_REF.length));
    }
  }
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** Per operation: its parameters, request body and first success answer; and one validator per error
 *  shape, named after its component (ErrorEnvelope: `errorEnvelope`). */
export function operationSchemas(spec: OpenApi): NamedSchema[] {
  const out: NamedSchema[] = [];
  const errors = new Set<string>();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const id = op.operationId as string;
      const properties: Json = {};
      const required: string[] = [];
      for (const p of ((op.parameters ?? []) as Json[]).map((p) => resolve(spec, p))) {
        properties[p.name as string] = rewriteRefs(p.schema);
        if (p.required) required.push(p.name as string);
      }
      out.push({ name: `${id}_params`, schema: { type: 'object', properties, required }, coerce: true });
      const body = op.requestBody ? resolve(spec, op.requestBody as Json) : undefined;
      const bodySchema = (body?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
      if (bodySchema) out.push({ name: `${id}_request`, schema: rewriteRefs(bodySchema) as Json, coerce: false });
      const responses = op.responses as Record<string, Json>;
      const success = Object.keys(responses).find((status) => /^2/.test(status));
      if (!success) throw new Error(`operation ${id} documents no success answer`);
      const okSchema = (resolve(spec, responses[success]).content as Record<string, Json>)['application/json'].schema;
      out.push({ name: `${id}_response`, schema: rewriteRefs(okSchema) as Json, coerce: false });
      errorShapes(spec, responses, errors);
    }
  }
  for (const name of [...errors].sort()) out.push({ name: lowerFirst(name), schema: { $ref: `${DEFS_ID}#/$defs/${name}` }, coerce: false });
  return out;
}
