// Finds the operation for a request from the generated operation catalogue: method plus path template,
// each `{name}` matching one non-empty path segment. Literal segments are compared as sent, so a
// percent-encoded slash or dot inside a segment can only ever become part of a parameter value. The
// alternate personality also ignores a trailing slash and literal letter case, and serves some paths
// that are not the documented ones under the documented operation (aliases).
import type { ValidateFunction } from 'ajv';
import { operations } from '../generated/skm/operations.ts';
import * as requestValidators from '../generated/skm/validators.js';
import * as paramValidators from '../generated/skm/params.js';
import type { OperationRecord } from '../generators/operation-catalogue.ts';
import type { Personality } from './personality.ts';

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

/** Another spelling of a path: the documented path it stands for, or undefined. */
export type PathAlias = (path: string) => string | undefined;

export interface RouterOptions {
  /** a trailing slash and the letter case of literal segments do not matter */
  lenient?: boolean;
  /** tried in order when the path as sent matches nothing */
  aliases?: readonly PathAlias[];
}

/** Other operations under v1.1 served as v1.0 (the documents only say v1.1 exists for the symmetric-key query). */
const v11AsV10: PathAlias = (path) => (path.startsWith('/keymanager/v1.1/') ? `/keymanager/v1.0/${path.slice(17)}` : undefined);

/** The Japanese guide's /keymanager/v1.0/ prefix and singular create paths for the v1.2 key management calls. */
const legacyManagement: PathAlias = (path) => {
  const m = /^\/keymanager\/v1\.[02]\/appkey\/([^/]+)\/keys\/(.+)$/.exec(path);
  if (!m) return undefined;
  const documented = `/keymanager/v1.2/appkey/${m[1]}/keys/${m[2].replace(/^(symmetric|asymmetric)-key\/create$/, '$1-keys/create')}`;
  return documented === path ? undefined : documented;
};

export function routerOptions(personality: Personality): RouterOptions {
  const aliases: PathAlias[] = [];
  if (personality.has('v11-serves-v10-paths')) aliases.push(v11AsV10);
  if (personality.has('legacy-management-paths')) aliases.push(legacyManagement);
  return { lenient: personality.has('lenient-paths'), aliases };
}

export class Router {
  /** candidates by method and segment count, most literal segments first */
  private readonly table = new Map<string, CompiledOperation[]>();
  private readonly methods: string[];

  constructor(
    records: readonly OperationRecord[] = operations,
    private readonly options: RouterOptions = {},
  ) {
    this.methods = [...new Set(records.map((op) => op.method))];
    for (const op of records) {
      const literal = (s: string) => (options.lenient ? s.toLowerCase() : s);
      const segments: Segment[] = op.path
        .slice(1)
        .split('/')
        .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: literal(s) }));
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
    const query = q === -1 ? undefined : target.slice(q + 1);
    const found = this.matchPath(method, path, query);
    if (found || !this.options.aliases) return found;
    for (const alias of this.options.aliases) {
      const documented = alias(path);
      const match = documented === undefined ? undefined : this.matchPath(method, documented, query);
      if (match) return match;
    }
    return undefined;
  }

  /** The methods the target's path is served with (none for an unknown path). */
  methodsFor(target: string): string[] {
    return this.methods.filter((method) => this.match(method, target));
  }

  private matchPath(method: string, path: string, query: string | undefined): RouteMatch | undefined {
    const lenient = this.options.lenient ?? false;
    const trimmed = lenient && path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const raw = trimmed.slice(1).split('/');
    const candidates = this.table.get(`${method} ${raw.length}`);
    if (!candidates) return undefined;
    for (const route of candidates) {
      const params = matchSegments(route.segments, raw, lenient);
      if (!params) continue;
      if (route.op.queryParams.length > 0 && query !== undefined) {
        const values = new URLSearchParams(query);
        for (const { name } of route.op.queryParams) {
          const value = values.get(name);
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

function matchSegments(segments: Segment[], raw: string[], lenient: boolean): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if ('literal' in seg) {
      if (seg.literal !== (lenient ? raw[i].toLowerCase() : raw[i])) return undefined;
    } else {
      if (raw[i] === '') return undefined;
      params[seg.param] = decodeSegment(raw[i]);
    }
  }
  return params;
}
