// The requirement catalogue is consistent with itself, with the spec and with FACTS.md's rule that
// an inferred or unknown fact is never a hard assertion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { requirements } from '../../generated/skm/requirements.ts';
import { operations } from '../../generated/skm/operations.ts';
import { extractAnchors, readAnchors, SHARED_DOCS } from './source-anchors.ts';

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

test('every source names a section of one of the source documents', () => {
  const anchors = readAnchors();
  const missing = requirements.filter((r) => {
    const [doc, anchor] = r.source.split('#');
    return !anchors[doc]?.includes(anchor);
  });
  assert.deepEqual(missing.map((r) => `${r.id}: ${r.source}`), []);
});

// The shared documents sit beside the repository on a developer's machine and in CI, not in a clone.
const noDocs = !existsSync(SHARED_DOCS) && `no ${SHARED_DOCS}: source-anchors.json cannot be compared with the documents`;

test('source-anchors.json is the anchors of the documents as they are (npx tsx tests/spec/source-anchors.ts)', { skip: noDocs }, () => {
  assert.deepEqual(readAnchors(), extractAnchors());
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
