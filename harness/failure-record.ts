// The auto fixture every family's `test` runs around each test: the failure that ended the test, as
// data (whom it blames, requirements or the precondition, and its evidence), attached for the reporter
// to read instead of parsing the error's text. A test ended by nothing but that failure keeps its
// worker (harness/recorded-failure.ts). Use: `failureRecord: [recordFailure, { auto: true }]`.
import type { TestInfo } from '@playwright/test';
import { takeLastFailure } from './oracles/conformance-failure.ts';
import { FAILURE_ATTACHMENT } from './failure-attachment.ts';
import { mayKeepWorker } from './recorded-failure.ts';

// Playwright reads a fixture's dependencies from its destructuring pattern: none here.
// eslint-disable-next-line no-empty-pattern
export async function recordFailure({}: object, use: () => Promise<void>, testInfo: TestInfo): Promise<void> {
  takeLastFailure();
  await use();
  const failure = takeLastFailure();
  if (testInfo.status === testInfo.expectedStatus || !failure) return;
  await testInfo.attach(FAILURE_ATTACHMENT, { contentType: 'application/json', body: JSON.stringify(failure.data()) });
  if (mayKeepWorker(testInfo, failure.message)) testInfo.expectedStatus = 'failed';
}
