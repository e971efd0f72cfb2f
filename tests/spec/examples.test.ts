// Every example the documents publish validates against its own schema, and every response
// validator rejects each documented example once any required field is removed, any field's type
// changes, or a pinned isSuccessful is flipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv';
import * as validators from '../../generated/skm/validators.js';
import { operations } from '../../generated/skm/operations.ts';
import { specExamples } from './examples.ts';
import { mutations } from './mutations.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;
const examples = await specExamples();

test('every operation has a documented response example', () => {
  const withExample = new Set(examples.filter((e) => e.kind === 'response').map((e) => e.operationId));
  assert.deepEqual(operations.map((o) => o.operationId).filter((id) => !withExample.has(id)), []);
});

for (const ex of examples) {
  test(`${ex.operationId} ${ex.kind} example "${ex.name}" validates`, () => {
    const validate = byName[ex.validator];
    assert.ok(validate, `no validator ${ex.validator}`);
    assert.ok(validate(ex.value), JSON.stringify(validate.errors));
  });
}

for (const ex of examples.filter((e) => e.kind === 'response')) {
  test(`${ex.validator} rejects every mutation of its "${ex.name}" example`, () => {
    const validate = byName[ex.validator];
    const list = mutations(ex.value, ex.schema);
    assert.ok(list.length > 5, `too few mutations (${list.length})`);
    const accepted = list.filter((m) => validate(m.value)).map((m) => m.label);
    assert.deepEqual(accepted, [], `accepted mutations of ${ex.operationId}`);
  });
}
