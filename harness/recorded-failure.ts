// A conformance failure is a finding about the target, recorded as data (the conformance-failure
// attachment), not a crash of the harness. Playwright discards its worker after every test whose
// status is not the expected one, and a new worker takes seconds to start; a target failing most tests
// made a run over ten times slower. So a test ended by a conformance failure, and by nothing else, is
// marked expected-to-fail inside its worker, which keeps the worker. The conformance reporter, first of
// the run's reporters, marks it expected-to-pass again on its arrival in the runner, before any other
// reporter or the runner's exit status sees it: everything downstream reports a failure.
// Any other error (a bug, a timeout) keeps Playwright's default, a fresh worker.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestInfo, TestInfoError } from '@playwright/test';
import type { TestCase, TestResult } from '@playwright/test/reporter';
import { FAILURE_ATTACHMENT } from './failure-attachment.ts';

/** The conformance reporter, as Playwright resolves a reporter path in its configuration. */
export const CONFORMANCE_REPORTER = fileURLToPath(new URL('../reports/conformance-reporter.ts', import.meta.url));

/** Whether the error, or one of its causes (fast-check wraps a property's failure), is the failure. */
function isOrWraps(error: TestInfoError | undefined, failureMessage: string): boolean {
  for (let e = error; e; e = e.cause) if (e.message?.includes(failureMessage)) return true;
  return false;
}

/** Worker side: whether the test may end expected-to-fail, keeping its worker. Only when every error of
 *  the test is the conformance failure, and only when the conformance reporter runs first, to undo it. */
export function mayKeepWorker(testInfo: TestInfo, failureMessage: string): boolean {
  const first = testInfo.config.reporter[0]?.[0];
  const undone = first !== undefined && resolve(testInfo.config.rootDir, first) === CONFORMANCE_REPORTER;
  return undone && testInfo.status === 'failed' && testInfo.errors.length > 0 && testInfo.errors.every((e) => isOrWraps(e, failureMessage));
}

/** Runner side: turns a test the worker kept going after its conformance failure into a failure again. */
export function restoreFailure(test: TestCase, result: TestResult): void {
  const kept = test.expectedStatus === 'failed' && result.status === 'failed' && result.attachments.some((a) => a.name === FAILURE_ATTACHMENT);
  if (kept) test.expectedStatus = 'passed';
}
