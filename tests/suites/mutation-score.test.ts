// The suites' own worth, in both directions.
// - Against the clean mock, in each personality (the reference and the alternate readings of every
//   ambiguity, with an unpinned profile) and each error transport, every test passes, and as many
//   pass in each: a correct service gets no failure, and no test is skipped to get there.
// - Against the mock with one deviation switched on, a requirement the fault violates fails, and no
//   requirement outside the fault's list does (one fault, one blame), among the tests of its
//   requirements (every test with SKM_MUTATION_SCOPE=full). Prints the failed requirements per
//   fault, their median and maximum, and the mutation score.
// - With one operation dead (refusing everything), no requirement about that operation is passed:
//   a refusal judged without its control, or a check that never saw the operation work, would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS, type Fault } from '../../mock/faults.ts';
import { PERSONALITIES } from '../../mock/personality.ts';
import { runSuites, type SuiteRun } from '../../harness/run-suites.ts';
import { grepForRequirements } from '../../harness/requirements.ts';

const PARALLEL_RUNS = 2;
// Mutation runs only need the tests to fail where they should: properties run shorter there. The
// clean runs draw more (the full default draw runs in tests/cli/conformance-run.test.ts).
const SHORT = { SKM_ROBUSTNESS_RUNS: '20', SKM_RUNS: '5', SKM_WORKERS: '1' };
const CLEAN = { SKM_ROBUSTNESS_RUNS: '60' };

function summary(run: SuiteRun): string {
  const count = (s: string) => run.outcomes.filter((o) => o.status === s).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}

function failedRequirements(run: SuiteRun): string[] {
  return [...run.requirements].filter(([, status]) => status === 'failed').map(([id]) => id);
}

async function eachInParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
}

const passedCounts = new Map<string, number>();
// The clean reference run: which tests call which operation.
let cleanRun: SuiteRun | undefined;
for (const personality of PERSONALITIES) {
  for (const transport of ['http4xx', 'http200'] as const) {
    test(`the clean mock passes every test (${personality} personality, error transport ${transport})`, async () => {
      const run = await runSuites([], { ...CLEAN, SKM_MOCK_PERSONALITY: personality, SKM_MOCK_ERROR_TRANSPORT: transport });
      console.log(`clean mock, ${personality}, ${transport}: ${summary(run)}`);
      assert.ok(run.outcomes.length > 100, `too few tests ran: ${run.outcomes.length}\n${run.stderr.slice(-2000)}`);
      assert.deepEqual(run.outcomes.filter((o) => o.status === 'failed').map((o) => `${o.title}: ${o.message}`), []);
      // A failed positive control ends its test as "not covered": on a correct service, none may.
      assert.deepEqual(run.outcomes.filter((o) => o.status === 'skipped').map((o) => `${o.title}: ${o.message}`), []);
      assert.equal(run.exitCode, 0, run.stderr.slice(-2000));
      const passed = run.outcomes.filter((o) => o.status === 'passed').length;
      for (const [other, n] of passedCounts) assert.equal(passed, n, `${personality}/${transport} passed ${passed} tests, ${other} ${n}: a personality must not get there by skipping`);
      passedCounts.set(`${personality}/${transport}`, passed);
      if (personality === 'reference') cleanRun ??= run;
    });
  }
}

const deviations = FAULTS.filter((f): f is Fault & { kind: 'deviation' } => f.kind === 'deviation');
const deadOperations = FAULTS.filter((f) => f.kind === 'dead-operation');

// By default each deviation runs the tests of the requirements it violates (which is where bundled
// checks would blame the wrong requirement); SKM_MUTATION_SCOPE=full runs every test for every fault.
const FULL = process.env.SKM_MUTATION_SCOPE === 'full';

test(`every deviation is caught by a requirement it violates, and fails no other requirement (${FULL ? 'every test' : 'the tests of its requirements'})`, async () => {
  const missed: string[] = [];
  const blamedOutside: string[] = [];
  const failedPerFault: number[] = [];
  await eachInParallel(deviations, async (fault) => {
    const run = await runSuites(FULL ? [] : ['--grep', grepForRequirements(fault.requirements)], { ...SHORT, SKM_MOCK_FAULTS: fault.name });
    const failed = failedRequirements(run);
    const own = new Set<string>(fault.requirements);
    const outside = failed.filter((id) => !own.has(id));
    failedPerFault.push(failed.length);
    console.log(`${failed.some((id) => own.has(id)) ? 'caught' : 'MISSED'} ${fault.name}: ${failed.length} requirement(s) failed [${failed.join(', ')}]; ${summary(run)}`);
    if (!failed.some((id) => own.has(id))) missed.push(`${fault.name} (${fault.requirements.join(', ')}): ${summary(run)} ${run.stderr.slice(-300)}`);
    if (outside.length > 0) blamedOutside.push(`${fault.name} also failed ${outside.join(', ')}`);
  });
  const sorted = [...failedPerFault].sort((a, b) => a - b);
  console.log(`mutation score: ${deviations.length - missed.length}/${deviations.length}; failed requirements per fault: median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}`);
  assert.deepEqual(missed, []);
  assert.deepEqual(blamedOutside, []);
});

test('with an operation dead, no requirement about it is reported passed', async () => {
  const clean = cleanRun ?? (await runSuites([], SHORT));
  const wronglyPassed: string[] = [];
  await eachInParallel(deadOperations, async (fault) => {
    const op = fault.operation!;
    // Only the tests that call the operation can tell; a requirement about it is one the catalogue
    // names it for and whose tests call it.
    const callers = clean.outcomes.filter((o) => o.operations.includes(op)).map((o) => o.listed);
    const about = fault.requirements.filter((id) => clean.exercised.get(id)?.has(op));
    const run = await runSuites([], { ...SHORT, SKM_MOCK_FAULTS: fault.name }, callers);
    const count = (s: string) => about.filter((id) => run.requirements.get(id) === s).length;
    const passed = about.filter((id) => run.requirements.get(id) === 'passed');
    console.log(`${fault.name}: ${callers.length} tests call it; of ${about.length} requirements about it, ${count('failed')} failed, ${count('not covered')} not covered, ${passed.length} passed${passed.length ? ` [${passed.join(', ')}]` : ''}`);
    if (about.length === 0 || run.outcomes.length === 0) wronglyPassed.push(`${fault.name}: no test of a requirement about it ran\n${run.stderr.slice(-300)}`);
    if (passed.length > 0) wronglyPassed.push(`${fault.name}: ${passed.join(', ')} passed`);
  });
  assert.deepEqual(wronglyPassed, []);
});
