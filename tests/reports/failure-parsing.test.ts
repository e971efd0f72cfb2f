// Failure messages become evidence: title, oracle, expected, received, request, response, curl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFailure, errorText } from '../../reports/test-record.ts';

const conformance = [
  'ConformanceFailure: Secret value changed  [oracle secretValue]',
  'Expected: the value of keys.secret.value',
  'Received: a different value of 12 characters',
  'Request:  GET https://127.0.0.1:4000/keymanager/v1.0/appkey/****abcd/secrets/k1',
  '          body {"a":1}',
  'Response: HTTP 200 {"header":{"isSuccessful":true},"body":{"secret":"[masked secret]"}}',
  'Reproduce with:',
  '  curl -sS -X GET "https://127.0.0.1:4000/keymanager/v1.0/appkey/****abcd/secrets/k1"',
].join('\n');

test('a ConformanceFailure message is split into its parts', () => {
  const f = parseFailure(conformance, 'suites/a.spec.ts:3');
  assert.equal(f.title, 'Secret value changed');
  assert.equal(f.oracle, 'secretValue');
  assert.equal(f.expected, 'the value of keys.secret.value');
  assert.equal(f.received, 'a different value of 12 characters');
  assert.equal(f.request, 'GET https://127.0.0.1:4000/keymanager/v1.0/appkey/****abcd/secrets/k1\nbody {"a":1}');
  assert.match(f.response!, /^HTTP 200 \{"header"/);
  assert.equal(f.reproduce, 'curl -sS -X GET "https://127.0.0.1:4000/keymanager/v1.0/appkey/****abcd/secrets/k1"');
  assert.equal(f.location, 'suites/a.spec.ts:3');
  assert.equal(f.message, conformance);
});

test('a property failure finds the ConformanceFailure in the error\'s cause', () => {
  const text = errorText({ message: 'Error: Property failed after 1 tests\n{ seed: 3, path: "0:0", endOnFailure: true }\nCounterexample: [""]', cause: { message: conformance } });
  const f = parseFailure(text);
  assert.equal(f.title, 'Secret value changed');
  assert.match(f.message, /seed: 3/);
  assert.match(f.message, /Caused by: ConformanceFailure/);
});

test('any other error keeps its first line as title, without ANSI colours', () => {
  const text = errorText({ message: '\u001b[31mTest timeout of 500ms exceeded.\u001b[39m' });
  assert.equal(text, 'Test timeout of 500ms exceeded.');
  const f = parseFailure('Error: expect(received).toBe(expected)\n\nExpected: 1\nReceived: 2');
  assert.equal(f.title, 'Error: expect(received).toBe(expected)');
  assert.equal(f.oracle, undefined);
});

test('stack lines after the curl are not part of it', () => {
  const f = parseFailure(`${conformance}\n    at Object.<anonymous> (suites/a.spec.ts:3:9)`);
  assert.equal(f.reproduce, 'curl -sS -X GET "https://127.0.0.1:4000/keymanager/v1.0/appkey/****abcd/secrets/k1"');
});
