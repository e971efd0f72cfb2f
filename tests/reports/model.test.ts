// buildConformanceModel: requirement statuses, verdicts per profile, the matrix, API-version scope;
// buildRunReport: the run's verdict over its families.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConformanceModel, verdictLines, type TestRecord, type Environment, type Scope, type OperationInfo } from '../../reports/model.ts';
import { buildRunReport, familyModel } from '../../reports/run-report.ts';
import type { Requirement } from '../../generated/skm/requirements.ts';

const req = (id: string, level: Requirement['level'], profile: Requirement['profile'], operations: string[], versions?: string[]): Requirement =>
  ({ id, statement: `statement of ${id}`, level, source: 'doc#s', basis: 'doc', operations: operations as [string], profile, ...(versions ? { versions: versions as [string] } : {}) });

const catalogue: Requirement[] = [
  req('R-CORE-1', 'MUST', 'core', ['getSecret']),
  req('R-CORE-2', 'MUST', 'core', ['symmetricEncrypt']),
  req('R-CORE-3', 'SHOULD', 'core', ['getSecret']),
  req('R-CORE-4', 'MAY', 'core', ['getSecret']),
  req('R-MGT-1', 'MUST', 'managed', ['createSecret'], ['v1.2']),
  req('R-VER-1', 'MUST', 'versioned', ['getSecret'], ['v1.1']),
];
const operations: OperationInfo[] = [
  ...['v1.0', 'v1.1', 'v1.2'].flatMap((v) => ['getSecret', 'symmetricEncrypt'].map((op) => ({ operationId: `${op}_${v.replace('.', '_')}`, operation: op, version: v }))),
  { operationId: 'createSecret_v1_2', operation: 'createSecret', version: 'v1.2' },
];
const environment: Environment = {
  harness: { name: 'h', version: '0' }, playwright: '1', node: 'v20', specSha256: 'a'.repeat(64), catalogueSha256: 'b'.repeat(64),
  seeds: [], command: 'x', startedAt: new Date(0).toISOString(), durationMs: 0, workers: 1, errors: [],
};
const allScope: Scope = { profiles: ['core', 'versioned', 'managed'], versions: ['v1.0', 'v1.1', 'v1.2'], shards: [] };

let n = 0;
function t(title: string, requirements: string[], status: TestRecord['status'], ops: string[] = [], extra: Partial<TestRecord> = {}): TestRecord {
  return {
    id: `t${++n}`, file: 'a.spec.ts', line: n, titlePath: [title], tags: [], requirements, variants: [], status, durationMs: 1, notes: [],
    operationCounts: Object.fromEntries(ops.map((o) => [o, 1])), exchangeCount: ops.length, exchanges: [], ...extra,
  };
}

const build = (tests: TestRecord[], scope: Scope = allScope) => buildConformanceModel({ tests, environment, scope, generatedAt: new Date(0).toISOString(), catalogue, operations, versions: ['v1.0', 'v1.1', 'v1.2'] });
const status = (m: ReturnType<typeof build>, id: string) => m.requirements.find((r) => r.id === id)!.status;
const profile = (m: ReturnType<typeof build>, p: string) => m.profiles.find((x) => x.profile === p)!;

test('every MUST ran and passed: the profile is certified', () => {
  const m = build([t('secret v1.0', ['R-CORE-1'], 'passed', ['getSecret_v1_0']), t('enc v1.0', ['R-CORE-2'], 'passed', ['symmetricEncrypt_v1_0'])]);
  assert.equal(status(m, 'R-CORE-1'), 'passed');
  assert.equal(profile(m, 'core').verdict, 'certified');
});

test('a failed MUST fails the profile and names the requirement and the failure', () => {
  const m = build([
    t('secret v1.0', ['R-CORE-1'], 'passed'),
    t('secret v1.1', ['R-CORE-1'], 'failed', [], { failure: { message: 'm', title: 'Secret value changed' } }),
    t('enc v1.0', ['R-CORE-2'], 'passed'),
  ]);
  assert.equal(status(m, 'R-CORE-1'), 'failed');
  const core = profile(m, 'core');
  assert.equal(core.verdict, 'failed');
  assert.deepEqual(core.failed, ['R-CORE-1']);
  assert.match(core.reasons[0], /R-CORE-1 failed: Secret value changed/);
  assert.equal(m.verdict, 'failed');
});

