// The spec-derived arbitraries: valid ones satisfy the generated validators, invalid ones violate
// them (and almost always by construction, so the re-check filter discards little).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import * as validators from '../../generated/skm/validators.js';
import { requestSchemas } from '../../generated/skm/request-schemas.ts';
import { checkedInvalidArbitrary, invalidArbitrary, validArbitrary } from '../../generators/arbitraries.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;
const seed = Number(process.env.SKM_SEED ?? 42);

for (const [operationId, { body }] of Object.entries(requestSchemas).filter(([, s]) => s.body)) {
  const validate = byName[`${operationId}_request`];

  test(`${operationId}: generated valid bodies pass the request validator (seed ${seed})`, () => {
    fc.assert(fc.property(validArbitrary(body as Record<string, unknown>), (v) => validate(v) === true), { seed, numRuns: 200 });
  });

  test(`${operationId}: generated invalid bodies fail it, with few discarded (seed ${seed})`, () => {
    const raw = fc.sample(invalidArbitrary(body as Record<string, unknown>), { seed, numRuns: 300 });
    const rejected = raw.filter((i) => !validate(i.value)).length;
    assert.ok(rejected / raw.length > 0.9, `only ${rejected}/${raw.length} generated invalid bodies are invalid`);
    fc.assert(fc.property(checkedInvalidArbitrary(body as Record<string, unknown>, validate), (i) => validate(i.value) === false), { seed, numRuns: 100 });
  });
}
