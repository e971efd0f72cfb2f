// The NAVER Cloud KMS suites' own worth, in both directions, against the family's embedded mock.
// - Clean, in both personalities (the reference pinned, the alternate unpinned): every test passes, none
//   is skipped, as many pass in each; every MUST of the catalogue has a test, and every test names its
//   requirements and variants; no secret of the account, no signature, appears in any output.
// - With one fault on, the tests of the requirements it violates (tags, --grep) fail at least one test
//   naming such a requirement; the failed tests are printed per fault. Two runs at a time. A sample of
//   the faults, one or two per kind, runs by default; NCP_KMS_MUTATION=full runs every fault (about
//   10 to 15 minutes on two cores; 73 of 73 caught when last run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { grepForCatalogueIds } from '../../harness/catalogue-requirements.ts';
import { faultCatalogue, PERSONALITIES } from '../../families/ncp-kms/mock/index.ts';
import { loadCatalogue } from '../../families/ncp-kms/spec/catalogue.ts';
import { inParallel, runNcpSuites, type SuiteRun } from './suite-runs.ts';

const catalogue = loadCatalogue();
const FAULTS = faultCatalogue(catalogue.requirements);
const SAMPLE = [
  'success-code-ok', 'wrong-error-message', 'prefix-ignored', 'decrypt-ignores-tag', 'verify-always-true', 'limit-off-by-one',
  'list-order-reversed', 'convergent-random', 'disabled-version-usable', 'signature-unchecked', 'window-one-minute',
  'wrong-type-breaks-service', 'error-echoes-input', 'dead-v1',
];
const FULL = process.env.NCP_KMS_MUTATION === 'full';
const PARALLEL_RUNS = 2;
// Fault runs only need the right tests to fail: shorter properties, one worker each (two runs share the cores).
const FAULT_RUN = { args: ['--workers=1'], env: { SKM_RUNS: '3' } };

const passedCounts = new Map<string, number>();
// Both clean runs start at once (two processes, as the fault runs after them): node:test runs the tests
// of a file one after the other. A rejection is the test's failure, not the file's.
const cleanRuns = new Map(PERSONALITIES.map((p) => [p, runNcpSuites({ personality: p })] as const));
for (const run of cleanRuns.values()) run.catch(() => undefined);
const clean = (personality: string): Promise<SuiteRun> => cleanRuns.get(personality as (typeof PERSONALITIES)[number])!;

/** No secret of the account, and no signature header value, in anything the run wrote. */
function assertMasked(run: SuiteRun, what: string): void {
  for (const secret of run.secrets) assert.ok(!run.output.includes(secret), `${what}: a credential of the account appears unmasked in the output`);
  const signatures = [...run.output.matchAll(/"x-ncp-apigw-signature-v[12]":\s*"([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(signatures.filter((s) => s !== '[masked signature]'), [], `${what}: an unmasked signature in the evidence`);
}

for (const personality of PERSONALITIES) {
  test(`the clean mock passes every test (${personality} personality)`, async () => {
    const run = await clean(personality);
    const by = (status: string) => run.tests.filter((t) => t.status === status);
    console.log(`clean mock, ${personality}: ${by('passed').length} passed, ${run.tests.length - by('passed').length} other`);
    assert.ok(run.tests.length > 100, `too few tests: ${run.tests.length}\n${run.stderr.slice(-2000)}`);
    assert.deepEqual(run.tests.filter((t) => t.status !== 'passed').map((t) => `${t.title}: ${t.status} ${t.message ?? ''}`), []);
    assert.equal(run.exitCode, 0, run.stderr.slice(-2000));
    for (const [other, n] of passedCounts) assert.equal(by('passed').length, n, `${personality} passed ${by('passed').length}, ${other} ${n}`);
    passedCounts.set(personality, by('passed').length);
    assertMasked(run, `clean ${personality}`);
  });
}

test('a suite judges a refusal only through the control-first check (it imports no refusal oracle)', () => {
  const dir = new URL('../../families/ncp-kms/suites/', import.meta.url);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 5);
  const importing = files.filter((f) => /from '[^']*(refusal-oracles|oracles\/refusal)\.ts'/.test(readFileSync(new URL(f, dir), 'utf8')));
  assert.deepEqual(importing, []);
});

test('every MUST has a test, and every test names its requirements and variants', async () => {
  const run = await clean('reference');
  const tested = new Set(run.tests.flatMap((t) => t.requirements));
  const musts = catalogue.requirements.filter((r) => r.level === 'MUST').map((r) => r.id);
  assert.deepEqual(musts.filter((id) => !tested.has(id)), []);
  assert.deepEqual(run.tests.filter((t) => t.requirements.length === 0 || t.variants.length === 0).map((t) => t.title), []);
  console.log(`MUSTs with a test: ${musts.length}/${musts.length}; requirements with a test: ${tested.size}/${catalogue.requirements.length}`);
});

test(`every fault${FULL ? '' : ' of the sample'} fails a test of a requirement it violates`, async () => {
  const faults = FULL ? FAULTS : FAULTS.filter((f) => SAMPLE.includes(f.name));
  assert.equal(faults.length, FULL ? FAULTS.length : SAMPLE.length, 'a sampled fault is not in the mock');
  const missed: string[] = [];
  await inParallel(faults, PARALLEL_RUNS, async (fault) => {
    const run = await runNcpSuites({ faults: [fault.name], ...FAULT_RUN, args: [...FAULT_RUN.args, '--grep', grepForCatalogueIds(fault.requirements)] });
    const failed = run.tests.filter((t) => t.status === 'failed' || t.status === 'timedOut');
    const caught = failed.filter((t) => t.requirements.some((id) => fault.requirements.includes(id)));
    const lines = caught.map((t) => `    ${t.title} [blames ${t.blamed.join(', ')}]: ${t.message ?? ''}`);
    console.log(`fault ${fault.name}: ${caught.length ? `caught by ${caught.length} of ${run.tests.length} tests` : `MISSED (${run.tests.length} tests ran)`}\n${lines.join('\n')}`);
    if (caught.length === 0) missed.push(`${fault.name} (violates ${fault.requirements.join(', ')})`);
    assertMasked(run, `fault ${fault.name}`);
  });
  assert.deepEqual(missed, []);
});