test('a MUST whose tests were all skipped is not covered, and the profile not certified, with the skip reason', () => {
  const m = build([
    t('secret v1.0', ['R-CORE-1'], 'skipped', [], { skipReason: 'not covered: the profile has no keys.secret' }),
    t('enc v1.0', ['R-CORE-2'], 'passed'),
  ]);
  assert.equal(status(m, 'R-CORE-1'), 'not covered');
  const core = profile(m, 'core');
  assert.equal(core.verdict, 'not certified');
  assert.deepEqual(core.notCovered, [{ reason: 'not covered: the profile has no keys.secret', requirements: ['R-CORE-1'] }]);
  assert.match(verdictLines(m).find((l) => l.startsWith('core'))!, /not certified: 1 MUST could not run \(not covered: the profile has no keys\.secret\)/);
});

test('a MUST with no test is not covered, never passed; untested SHOULD and MAY too', () => {
  const m = build([t('enc v1.0', ['R-CORE-2'], 'passed')]);
  for (const id of ['R-CORE-1', 'R-CORE-3', 'R-CORE-4']) assert.equal(status(m, id), 'not covered', id);
  assert.equal(profile(m, 'core').verdict, 'not certified');
});

test('a SHOULD failure is a warning on the profile, not a verdict change', () => {
  const m = build([
    t('secret', ['R-CORE-1'], 'passed'),
    t('enc', ['R-CORE-2'], 'passed'),
    t('should', ['R-CORE-3'], 'failed', [], { failure: { message: 'm', title: 'Wrong content type' } }),
  ]);
  const core = profile(m, 'core');
  assert.equal(core.verdict, 'certified');
  assert.deepEqual(core.warnings, ['SHOULD R-CORE-3 failed: Wrong content type']);
});

test('a test that was not run (interrupted) does not pass its requirement', () => {
  const m = build([t('secret', ['R-CORE-1'], 'not run'), t('enc', ['R-CORE-2'], 'passed')]);
  assert.equal(status(m, 'R-CORE-1'), 'not covered');
});

test('the matrix counts only the operations of the test\'s own requirements, per version', () => {
  const m = build([
    t('secret v1.0', ['R-CORE-1'], 'passed', ['getSecret_v1_0', 'symmetricEncrypt_v1_0']),
    t('enc v1.1', ['R-CORE-2'], 'failed', ['getSecret_v1_1', 'symmetricEncrypt_v1_1'], { failure: { message: 'm', title: 'x' } }),
    t('skipped v1.2', ['R-CORE-2'], 'skipped', ['symmetricEncrypt_v1_2']),
  ]);
  const cell = (op: string, v: string) => m.matrix.rows.find((r) => r.operation === op)!.cells.find((c) => c.version === v)!;
  assert.equal(cell('getSecret', 'v1.0').status, 'passed');
  assert.equal(cell('symmetricEncrypt', 'v1.0').status, 'not covered', 'the encrypt call served a getSecret requirement');
  assert.equal(cell('symmetricEncrypt', 'v1.1').status, 'failed');
  assert.equal(cell('getSecret', 'v1.1').status, 'not covered', 'the failing test checks encrypt, not getSecret');
  assert.equal(cell('symmetricEncrypt', 'v1.2').status, 'not covered', 'a skipped test covers nothing');
  assert.equal(cell('createSecret', 'v1.0').status, 'absent');
  assert.deepEqual(cell('getSecret', 'v1.0').requirements, ['R-CORE-1']);
});

test('restricted to the API versions asked for: other versions neither fail nor count', () => {
  const scope: Scope = { ...allScope, versions: ['v1.0'] };
  const m = build([
    t('secret query returns it', ['R-CORE-1'], 'passed', ['getSecret_v1_0'], { variants: ['v1.0'] }),
    t('secret query returns it', ['R-CORE-1'], 'failed', ['getSecret_v1_2'], { variants: ['v1.2'], failure: { message: 'm', title: 'x' } }),
    t('a v1.0 test that prepares through v1.2', ['R-CORE-1'], 'failed', ['getSecret_v1_0', 'getSecret_v1_2'], { variants: ['v1.0', 'v1.2'], failure: { message: 'm', title: 'x' } }),
    t('getSecret_v1_1 refuses', ['R-VER-1'], 'passed', ['getSecret_v1_1'], { variants: ['v1.1'] }),
    t('enc', ['R-CORE-2'], 'passed', [], { variants: ['v1.0'] }),
  ], scope);
  assert.equal(status(m, 'R-CORE-1'), 'passed', 'only the v1.0 test counts');
  assert.equal(m.requirements.find((r) => r.id === 'R-VER-1')!.inScope, false);
  assert.equal(m.requirements.find((r) => r.id === 'R-MGT-1')!.inScope, false);
  assert.equal(profile(m, 'core').verdict, 'certified');
  assert.equal(profile(m, 'managed').verdict, 'not certified');
  assert.match(profile(m, 'managed').reasons.join(), /applies to API versions v1\.0/);
  assert.equal(m.matrix.rows.find((r) => r.operation === 'getSecret')!.cells.find((c) => c.version === 'v1.2')!.status, 'not asked');
});

