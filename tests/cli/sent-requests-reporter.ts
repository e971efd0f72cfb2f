// A Playwright reporter for tests/cli/versions.test.ts: per test, its variants, its status, and the
// operation and URL of every request it sent (the exchanges the skm fixture attaches), written as
// JSON to $SENT_REQUESTS_FILE. Bodies are left out: a robustness test sends 16 MiB ones.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { exchangesOf } from '../../reports/test-record.ts';
import { variantsOf } from '../../harness/variants.ts';

export interface SentRequests {
  title: string;
  variants: string[];
  status: string;
  requests: { operationId?: string; url: string }[];
}

export default class SentRequestsReporter implements Reporter {
  private readonly tests: SentRequests[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const requests = exchangesOf(result).map((e) => ({ operationId: e.operationId, url: e.request?.url ?? '' }));
    this.tests.push({ title: test.titlePath().slice(2).join(' › '), variants: variantsOf(test.annotations), status: result.status, requests });
  }

  onEnd(): void {
    writeFileSync(process.env.SENT_REQUESTS_FILE!, JSON.stringify(this.tests));
  }
}
