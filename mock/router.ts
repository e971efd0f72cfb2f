// Finds the operation for a request from the generated operation catalogue: method plus path template,
// each `{name}` matching one non-empty path segment. Literal segments are compared as sent, so a
// percent-encoded slash or dot inside a segment can only ever become part of a parameter value.
import type { ValidateFunction } from 'ajv';
import { operations } from '../generated/skm/operations.ts';
import * as requestValidators from '../generated/skm/validators.js';
import * as paramValidators from '../generated/skm/params.js';
import type { OperationRecord } from '../generators/operation-catalogue.ts';

type Segment = { literal: string } | { param: string };

export interface CompiledOperation {
  op: OperationRecord;
  segments: Segment[];
  validateParams: ValidateFunction;
  validateRequest: ValidateFunction | undefined;
}

export interface RouteMatch {
  route: CompiledOperation;
  /** path parameters (percent-decoded) and the operation's query parameters that were sent; a fresh object */
  params: Record<string, unknown>;
}

function validatorNamed(module: object, name: string): ValidateFunction {
  const fn = (module as Record<string, ValidateFunction | undefined>)[name];
  if (typeof fn !== 'function') throw new Error(`generated validator ${name} is missing: run npm run generate`);
  return fn;
}

function decodeSegment(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    // Malformed percent-encoding: keep the text as sent; it names no appkey or key, so it fails as such.
    return raw;
  }
}

export class Router {
  /** candidates by method and segment count, most literal segments first */
  private readonly table = new Map<string, CompiledOperation[]>();

  constructor(records: readonly OperationRecord[] = operations) {
    for (const op of records) {
      const segments: Segment[] = op.path
        .slice(1)
        .split('/')
        .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s }));
      const compiled: CompiledOperation = {
        op,
        segments,
        validateParams: validatorNamed(paramValidators, op.validators.params),
        validateRequest: op.validators.request ? validatorNamed(requestValidators, op.validators.request) : undefined,
      };
      const key = `${op.method} ${segments.length}`;
      const list = this.table.get(key) ?? [];
      list.push(compiled);
      list.sort((a, b) => literalCount(b) - literalCount(a));
      this.table.set(key, list);
    }
  }

  /** `target` is the request-target as sent (origin form: path and optional query). */
  match(method: string, target: string): RouteMatch | undefined {
    if (!target.startsWith('/')) return undefined;
    const q = target.indexOf('?');
    const path = q === -1 ? target : target.slice(0, q);
    const raw = path.slice(1).split('/');
    const candidates = this.table.get(`${method} ${raw.length}`);
    if (!candidates) return undefined;
    for (const route of candidates) {
      const params = matchSegments(route.segments, raw);
      if (!params) continue;
      if (route.op.queryParams.length > 0 && q !== -1) {
        const query = new URLSearchParams(target.slice(q + 1));
        for (const { name } of route.op.queryParams) {
          const value = query.get(name);
          if (value !== null) params[name] = value;
        }
      }
      return { route, params };
    }
    return undefined;
  }
}

function literalCount(c: CompiledOperation): number {
  return c.segments.filter((s) => 'literal' in s).length;
}

function matchSegments(segments: Segment[], raw: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if ('literal' in seg) {
      if (seg.literal !== raw[i]) return undefined;
    } else {
      if (raw[i] === '') return undefined;
      params[seg.param] = decodeSegment(raw[i]);
    }
  }
  return params;
}
