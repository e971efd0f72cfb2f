// The reporter with two families' projects: a model per family, and an error outside tests (here a
// worker fixture's teardown) masked with every family's secrets, whichever family's section shows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInline, inlineTest, REPORTER, ROOT } from './inline-run.ts';

const NCP_SECRET = 'NcpSecretKeyThatMustNotShow-4711';
const NCP_ENV = Object.fromEntries(
  ['NCP_ACCESS_KEY', 'NCP_APIGW_API_KEY', 'NCP_KMS_AES_KEY_TAG', 'NCP_KMS_AES_SECOND_KEY_TAG', 'NCP_KMS_AES_V1_CIPHERTEXT', 'NCP_KMS_AES_V2_CIPHERTEXT',
    'NCP_KMS_CONVERGENT_KEY_TAG', 'NCP_KMS_ECDSA_KEY_TAG', 'NCP_KMS_RSA_KEY_TAG'].map((name) => [name, `${name.toLowerCase()}-value`]),
);

const config = `import { defineConfig } from '@playwright/test';
export default defineConfig({ projects: [{ name: 'skm', testDir: 'suites/skm' }, { name: 'ncp-kms', testDir: 'suites/ncp' }], reporter: [['${REPORTER}', { outputDir: 'report', quiet: true }]] });
`;
const passing = (id: string) => `import { test } from '@playwright/test';\n${inlineTest('passes', [id], '')}`;

test('two families in one run: a model each, and an error outside tests masked with every family\'s secrets', async () => {
  const run = await runInline(
    {
      'playwright.config.ts': config,
      'suites/skm/a.spec.ts': passing('SKM-SCR-GET-001'),
      'suites/skm/teardown.spec.ts': `import { test as base } from '@playwright/test';
const test = base.extend<{}, { leaky: void }>({
  leaky: [async ({}, use) => { await use(); throw new Error('teardown leaked ${NCP_SECRET}'); }, { scope: 'worker', auto: true }],
});
${inlineTest('passes', ['SKM-SCR-GET-002'], '')}`,
      'suites/ncp/b.spec.ts': passing('NCP-ENC-RT-001'),
    },
    [],
    { ...NCP_ENV, NCP_SECRET_KEY: NCP_SECRET, NCP_KMS_TARGET: join(ROOT, 'families/ncp-kms/targets/example-ncp-kms.yaml'), CONFORMANCE_FAMILIES: 'skm,ncp-kms' },
  );
  assert.deepEqual(run.report.families.map((m) => m.family.id), ['skm', 'ncp-kms']);
  for (const m of run.report.families) {
    assert.ok(m.environment.errors.some((e) => e.includes('teardown leaked')), `${m.family.id} shows the error`);
    assert.ok(!m.environment.errors.some((e) => e.includes(NCP_SECRET)), `${m.family.id} masks the NCP secret`);
  }
  for (const f of readdirSync(run.reportDir)) assert.ok(!readFileSync(join(run.reportDir, f), 'utf8').includes(NCP_SECRET), f);
});
