// The reporter end to end on a tiny inline suite: outputs written, statuses and verdicts from
// annotations and attachments, the environment masked, the summary printed last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { runInline, inlineTest, REPORTER, type InlineRun } from './inline-run.ts';

const APPKEY = 'AppKeyThatIsSecret9f3e';
const ACCESS_SECRET = 'SecretAccessKeyValue-7731';
const target = `profileVersion: 1
name: inline target
family: skm
baseUrl: https://127.0.0.1:9
apiVersions: [v1.0, v1.1, v1.2]
appkey: ${APPKEY}
credentials: { accessKeyId: AccessKeyIdValue-1, secretAccessKey: ${ACCESS_SECRET} }
keys: { secret: { id: s1 }, symmetric: { id: k1 }, asymmetric: { id: a1 } }
`;

const failure = (title: string, received: string) =>
  `throw Object.assign(new Error(${JSON.stringify(`${title}  [oracle success]\nExpected: a success envelope\nReceived: ${received}\nRequest:  GET https://127.0.0.1:9/keymanager/v1.0/appkey/****9f3e/secrets/s1\nResponse: HTTP 500 {"header":{"isSuccessful":false}}\nReproduce with:\n  curl -sS -X GET "https://127.0.0.1:9/keymanager/v1.0/appkey/****9f3e/secrets/s1"`)}), { name: 'ConformanceFailure' });`;

const spec = `import { test } from '@playwright/test';
import fc from 'fast-check';
test.describe('secret query', { annotation: { type: 'variant', description: 'v1.0' }, tag: '@v1.0' }, () => {
${inlineTest('returns the secret as a string', ['SKM-SCR-GET-001'], '', ['getSecret_v1_0'])}
${inlineTest('returns the stored value unchanged', ['SKM-SCR-GET-002'], failure('Secret value changed', `HTTP 500, leaking ${ACCESS_SECRET}`), ['getSecret_v1_0'])}
});
test.describe('symmetric encrypt v1.0', () => {
${inlineTest('accepts 32 KB', ['SKM-SYM-ENC-002'], "test.skip(true, 'not covered: the profile has no keys.symmetric');")}
${inlineTest('encrypts any text', ['SKM-SYM-RT-001'], `testInfo.annotations.push({ type: 'seed', description: '77 (runs 3)' });
  await fc.assert(fc.asyncProperty(fc.string(), async () => { ${failure('Roundtrip differs', 'another text')} }), { seed: 77, numRuns: 3 });`, ['symmetricEncrypt_v1_0', 'symmetricDecrypt_v1_0'])}
});
`;

let run: InlineRun;

