// How `run` turns its options into a Playwright invocation: profiles through tags, API versions
// through the tests' variants (never their titles), every output under --out, the seed always fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startNcpKmsMock } from '../../families/ncp-kms/mock/index.ts';
import { grepForVariants } from '../../harness/variants.ts';
import { planRun, type RunPlan } from '../../cli/run.ts';
import { selection } from '../../cli/selection.ts';
import { listSuiteTests } from '../../harness/test-listing.ts';

// Playwright matches --grep against the title path and the tags, joined by spaces.
const title = (path: string, tags: string) => `${path} ${tags}`;
const sample = [
  title('secret query returns the secret as a string', '@core @SKM-SCR-GET-001 @v1.0'),
  title('secret query returns the secret as a string', '@core @SKM-SCR-GET-001 @v1.2'),
  title('getSymmetricKey_v1_1 client authentication a MAC store refuses', '@client-auth @SKM-CAU-MAC-001 @v1.1 @v1.2'),
  title('a new key starts at version 0', '@managed @SKM-MGT-KEY-001 @v1.2'),
  // The title names v1.0, the test calls v1.2: the title says nothing.
  title('v1.0: errors do not echo submitted plaintext or secrets', '@security @SKM-SEC-ECHO-001 @v1.2'),
  title('a v1.0 ciphertext decrypts through v1.2 and the other way round', '@managed @SKM-MGT-DATA-001 @v1.0 @v1.2'),
];

function selected(sel: { grep?: string; grepInvert?: string }): string[] {
  return sample.filter((t) => (!sel.grep || new RegExp(sel.grep).test(t)) && !(sel.grepInvert && new RegExp(sel.grepInvert).test(t)));
}

test('profiles select by tag, versions by every variant a test calls, grep narrows both', async () => {
  assert.deepEqual(selected(selection(['core'], undefined, undefined)), sample.slice(0, 2));
  assert.deepEqual(selected(selection(undefined, ['v1.0'], undefined)), [sample[0]]);
  assert.deepEqual(selected(selection(undefined, ['v1.2'], undefined)), [sample[1], sample[3], sample[4]]);
  assert.deepEqual(selected(selection(undefined, ['v1.1', 'v1.2'], undefined)), [sample[1], sample[2], sample[3], sample[4]]);
  assert.deepEqual(selected(selection(['core', 'client-auth'], ['v1.0', 'v1.1'], undefined)), [sample[0]]);
  assert.deepEqual(selected(selection(['core'], undefined, 'v1\\.2')), [sample[1]]);
  assert.deepEqual(selected(selection(undefined, undefined, 'new key')), [sample[3]]);
  assert.deepEqual(selection(undefined, ['v1.0', 'v1.1', 'v1.2'], undefined), {});
});

test('--versions v1.2 lists exactly the suites\' tests whose variants are all v1.2', async () => {
  const plan = (await planRun(['--versions', 'v1.2'], '/work', {})) as RunPlan;
  const invert = plan.args[plan.args.indexOf('--grep-invert') + 1];
  const key = (t: { file: string; title: string }) => `${t.file}: ${t.title}`;
  const all = listSuiteTests(['--project', 'skm']);
  const expected = all.filter((t) => t.variants.every((v) => v === 'v1.2')).map(key);
  const listed = listSuiteTests(['--project', 'skm', '--grep-invert', invert]).map(key);
  assert.ok(expected.length > 100 && expected.length < all.length, `${expected.length} of ${all.length}`);
  assert.deepEqual(listed, expected);
});

test('run puts every output under --out and fixes a seed', async () => {
  const plan = (await planRun(['--out', 'x/y', '--shard', '2/3', '--runs', '7'], '/work', {})) as RunPlan;
  assert.equal(plan.out, '/work/x/y');
  assert.equal(plan.env.SKM_REPORT_DIR, '/work/x/y');
  assert.equal(plan.env.PLAYWRIGHT_HTML_OUTPUT_DIR, join('/work/x/y', 'playwright-report'));
  assert.equal(plan.env.SKM_BLOB_DIR, join('/work/x/y', 'blob'));
  assert.equal(plan.env.SKM_RUNS, '7');
  assert.match(plan.env.SKM_SEED!, /^\d+$/);
  assert.equal(plan.env.SKM_TARGET, undefined, 'no target: the embedded mock');
  assert.deepEqual(plan.args.slice(-4), ['--output', join('/work/x/y', 'test-results'), '--shard', '2/3']);
  const shard = (await planRun(['--shard', '1/2'], '/work', {})) as RunPlan;
  assert.equal(shard.out, '/work/out/shard-1-of-2');
  assert.equal(((await planRun([], '/work', {})) as RunPlan).out, '/work/out/report');
});

