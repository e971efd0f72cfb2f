// The KSig1 conformance run: every suite under suites/, against KSIG1_TARGET or the family's embedded
// mock (harness/global-setup.ts). `npx playwright test -c families/ksig1/playwright.config.ts`.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'suites',
  outputDir: '../../out/ksig1/test-results',
  preserveOutput: 'failures-only',
  globalSetup: './harness/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  retries: 0,
  reporter: [[process.env.CI ? 'dot' : 'line']],
});