test('a test\'s API versions are its variants, never its title', () => {
  const scope: Scope = { ...allScope, versions: ['v1.2'] };
  const m = build([
    t('secret query v1.0 returns it', ['R-CORE-1'], 'passed', ['getSecret_v1_0'], { variants: ['v1.2'] }),
    t('getSecret_v1_2 returns it', ['R-CORE-1'], 'failed', ['getSecret_v1_2'], { variants: ['v1.0'], failure: { message: 'm', title: 'x' } }),
  ], scope);
  assert.equal(status(m, 'R-CORE-1'), 'passed', 'the title names v1.0, the variant v1.2: in scope; the other is not');
  assert.deepEqual(m.requirements.find((r) => r.id === 'R-CORE-1')!.tests, [m.tests[0].id]);
});

test('only asked profiles get a verdict; the overall verdict is the worst of them', () => {
  const m = build([t('secret', ['R-CORE-1'], 'passed'), t('enc', ['R-CORE-2'], 'passed')], { ...allScope, profiles: ['core'] });
  assert.deepEqual(m.profiles.map((p) => p.profile), ['core']);
  assert.equal(m.verdict, 'certified');
  assert.equal(m.requirements.find((r) => r.id === 'R-MGT-1')!.inScope, false);
});

test('a requirement that passed in one test and was skipped in another says so', () => {
  const m = build([t('secret v1.0', ['R-CORE-1'], 'passed'), t('secret v1.1', ['R-CORE-1'], 'skipped', [], { skipReason: 'not covered: the target does not declare v1.1' })]);
  const r = m.requirements.find((x) => x.id === 'R-CORE-1')!;
  assert.equal(r.status, 'passed');
  assert.deepEqual(r.reasons, ['not covered: the target does not declare v1.1']);
  assert.deepEqual(r.testCounts, { passed: 1, failed: 0, skipped: 1, notRun: 0 });
});

test('a failure that names its requirement fails only that one; the test\'s others are not covered, never passed', () => {
  const m = build([
    t('both', ['R-CORE-1', 'R-CORE-3'], 'failed', [], { failure: { message: 'm', title: 'Secret value changed', requirements: ['R-CORE-3'] } }),
    t('core 1 elsewhere', ['R-CORE-1'], 'passed'),
    t('enc', ['R-CORE-2'], 'passed'),
  ]);
  assert.equal(status(m, 'R-CORE-3'), 'failed');
  assert.equal(status(m, 'R-CORE-1'), 'not covered');
  assert.match(m.requirements.find((r) => r.id === 'R-CORE-1')!.reasons.join(), /stopped at a failure of R-CORE-3/);
  assert.equal(profile(m, 'core').verdict, 'not certified');
});

test('a failure that names no requirement fails every requirement of its test', () => {
  const m = build([t('both', ['R-CORE-1', 'R-CORE-3'], 'failed', [], { failure: { message: 'm', title: 'Call refused' } }), t('enc', ['R-CORE-2'], 'passed')]);
  assert.equal(status(m, 'R-CORE-1'), 'failed');
  assert.equal(status(m, 'R-CORE-3'), 'failed');
});

test('a run is certified only when every family is; otherwise it takes the worst family verdict', () => {
  const core: Scope = { ...allScope, profiles: ['core'] };
  const certified = build([t('secret', ['R-CORE-1'], 'passed'), t('enc', ['R-CORE-2'], 'passed')], core);
  const notCertified = build([t('enc', ['R-CORE-2'], 'passed')], core);
  const failed = build([t('secret', ['R-CORE-1'], 'failed', [], { failure: { message: 'm', title: 'x' } }), t('enc', ['R-CORE-2'], 'passed')], core);
  const at = new Date(0).toISOString();
  assert.equal(buildRunReport([certified, certified], at).verdict, 'certified');
  assert.equal(buildRunReport([certified, notCertified], at).verdict, 'not certified');
  assert.equal(buildRunReport([notCertified, failed, certified], at).verdict, 'failed');
  assert.equal(buildRunReport([], at).verdict, 'not certified', 'a run in which no family ran certifies nothing');
  const report = buildRunReport([certified], at);
  assert.equal(report.schemaVersion, 2);
  assert.equal(familyModel(report, 'skm'), certified);
  assert.equal(familyModel(report, 'ncp-kms'), undefined);
});
