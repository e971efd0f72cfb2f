// The NAVER Cloud KMS conformance run: every suite under suites/, against NCP_KMS_TARGET or the family's
// embedded mock (harness/global-setup.ts). `npx playwright test -c families/ncp-kms/playwright.config.ts`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'suites',
  outputDir: '../../out/ncp-kms/test-results',
  preserveOutput: 'failures-only',
  globalSetup: './harness/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  retries: 0,
  reporter: [[process.env.CI ? 'dot' : 'line']],
});
