// For every family: every MUST of its catalogue is checked by at least one test, and every test names
// what it checks and the variants it calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILIES } from '../../harness/family.ts';
import { listSuiteTests } from '../../harness/test-listing.ts';

for (const family of FAMILIES) {
  const listed = listSuiteTests(['--project', family.id]);
  const where = (t: { file: string; title: string }) => `${t.file}: ${t.title}`;

  test(`${family.id}: the suites collect tests`, () => {
    assert.ok(listed.length > 20, `only ${listed.length} tests listed`);
  });

  test(`${family.id}: every test names at least one requirement of its own catalogue`, () => {
    const known = new Set(family.requirements.map((r) => r.id));
    assert.deepEqual(listed.filter((t) => t.requirements.length === 0 || t.requirements.some((id) => !known.has(id))).map(where), []);
  });

  // A test without variants would run under any --versions and be judged in every version scope.
  test(`${family.id}: every test names the variants it calls`, () => {
    assert.deepEqual(listed.filter((t) => t.variants.length === 0 || t.variants.some((v) => !family.variants.includes(v))).map(where), []);
  });

  test(`${family.id}: every MUST requirement has a test`, () => {
    const tested = new Set(listed.flatMap((t) => t.requirements));
    assert.deepEqual(family.requirements.filter((r) => r.level === 'MUST' && !tested.has(r.id)).map((r) => `${r.id} ${r.statement}`), []);
  });
}