test('an inline suite through the reporter', async (t) => {
  run = await runInline({ 'suites/a.spec.ts': spec, 'target.yaml': target }, [], { SKM_TARGET: 'target.yaml', SKM_PROFILES: 'core', SKM_SEED: '77' });

  await t.test('writes index.html, conformance.json and junit.xml', () => {
    for (const f of ['index.html', 'conformance.json', 'junit.xml']) assert.ok(statSync(join(run.reportDir, f)).size > 0, f);
  });

  await t.test('statuses come from annotations, results and attachments', () => {
    const status = (id: string) => run.model.requirements.find((r) => r.id === id)!.status;
    assert.equal(status('SKM-SCR-GET-001'), 'passed');
    assert.equal(status('SKM-SCR-GET-002'), 'failed');
    assert.equal(status('SKM-SYM-ENC-002'), 'not covered');
    assert.equal(status('SKM-SYM-RT-001'), 'failed');
    assert.deepEqual(run.model.requirements.find((r) => r.id === 'SKM-SYM-ENC-002')!.reasons, ['not covered: the profile has no keys.symmetric']);
    const core = run.model.profiles.find((p) => p.profile === 'core')!;
    assert.equal(core.verdict, 'failed');
    assert.deepEqual(core.failed.sort(), ['SKM-SCR-GET-002', 'SKM-SYM-RT-001']);
    assert.deepEqual(run.model.profiles.map((p) => p.profile), ['core']);
  });

  await t.test('variants come from the annotations of the test and its describes, never from titles', () => {
    const variants = (describe: string) => run.model.tests.filter((x) => x.titlePath[0] === describe).map((x) => x.variants);
    assert.deepEqual(variants('secret query'), [['v1.0'], ['v1.0']]);
    assert.deepEqual(variants('symmetric encrypt v1.0'), [[], []]);
  });

  await t.test('a failure keeps its evidence; a property failure is found in the cause', () => {
    const byTitle = (s: string) => run.model.tests.find((x) => x.titlePath.at(-1) === s)!;
    assert.equal(byTitle('returns the stored value unchanged').file, 'suites/a.spec.ts');
    const f = byTitle('returns the stored value unchanged').failure!;
    assert.equal(f.title, 'Secret value changed');
    assert.equal(f.oracle, 'success');
    assert.match(f.reproduce!, /^curl -sS -X GET/);
    const p = byTitle('encrypts any text');
    assert.equal(p.failure!.title, 'Roundtrip differs');
    assert.match(p.failure!.message, /seed: 77/);
    assert.deepEqual(p.notes, [{ type: 'seed', description: '77 (runs 3)' }]);
    assert.deepEqual(p.operationCounts, { symmetricEncrypt_v1_0: 1, symmetricDecrypt_v1_0: 1 });
  });

  await t.test('the matrix reflects the exchanges', () => {
    const cell = (op: string) => run.model.matrix.rows.find((r) => r.operation === op)!.cells.find((c) => c.version === 'v1.0')!.status;
    assert.equal(cell('getSecret'), 'failed');
    assert.equal(cell('symmetricEncrypt'), 'failed');
    assert.equal(cell('getPublicKey'), 'not covered');
  });

  await t.test('the environment names the target with its appkey masked, the seed and the command', () => {
    const env = run.model.environment;
    assert.equal(env.target!.name, 'inline target');
    assert.equal(env.target!.credential, '****9f3e');
    assert.deepEqual(env.seeds, ['77']);
    assert.equal(env.command, 'npx kms-conformance run --target target.yaml --profile core --seed 77');
    assert.match(env.harness.version, /^\d+\.\d+\.\d+/);
  });

  await t.test('no profile secret reaches any output file (masked even when a test leaks it)', () => {
    for (const f of readdirSync(run.reportDir)) {
      const text = readFileSync(join(run.reportDir, f), 'utf8');
      assert.ok(!text.includes(APPKEY), `${f} has the appkey`);
      assert.ok(!text.includes(ACCESS_SECRET), `${f} has the secret access key`);
    }
    assert.match(run.model.tests.find((x) => x.status === 'failed')!.failure!.message, /leaking \[masked secretAccessKey\]/);
  });

  await t.test('junit.xml carries one testcase per test', () => {
    assert.equal(run.junit.match(/<testcase /g)?.length, 4);
    assert.equal(run.junit.match(/<failure /g)?.length, 2);
  });
});

test('the run ends by printing the path of index.html and a verdict line per profile', async () => {
  const config = `import { defineConfig } from '@playwright/test';
export default defineConfig({ projects: [{ name: 'skm', testDir: 'suites' }], reporter: [['line'], ['${REPORTER}', { outputDir: 'out/report' }]] });
`;
  const r = await runInline({ 'playwright.config.ts': config, 'suites/a.spec.ts': `import { test } from '@playwright/test';\n${inlineTest('passes', ['SKM-SCR-GET-001'], '')}` }, [], { SKM_PROFILES: 'core,security' }, 'out/report');
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), `Conformance report: ${join(r.dir, 'out/report/index.html')}`);
  assert.match(lines.at(-3)!, /^ {4}core +not certified: \d+ MUST could not run/);
  assert.match(lines.at(-2)!, /^ {4}security +not certified/);
  assert.match(lines.at(-4)!, /^ {2}NHN Cloud Secure Key Manager .*\(skm\): not certified$/);
});
