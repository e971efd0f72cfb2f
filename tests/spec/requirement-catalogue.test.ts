// The requirement catalogue is consistent with itself, with the spec and with FACTS.md's rule that
// an inferred or unknown fact is never a hard assertion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { requirements } from '../../generated/skm/requirements.ts';
import { operations } from '../../generated/skm/operations.ts';

const docs = new URL('../../../shared/docs/', import.meta.url).pathname;

test('requirement ids are unique', () => {
  const ids = requirements.map((r) => r.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('every entry names operations, and versions of them, that exist in the spec', () => {
  const bad: string[] = [];
  for (const r of requirements) {
    for (const op of r.operations) {
      const versions = operations.filter((o) => o.operation === op).map((o) => o.version);
      if (versions.length === 0) bad.push(`${r.id}: no operation ${op}`);
    }
    for (const v of r.versions ?? []) {
      if (!r.operations.some((op) => operations.some((o) => o.operation === op && o.version === v))) bad.push(`${r.id}: none of its operations exists in ${v}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('every operation of the spec has at least one requirement', () => {
  const uncovered = operations
    .filter((o) => !requirements.some((r) => r.operations.includes(o.operation) && (!r.versions || r.versions.includes(o.version))))
    .map((o) => o.operationId);
  assert.deepEqual(uncovered, []);
});

test('every source names one of the source documents', () => {
  const missing = requirements.filter((r) => !existsSync(docs + r.source.split('#')[0])).map((r) => `${r.id}: ${r.source}`);
  assert.deepEqual(missing, []);
});

test('an inferred, unknown or example-only MUST always says how its check stays lenient', () => {
  const hard = requirements.filter((r) => r.level === 'MUST' && r.basis !== 'doc' && r.basis !== 'client' && !r.ambiguity).map((r) => r.id);
  assert.deepEqual(hard, []);
});

test('all nine failure modes of the solution guide and URL NOT FOUND have requirements', () => {
  const messages = ['Invalid Appkey', 'Invalid Key Id', 'Invalid Key Version', 'Invalid User Data', 'Invalid Key Status', 'Invalid Key Version Status', 'IPv4 Auth Failure', 'MAC Auth Failure', 'Certificate Auth Failure', 'URL NOT FOUND'];
  const missing = messages.filter((m) => !requirements.some((r) => r.statement.includes(m)));
  assert.deepEqual(missing, []);
});
