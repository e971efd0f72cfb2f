// The JSON request body, checked by the operation's generated request validator and by the byte limits
// of the operation catalogue (limits[field].maxBytes: UTF-8 bytes), in the personality's reading of what
// the documents leave open (media type, scalar types, unknown fields, what 32 KB counts).
import { isUtf8 } from 'node:buffer';
import type { FieldLimit } from '../../generators/operation-catalogue.ts';
import { requestSchemas } from '../../generated/skm/request-schemas.ts';
import { ImitatedServerError, SkmError } from '../errors.ts';
import type { Faults } from '../faults.ts';
import type { Personality } from '../personality.ts';
import type { Call } from './call.ts';

export function jsonBody<T>(call: Call): T {
  const { ctx, route, services } = call;
  const { faults, personality } = services;
  if (!ctx.body) throw new SkmError('Invalid User Data'); // over the size cap
  if (!personality.has('content-type-unchecked') && !isJson(ctx.headers['content-type'])) throw new SkmError('Invalid User Data');
  let value: unknown;
  try {
    if (!isUtf8(ctx.body)) throw new SyntaxError('not UTF-8');
    value = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    if (faults.has('5xx-on-bad-json')) throw new ImitatedServerError('bad JSON');
    throw new SkmError('Invalid User Data');
  }
  const properties = documentedProperties(route.op.operationId);
  if (personality.has('scalars-coerced')) value = coerceScalars(value, properties);
  if (personality.has('unknown-fields-refused') && hasUnknownField(value, properties)) throw new SkmError('Invalid User Data');
  const validate = route.validateRequest!;
  if (!validate(value) && !(liftedLimits(route.op.operation, faults) && validate(withinMaxLength(value, route.op.limits)))) {
    throw new SkmError('Invalid User Data');
  }
  for (const [field, limit] of Object.entries(route.op.limits)) {
    const text = (value as Record<string, unknown>)[field];
    if (limit.maxBytes === undefined || typeof text !== 'string') continue;
    const allowed = byteLimit(route.op.operation, limit.maxBytes, faults, personality);
    if (Buffer.byteLength(text, 'utf8') > allowed) throw new SkmError('Invalid User Data');
  }
  return value as T;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === 'application/json') return true; // what nearly every client sends
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

type Properties = Record<string, { type?: string }>;

function documentedProperties(operationId: string): Properties {
  return ((requestSchemas[operationId]?.body as { properties?: Properties } | undefined)?.properties) ?? {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Numbers and booleans where a string is documented become their text; a whole-number string where an integer is. */
function coerceScalars(value: unknown, properties: Properties): unknown {
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const [field, { type }] of Object.entries(properties)) {
    const v = copy[field];
    if (type === 'string' && (typeof v === 'number' || typeof v === 'boolean')) copy[field] = String(v);
    if (type === 'integer' && typeof v === 'string' && /^-?\d+$/.test(v)) copy[field] = Number(v);
  }
  return copy;
}

function hasUnknownField(value: unknown, properties: Properties): boolean {
  return isObject(value) && Object.keys(value).some((field) => !Object.hasOwn(properties, field));
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
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const [field, limit] of Object.entries(limits)) {
    const text = copy[field];
    if (typeof text === 'string' && limit.maxLength !== undefined) copy[field] = [...text].slice(0, limit.maxLength).join('');
  }
  return copy;
}

function byteLimit(operation: string, maxBytes: number, faults: Faults, personality: Personality): number {
  if (operation === 'asymmetricSign' && faults.has('sign-limit-ignored')) return Infinity;
  if (!TEXT_LIMIT_OPERATIONS.has(operation)) return maxBytes;
  // Counting characters: only the validator's maxLength (characters) remains.
  if (faults.has('limit-counts-characters') || personality.has('text-limit-in-characters')) return Infinity;
  if (faults.has('limit-off-by-one')) return maxBytes - 1;
  if (faults.has('limit-accepts-over')) return maxBytes + 1;
  return maxBytes;
}
