// The suites' own worth: against the clean mock (in each error transport) every test passes; against
// the mock with any one fault switched on, at least one test tied to a requirement that fault
// violates fails. Prints the mutation score (caught / faults).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULTS } from '../../mock/faults.ts';
import { runSuites, type SuiteRun } from '../../harness/run-suites.ts';
import { grepForRequirements } from '../../harness/requirements.ts';

const PARALLEL_RUNS = 2;

function summary(run: SuiteRun): string {
  const count = (s: string) => run.outcomes.filter((o) => o.status === s).length;
  return `${count('passed')} passed, ${count('failed') + count('timedOut')} failed, ${count('skipped')} skipped`;
}

function failures(run: SuiteRun): string[] {
  return run.outcomes.filter((o) => o.status !== 'passed' && o.status !== 'skipped').map((o) => `${o.title}: ${(o.message ?? '').split('\n').slice(0, 3).join(' | ')}`);
}

for (const transport of ['http4xx', 'http200'] as const) {
  test(`the clean mock passes every test (error transport ${transport})`, async () => {
    const run = await runSuites([], { SKM_MOCK_ERROR_TRANSPORT: transport });
    console.log(`clean mock, ${transport}: ${summary(run)}`);
    assert.ok(run.outcomes.length > 100, `too few tests ran: ${run.outcomes.length}\n${run.stderr.slice(-2000)}`);
    assert.deepEqual(failures(run), []);
    assert.equal(run.exitCode, 0, run.stderr.slice(-2000));
  });
}

test('every fault of the mock is caught by a test of a requirement it violates', async () => {
  const missed: string[] = [];
  const queue = [...FAULTS];
  const worker = async () => {
    for (let fault = queue.shift(); fault; fault = queue.shift()) {
      // One failing test is enough to call a fault caught.
      const run = await runSuites(['--grep', grepForRequirements(fault.requirements), '--max-failures=1'], { SKM_MOCK_FAULTS: fault.name, SKM_WORKERS: '1' });
      const caught = run.outcomes.filter((o) => (o.status === 'failed' || o.status === 'timedOut') && o.requirements.some((r) => (fault.requirements as readonly string[]).includes(r)));
      console.log(`${caught.length > 0 ? 'caught' : 'MISSED'} ${fault.name}: ${summary(run)}${caught.length > 0 ? `; first: ${caught[0].title}` : ''}`);
      if (caught.length === 0) missed.push(`${fault.name} (${fault.requirements.join(', ')}): ${summary(run)} ${run.stderr.slice(-300)}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_RUNS }, worker));
  console.log(`mutation score: ${FAULTS.length - missed.length}/${FAULTS.length}`);
  assert.deepEqual(missed, []);
});