test('run takes its workers from --workers, else SKM_WORKERS', async () => {
  assert.equal(((await planRun([], '/work', { SKM_WORKERS: '3' })) as RunPlan).env.SKM_WORKERS, '3');
  assert.equal(((await planRun(['--workers', '1'], '/work', { SKM_WORKERS: '3' })) as RunPlan).env.SKM_WORKERS, '1');
  assert.equal(((await planRun([], '/work', {})) as RunPlan).env.SKM_WORKERS, undefined, 'neither: the config\'s default');
  await assert.rejects(planRun([], '/work', { SKM_WORKERS: 'abc' }), /SKM_WORKERS needs a positive whole number, got "abc"/);
});

test('run asks only for API versions the target declares', async () => {
  const profile = join(import.meta.dirname, 'fixtures-v10.yaml');
  await assert.rejects(planRun(['--target', profile, '--versions', 'v1.2'], '/', {}), /--versions v1\.2: the skm target profile declares only v1\.0/);
  const plan = (await planRun(['--versions', 'v1.0'], '/', { SKM_TARGET: profile })) as RunPlan;
  assert.equal(plan.env.SKM_TARGET, profile, 'SKM_TARGET is the SKM family\'s target');
  assert.equal(plan.env.SKM_VERSIONS, 'v1.0');
});

const projects = (args: string[]) => args.flatMap((a, i) => (args[i - 1] === '--project' ? [a] : []));

test('the target profile names the family: an NCP KMS profile runs the ncp-kms project only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  const mock = await startNcpKmsMock({ quiet: true, profileDir: dir });
  try {
    const plan = (await planRun(['--target', mock.profilePath], '/', {})) as RunPlan;
    assert.deepEqual(plan.families, ['ncp-kms']);
    assert.deepEqual(projects(plan.args), ['ncp-kms']);
    assert.equal(plan.env.NCP_KMS_TARGET, mock.profilePath);
    assert.equal(plan.env.SKM_TARGET, undefined);
    assert.equal(plan.env.CONFORMANCE_FAMILIES, 'ncp-kms');
    await assert.rejects(planRun(['--target', mock.profilePath, '--family', 'skm'], '/', {}), /--family skm: the target profile is a ncp-kms profile/);
    await assert.rejects(planRun(['--target', mock.profilePath, '--versions', 'v1.2'], '/', {}), /unknown variant v1\.2 \(known: v1, v2\)/);
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--family and --profile choose the families; --versions narrows only the families whose variants it names', async () => {
  const all = (await planRun([], '/work', {})) as RunPlan;
  assert.deepEqual(all.families, ['skm', 'ncp-kms', 'ksig1']);
  assert.deepEqual(projects(all.args), [], 'every project');
  assert.deepEqual(((await planRun(['--family', 'ksig1,skm'], '/work', {})) as RunPlan).families, ['skm', 'ksig1']);
  assert.deepEqual(((await planRun(['--profile', 'gateway-auth'], '/work', {})) as RunPlan).families, ['ncp-kms']);
  const v1 = (await planRun(['--versions', 'v1'], '/work', {})) as RunPlan;
  assert.equal(v1.args[v1.args.indexOf('--grep-invert') + 1], grepForVariants(['v2']), 'SKM and KSig1 keep every variant');
  await assert.rejects(planRun(['--family', 'kmip'], '/work', {}), /unknown API family kmip \(known: skm, ncp-kms, ksig1\)/);
  await assert.rejects(planRun(['--family', 'ksig1', '--profile', 'managed'], '/work', {}), /unknown profile managed \(known: core, signed-elements, revocation, robustness\)/);
  await assert.rejects(planRun(['--target', join(import.meta.dirname, 'run-plan.test.ts')], '/work', {}), /target profile \S+run-plan\.test\.ts: (not valid YAML|field family is required)/);
});
