// Turns the spec's operations into the operation catalogue: one plain record per operationId, the
// shape every other part (mock routes, client, report matrix) reads instead of the spec.
import type { OpenApi } from './spec-source.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface FieldLimit {
  maxLength?: number;
  maxBytes?: number;
}

export interface OperationRecord {
  operationId: string;
  operation: string;
  version: string;
  method: string;
  path: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean }[];
  security: string[][];
  hasRequestBody: boolean;
  limits: Record<string, FieldLimit>;
  validators: { params: string; request?: string; response: string };
}

type Json = Record<string, unknown>;

function bodySchema(op: Json): Json | undefined {
  const body = op.requestBody as Json | undefined;
  const content = body?.content as Record<string, Json> | undefined;
  return content?.['application/json']?.schema as Json | undefined;
}

function limitsOf(schema: Json | undefined): Record<string, FieldLimit> {
  const limits: Record<string, FieldLimit> = {};
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  for (const [name, prop] of Object.entries(props)) {
    const limit: FieldLimit = {};
    if (typeof prop.maxLength === 'number') limit.maxLength = prop.maxLength;
    if (typeof prop['x-max-bytes'] === 'number') limit.maxBytes = prop['x-max-bytes'];
    if (Object.keys(limit).length > 0) limits[name] = limit;
  }
  return limits;
}

function required(op: Json, extension: string, operationId: string): string {
  const value = op[extension];
  if (typeof value !== 'string') throw new Error(`operation ${operationId} has no ${extension}`);
  return value;
}

/** Reads the dereferenced spec; order follows the spec's paths so the output is stable. */
export function buildOperationCatalogue(spec: OpenApi): OperationRecord[] {
  const records: OperationRecord[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const operationId = op.operationId as string;
      const params = (op.parameters ?? []) as Json[];
      const body = bodySchema(op);
      records.push({
        operationId,
        operation: required(op, 'x-operation', operationId),
        version: required(op, 'x-variant', operationId),
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name as string),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name as string, required: p.required === true })),
        security: ((op.security ?? []) as Record<string, string[]>[]).map((alt) => Object.keys(alt)),
        hasRequestBody: body !== undefined,
        limits: limitsOf(body),
        validators: {
          params: `${operationId}_params`,
          ...(body ? { request: `${operationId}_request` } : {}),
          response: `${operationId}_response`,
        },
      });
    }
  }
  return records;
}
