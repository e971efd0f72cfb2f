// The JSON request body, checked by the operation's generated request validator and by the byte limits
// of the operation catalogue (limits[field].maxBytes: UTF-8 bytes).
import { isUtf8 } from 'node:buffer';
import type { FieldLimit } from '../../generators/operation-catalogue.ts';
import { ImitatedServerError, SkmError } from '../errors.ts';
import type { Faults } from '../faults.ts';
import type { Call } from './call.ts';

export function jsonBody<T>(call: Call): T {
  const { ctx, route, services } = call;
  const { faults } = services;
  if (!ctx.body) throw new SkmError('Invalid User Data'); // over the size cap
  if (!isJson(ctx.headers['content-type'])) throw new SkmError('Invalid User Data');
  let value: unknown;
  try {
    if (!isUtf8(ctx.body)) throw new SyntaxError('not UTF-8');
    value = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    if (faults.has('5xx-on-bad-json')) throw new ImitatedServerError('bad JSON');
    throw new SkmError('Invalid User Data');
  }
  const validate = route.validateRequest!;
  if (!validate(value) && !(liftedLimits(route.op.operation, faults) && validate(withinMaxLength(value, route.op.limits)))) {
    throw new SkmError('Invalid User Data');
  }
  for (const [field, limit] of Object.entries(route.op.limits)) {
    const text = (value as Record<string, unknown>)[field];
    if (limit.maxBytes === undefined || typeof text !== 'string') continue;
    if (Buffer.byteLength(text, 'utf8') > byteLimit(route.op.operation, limit.maxBytes, faults)) throw new SkmError('Invalid User Data');
  }
  return value as T;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === 'application/json') return true; // what nearly every client sends
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** The operations whose limit is the 32 KB text limit that the limit-* faults bend. */
const TEXT_LIMIT_OPERATIONS = new Set(['symmetricEncrypt', 'createSecret']);

/** Faults that let text past the documented length: the validator's maxLength must not stop it either. */
function liftedLimits(operation: string, faults: Faults): boolean {
  if (operation === 'asymmetricSign') return faults.has('sign-limit-ignored');
  return TEXT_LIMIT_OPERATIONS.has(operation) && faults.has('limit-accepts-over');
}

/** The body with its limited text fields cut to their maxLength, to validate everything else. */
function withinMaxLength(value: unknown, limits: Record<string, FieldLimit>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const [field, limit] of Object.entries(limits)) {
    const text = copy[field];
    if (typeof text === 'string' && limit.maxLength !== undefined) copy[field] = [...text].slice(0, limit.maxLength).join('');
  }
  return copy;
}

function byteLimit(operation: string, maxBytes: number, faults: Faults): number {
  if (operation === 'asymmetricSign' && faults.has('sign-limit-ignored')) return Infinity;
  if (!TEXT_LIMIT_OPERATIONS.has(operation)) return maxBytes;
  if (faults.has('limit-counts-characters')) return Infinity; // only the validator's maxLength (characters) remains
  if (faults.has('limit-off-by-one')) return maxBytes - 1;
  if (faults.has('limit-accepts-over')) return maxBytes + 1;
  return maxBytes;
}
