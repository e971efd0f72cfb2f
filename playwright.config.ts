// The conformance run: one Playwright project per registered family (families/registry.ts), its suites
// in families/<id>/suites/, against <PREFIX>_TARGET or the family's embedded mock (harness/global-setup.ts).
// `--project <id>` runs one family; the CLI also sets CONFORMANCE_FAMILIES so that only its setup runs.
import { defineConfig } from '@playwright/test';
import { positiveInt } from './cli/args.ts';
import { ConfigError, CONFIG_ERROR_EXIT } from './harness/config-error.ts';
import { FAMILY_IDS } from './families/registry.ts';
import { suitesDir } from './harness/family-plugin.ts';

/** SKM_WORKERS, checked here: Playwright waits forever for NaN workers. */
function workers(): number {
  try {
    return positiveInt(process.env.SKM_WORKERS || undefined, 'SKM_WORKERS') ?? 2;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`kms-conformance: ${e.message}`);
    process.exit(CONFIG_ERROR_EXIT);
  }
}

export default defineConfig({
  projects: FAMILY_IDS.map((id) => ({ name: id, testDir: suitesDir(id) })),
  outputDir: 'out/test-results',
  // A passing test leaves nothing behind, not even an empty folder per test.
  preserveOutput: 'failures-only',
  globalSetup: './harness/global-setup.ts',
  fullyParallel: true,
  workers: workers(),
  timeout: 60_000,
  retries: 0,
  // The conformance reporter comes first: it turns a conformance failure, which keeps its worker, back
  // into a failure before the other reporters see it (harness/recorded-failure.ts).
  reporter: [['./reports/conformance-reporter.ts'], [process.env.CI ? 'dot' : 'line'], ['html', { outputFolder: 'out/playwright-report', open: 'never' }], ...(process.env.SKM_BLOB_DIR ? [['blob', { outputDir: process.env.SKM_BLOB_DIR }] as const] : [])],
});
