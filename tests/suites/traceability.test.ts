// Every MUST of the catalogue is checked by at least one test, and every test names what it checks
// and the API variants it calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requirements } from '../../generated/skm/requirements.ts';
import { listSuiteTests } from '../../harness/test-listing.ts';

const listed = listSuiteTests();

test('the suites collect tests', () => {
  assert.ok(listed.length > 100, `only ${listed.length} tests listed`);
});

test('every test names at least one requirement', () => {
  assert.deepEqual(listed.filter((t) => t.requirements.length === 0).map((t) => `${t.file}: ${t.title}`), []);
});

// A test without variants would run under any --versions and be judged in every version scope.
test('every test names the API variants it calls', () => {
  assert.deepEqual(listed.filter((t) => t.variants.length === 0).map((t) => `${t.file}: ${t.title}`), []);
});

test('every MUST requirement has a test', () => {
  const tested = new Set(listed.flatMap((t) => t.requirements));
  assert.deepEqual(requirements.filter((r) => r.level === 'MUST' && !tested.has(r.id)).map((r) => `${r.id} ${r.statement}`), []);
});
