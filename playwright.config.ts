// The conformance run: every suite under suites/, against SKM_TARGET or the embedded mock.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'suites',
  outputDir: 'out/test-results',
  globalSetup: './harness/global-setup.ts',
  fullyParallel: true,
  workers: process.env.SKM_WORKERS ? Number(process.env.SKM_WORKERS) : 2,
  timeout: 60_000,
  retries: 0,
  reporter: [[process.env.CI ? 'dot' : 'line'], ['html', { outputFolder: 'out/playwright-report', open: 'never' }], ['./reports/conformance-reporter.ts'], ...(process.env.SKM_BLOB_DIR ? [['blob', { outputDir: process.env.SKM_BLOB_DIR }] as const] : [])],
});
