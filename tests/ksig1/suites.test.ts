// The KSig1 suites' own worth, in both directions, against the family's embedded mock.
// - Clean, in both personalities (the reference pinned, the alternate unpinned, another joining rule):
//   every test passes, none is skipped, as many pass in each; every MUST of the catalogue has a test, and
//   every test names its requirements and the KSig1 variant; no secret key, auth token or signature
//   appears unmasked in any output.
// - With one fault on, the tests of the requirements it violates (tags, --grep) fail at least one test
//   naming such a requirement. A sample of the faults, one or two per kind, runs by default (the whole
//   file: 60 s on two cores under a load of 10); KSIG1_MUTATION=full runs all 18 (90 s, same load).
//   Two runs at a time, each stopping at its first failure: a failed test costs its worker (keeping it
//   needs the SKM conformance reporter first, harness/recorded-failure.ts), and one caught test is the proof.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grepForCatalogueIds } from '../../harness/catalogue-requirements.ts';
import { FAULTS, PERSONALITIES } from '../../families/ksig1/mock/index.ts';
import { loadCatalogue } from '../../families/ksig1/spec/catalogue.ts';
import { inParallel, runKsig1Suites, type SuiteRun } from './suite-runs.ts';

const catalogue = loadCatalogue();
const SAMPLE = [
  'signature-unchecked', 'secret-not-decoded', 'wrong-code-invalid-header', 'wrong-code-signature-mismatch', 'refusal-200',
  'missing-header-500', 'signed-elements-ignored', 'conditional-header-as-empty', 'revoked-key-accepted', 'generic-messages',
];
const FULL = process.env.KSIG1_MUTATION === 'full';
const PARALLEL_RUNS = 2;

const passedCounts = new Map<string, number>();
// Both clean runs start at once: node:test runs the tests of a file one after the other. A rejection is
// the test's failure, not the file's.
const cleanRuns = new Map(PERSONALITIES.map((p) => [p, runKsig1Suites({ personality: p })] as const));
for (const run of cleanRuns.values()) run.catch(() => undefined);

/** What an Authorization value may show: its scheme word and masks, never a run of Base64 long enough to be a signature. */
const SIGNATURE_LIKE = /[A-Za-z0-9+/]{20,}={0,2}/;

/** No secret key or auth token of the mock's accounts, and no signature, in anything the run wrote. */
function assertMasked(run: SuiteRun, what: string): void {
  for (const secret of run.secrets) assert.ok(!run.output.includes(secret), `${what}: a secret key or auth token appears unmasked in the output`);
  const authorizations = [...run.output.matchAll(/Authorization\\?"?:\s*\\?"?([^"\\\n']*)/g)].map((m) => m[1]);
  assert.ok(authorizations.length > 0, `${what}: no Authorization header in the evidence to check`);
  assert.deepEqual(authorizations.filter((a) => SIGNATURE_LIKE.test(a.replace(/\[masked[^\]]*\]/g, ''))), [], `${what}: an unmasked signature in the evidence`);
}

for (const personality of PERSONALITIES) {
  test(`the clean mock passes every test (${personality} personality)`, async () => {
    const run = await cleanRuns.get(personality)!;
    const passed = run.tests.filter((t) => t.status === 'passed').length;
    console.log(`clean mock, ${personality}: ${passed} passed, ${run.tests.length - passed} other`);
    assert.ok(run.tests.length > 40, `too few tests: ${run.tests.length}\n${run.stderr.slice(-2000)}`);
    assert.deepEqual(run.tests.filter((t) => t.status !== 'passed').map((t) => `${t.title}: ${t.status} ${t.message ?? ''}`), []);
    assert.equal(run.exitCode, 0, run.stderr.slice(-2000));
    for (const [other, n] of passedCounts) assert.equal(passed, n, `${personality} passed ${passed}, ${other} ${n}`);
    passedCounts.set(personality, passed);
    assertMasked(run, `clean ${personality}`);
  });
}

test('every MUST has a test, and every test names its requirements and the KSig1 variant', async () => {
  const run = await cleanRuns.get('reference')!;
  const tested = new Set(run.tests.flatMap((t) => t.requirements));
  const musts = catalogue.requirements.filter((r) => r.level === 'MUST').map((r) => r.id);
  assert.deepEqual(musts.filter((id) => !tested.has(id)), []);
  assert.deepEqual(run.tests.filter((t) => t.requirements.length === 0 || t.variants.join() !== 'KSig1').map((t) => t.title), []);
  console.log(`MUSTs with a test: ${musts.length}/${musts.length}; requirements with a test: ${tested.size}/${catalogue.requirements.length}`);
});

test(`every fault${FULL ? '' : ' of the sample'} fails a test of a requirement it violates`, async () => {
  const faults = FULL ? FAULTS : FAULTS.filter((f) => SAMPLE.includes(f.name));
  assert.equal(faults.length, FULL ? FAULTS.length : SAMPLE.length, 'a sampled fault is not in the mock');
  const missed: string[] = [];
  await inParallel(faults, PARALLEL_RUNS, async (fault) => {
    const run = await runKsig1Suites({ faults: [fault.name], args: ['--workers=1', '--max-failures=1', '--grep', grepForCatalogueIds(fault.requirements)] });
    const caught = run.tests.filter((t) => (t.status === 'failed' || t.status === 'timedOut') && t.requirements.some((id) => fault.requirements.includes(id)));
    const lines = caught.map((t) => `    ${t.title} [blames ${t.blamed.join(', ')}]: ${t.message ?? ''}`);
    console.log(`fault ${fault.name}: ${caught.length ? `caught by ${caught.length} of ${run.tests.length} tests` : `MISSED (${run.tests.length} tests ran)`}\n${lines.join('\n')}`);
    if (caught.length === 0) missed.push(`${fault.name} (violates ${fault.requirements.join(', ')})`);
    assertMasked(run, `fault ${fault.name}`);
  });
  assert.deepEqual(missed, []);
});
