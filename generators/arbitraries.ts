// fast-check arbitraries from the spec's JSON Schemas: valid inputs, and invalid ones made by one
// schema violation each (a required field missing, a field of another type, a string over its
// limit, null, deep nesting, a body that is not an object). An invalid input is kept only if the
// generated request validator rejects it too, so "the target accepted an invalid input" is only
// ever said of input that really is invalid.
import fc, { type Arbitrary } from 'fast-check';
import type { ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

const JSON_SAMPLES: Record<string, Arbitrary<unknown>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  string: fc.string({ maxLength: 20 }),
  array: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
};

function typesOf(schema: Schema): string[] {
  if ('const' in schema) return [schema.const === null ? 'null' : typeof schema.const];
  const t = schema.type;
  if (Array.isArray(t)) return t as string[];
  if (typeof t === 'string') return t === 'number' ? ['number', 'integer'] : [t];
  return [];
}

/** Values the schema accepts. */
export function validArbitrary(schema: Schema): Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((branch) => validArbitrary({ ...schema, anyOf: undefined, ...branch })));
  switch (schema.type) {
    case 'string':
      return fc.string({ unit: 'grapheme', minLength: (schema.minLength as number) ?? 0, maxLength: Math.min((schema.maxLength as number) ?? 64, 64) });
    case 'integer':
      return fc.integer({ min: (schema.minimum as number) ?? -1000, max: Math.max(((schema.minimum as number) ?? 0) + 1000, 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const record: Record<string, Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(props)) record[name] = validArbitrary(child);
      return fc.record(record, { requiredKeys: required.filter((r) => r in props) });
    }
    default:
      return fc.jsonValue();
  }
}

/** One violation of an object schema: the kind of violation and the value. */
export interface InvalidInput {
  violation: string;
  value: unknown;
}

export function invalidArbitrary(schema: Schema): Arbitrary<InvalidInput> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = ((schema.required ?? []) as string[]).filter((r) => r in props);
  const valid = validArbitrary(schema) as Arbitrary<Record<string, unknown>>;
  const choices: Arbitrary<InvalidInput>[] = [
    fc.constantFrom<unknown>(null, [], 'text', 42, true).map((value) => ({ violation: 'body is not an object', value })),
    fc.integer({ min: 100, max: 3000 }).map((depth) => ({ violation: `nested ${depth} deep`, value: nest(depth) })),
  ];
  for (const field of required) {
    choices.push(valid.map((v) => ({ violation: `without ${field}`, value: omit(v, field) })));
  }
  for (const [field, child] of Object.entries(props)) {
    const allowed = typesOf(child);
    const wrong = Object.keys(JSON_SAMPLES).filter((t) => allowed.length > 0 && !allowed.includes(t));
    if (wrong.length > 0) {
      choices.push(fc.tuple(valid, fc.constantFrom(...wrong)).chain(([v, t]) => JSON_SAMPLES[t].map((sample) => ({ violation: `${field} as ${t}`, value: { ...v, [field]: sample } }))));
    }
    if (typeof child.maxLength === 'number') {
      const max = child.maxLength;
      choices.push(fc.tuple(valid, fc.integer({ min: max + 1, max: Math.max(max * 32, 1 << 20) })).map(([v, n]) => ({ violation: `${field} of ${n} characters (limit ${max})`, value: { ...v, [field]: 'x'.repeat(n) } })));
    }
    if (typeof child.minimum === 'number' && child.type === 'integer') {
      const min = child.minimum;
      choices.push(fc.tuple(valid, fc.integer({ min: -1e6, max: min - 1 })).map(([v, n]) => ({ violation: `${field} below ${min}`, value: { ...v, [field]: n } })));
    }
  }
  return fc.oneof(...choices);
}

/** Invalid inputs that the generated validator also rejects. */
export function checkedInvalidArbitrary(schema: Schema, validate: ValidateFunction): Arbitrary<InvalidInput> {
  return invalidArbitrary(schema).filter((input) => !validate(input.value));
}

function omit(value: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[field];
  return copy;
}

function nest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
