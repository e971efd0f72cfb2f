// The name of the attachment that carries a test's failure as data (harness/test.ts writes it,
// reports/test-record.ts and harness/run-suites.ts read it).
export const FAILURE_ATTACHMENT = 'conformance-failure';
