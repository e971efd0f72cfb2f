// How one open point is settled from the runs' reports: strict only when a check read its pin and
// passed; other when only the strict check failed; contradicts when the lenient check failed too;
// a point whose test stopped at another pinned point goes again; anything else unsettled, with why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyById } from '../../harness/family.ts';
import { buildConformanceModel, type ConformanceModel, type TestRecord } from '../../reports/model.ts';
import { afterLenient, afterStrict, learnedSettings, type CalibrationPoint } from '../../calibration/points.ts';
import { comparePoints } from '../../calibration/compare.ts';
import type { CalibrationRecord } from '../../calibration/record.ts';
import { LEARNED } from '../../harness/oracles/observed.ts';
import { PIN_APPLIED } from '../../harness/pinned-ids.ts';

const skm = familyById('skm');
const [A, B, C, D, E] = skm.requirements.filter((r) => r.ambiguity && r.profile === 'core').map((r) => r.id);
const AT = new Date(0).toISOString();

function t(id: string, requirement: string, status: TestRecord['status'], extra: Partial<TestRecord> = {}): TestRecord {
  return {
    id, file: 'f.spec.ts', line: 1, titlePath: [id], tags: [], requirements: [requirement], variants: ['v1.0'], status, durationMs: 1, notes: [],
    operationCounts: {}, exchangeCount: 1, exchanges: [{ method: 'GET', url: `https://t/${id}`, status: 200, responseBody: '{}' }], ...extra,
  };
}

function model(tests: TestRecord[]): ConformanceModel {
  return buildConformanceModel({
    family: skm, generatedAt: AT, tests, scope: { profiles: ['core'], versions: ['v1.0', 'v1.1', 'v1.2'], shards: [] },
    environment: { harness: { name: 'h', version: '0' }, playwright: '1', node: 'v20', specSha256: '', catalogueSha256: '', seeds: [], command: '', startedAt: AT, durationMs: 1, workers: 1, errors: [] },
  });
}

const pinRead = (id: string) => ({ notes: [{ type: PIN_APPLIED, description: id }] });
const failure = (title: string, requirements?: string[]) => ({ failure: { message: title, title, request: 'GET https://t/x', response: 'HTTP 200 {}', requirements } });

test('the lenient run: a failure contradicts the documents, a skip stays unsettled, a pass goes to be pinned', () => {
  const lenient = model([t('a', A, 'passed'), t('b', B, 'failed', failure('Wrong envelope')), t('c', C, 'skipped', { skipReason: 'not covered: no fixture' })]);
  const { points, toPin } = afterLenient([A, B, C, D], lenient);
  assert.deepEqual(toPin, [A]);
  const by = new Map(points.map((p) => [p.id, p]));
  assert.equal(by.get(B)!.outcome, 'contradicts');
  assert.equal(by.get(B)!.evidence?.request, 'GET https://t/x');
  assert.equal(by.get(C)!.outcome, 'unsettled');
  assert.match(by.get(C)!.reason!, /no fixture/);
  assert.equal(by.get(D)!.outcome, 'unsettled');
  assert.match(by.get(D)!.reason!, /^no test of the suites checks it$/);
});

test('a strict run: strict only where a check read the pin, other where the strict check failed, again where a test stopped', () => {
  const strict = model([
    t('a', A, 'passed', pinRead(A)),
    t('b', B, 'passed'),
    t('c', C, 'failed', failure('Message spelled otherwise', [C])),
    { ...t('d', D, 'failed', failure('Other point', [E])), requirements: [D, E] },
  ]);
  const { points, again } = afterStrict([A, B, C, D, E], strict);
  const by = new Map(points.map((p) => [p.id, p]));
  assert.equal(by.get(A)!.outcome, 'strict');
  assert.equal(by.get(A)!.evidence?.request, 'GET https://t/a');
  assert.equal(by.get(B)!.outcome, 'unsettled', 'passed, but no check read its pin');
  assert.match(by.get(B)!.reason!, /no check reads its pin/);
  assert.equal(by.get(C)!.outcome, 'other');
  assert.equal(by.get(C)!.evidence?.failure, 'Message spelled otherwise');
  assert.equal(by.get(E)!.outcome, 'other');
  assert.deepEqual(again, [D], 'D was left unjudged by E\'s failure');
});

test('a setting is learned from passed tests that agree on it; one they disagree on, or a failed test\'s, is not', () => {
  const note = (path: string, value: unknown) => ({ type: LEARNED, description: JSON.stringify({ requirement: A, path, value }) });
  const lenient = model([
    t('a', A, 'passed', { notes: [note('expectations.errorTransport', 'http4xx'), note('signing.delimiter', '\n')] }),
    t('b', A, 'passed', { notes: [note('expectations.errorTransport', 'http4xx'), note('signing.delimiter', '')] }),
    t('c', B, 'failed', { ...failure('Broke'), notes: [note('expectations.other', 1)] }),
  ]);
  assert.deepEqual([...learnedSettings(lenient)].map(([id, s]) => [id, s.learned]), [[A, { 'expectations.errorTransport': 'http4xx' }]]);
});

test('compare: another learned value is a difference, the same one is not; so is a point the candidate did not settle', () => {
  const point = (id: string, outcome: CalibrationPoint['outcome'], learned?: Record<string, unknown>): CalibrationPoint => ({ id, statement: id, operations: ['getSecret'], outcome, learned });
  const record = (points: CalibrationPoint[]): CalibrationRecord => ({
    family: 'skm', target: { name: 'x', baseUrl: 'https://x' }, calibratedAt: AT, command: '', seed: 1, runs: [], requests: 0, durationMs: 0, points,
  });
  const baseline = record([point(A, 'learned', { 'expectations.errorTransport': 'http4xx' }), point(B, 'strict'), point(C, 'strict'), point(D, 'unsettled')]);
  const candidate = record([point(A, 'learned', { 'expectations.errorTransport': 'http200' }), point(B, 'strict'), point(C, 'unsettled'), point(D, 'strict')]);
  const c = comparePoints(baseline, candidate);
  assert.deepEqual(c.differences.map((d) => d.id), [A, C]);
  assert.equal(c.compared, 3);
  assert.deepEqual(c.notCompared, [D]);
  assert.deepEqual(c.byOperation, { getSecret: [A, C] });
});
