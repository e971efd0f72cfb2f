// The spec-derived arbitraries, judged by the generated request validators (ajv, compiled from the
// spec by another route): valid bodies pass, and every invalid body is rejected for exactly the
// violation the generator names, so a generator that drew valid bodies or mislabelled its violations
// fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as validators from '../../generated/skm/validators.js';
import { requestSchemas } from '../../generated/skm/request-schemas.ts';
import { invalidArbitrary, validArbitrary, type InvalidInput } from '../../generators/arbitraries.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;
const seed = Number(process.env.SKM_SEED ?? 42);

interface Expected {
  instancePath: string;
  keywords: string[];
  missingProperty?: string;
}

/** Where the validator must place every error of each kind of violation, and the error it must give. */
function expectedErrors(violation: string): Expected {
  const field = /^(\w+) (?:as \w+|of \d+ characters|below )/.exec(violation)?.[1];
  const keyword = /^\w+ (as|of|below)/.exec(violation)?.[1];
  if (field && keyword) return { instancePath: `/${field}`, keywords: [{ as: 'type', of: 'maxLength', below: 'minimum' }[keyword]!] };
  const missing = /^without (\w+)$/.exec(violation)?.[1];
  if (missing) return { instancePath: '', keywords: ['required'], missingProperty: missing };
  if (violation === 'body is not an object') return { instancePath: '', keywords: ['type'] };
  // A nested object in place of the body lacks the required fields and may have a field too many.
  if (/^nested \d+ deep$/.test(violation)) return { instancePath: '', keywords: ['required', 'additionalProperties'] };
  throw new Error(`a violation this test does not know: ${violation}`);
}

function names(e: ErrorObject, x: Expected): boolean {
  return x.keywords.includes(e.keyword) && (!x.missingProperty || e.params.missingProperty === x.missingProperty);
}

function rejectedForItsViolation(validate: ValidateFunction, input: InvalidInput): void {
  const shown = `${input.violation}: ${JSON.stringify(input.value)?.slice(0, 200)}`;
  assert.equal(validate(input.value), false, `accepted by the validator: ${shown}`);
  const expected = expectedErrors(input.violation);
  // A value of the wrong type may break a second rule of its field (a fraction below the minimum).
  const elsewhere = validate.errors!.filter((e) => e.instancePath !== expected.instancePath);
  assert.deepEqual(elsewhere, [], `rejected for something else than ${shown}`);
  assert.ok(validate.errors!.some((e) => names(e, expected)), `not rejected for ${shown}: ${JSON.stringify(validate.errors)}`);
}

for (const [operationId, { body }] of Object.entries(requestSchemas).filter(([, s]) => s.body)) {
  const validate = byName[`${operationId}_request`];
  const schema = body as Record<string, unknown>;

  test(`${operationId}: generated valid bodies pass the request validator (seed ${seed})`, () => {
    fc.assert(fc.property(validArbitrary(schema), (v) => validate(v) === true), { seed, numRuns: 200 });
  });

  test(`${operationId}: every generated invalid body fails it, for the violation it names (seed ${seed})`, () => {
    fc.assert(fc.property(invalidArbitrary(schema), (i) => rejectedForItsViolation(validate, i)), { seed, numRuns: 300 });
  });
}
