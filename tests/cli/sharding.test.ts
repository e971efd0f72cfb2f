// A run split over 2 and over 3 shards and merged gives the same verdicts and requirement statuses
// as the unsharded run (a reduced selection against the embedded mock with one fault, so passes,
// failures and not-covered requirements are all in it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './cli-run.ts';
import { tempDir } from '../temp-dir.ts';
import type { ConformanceModel } from '../../reports/model.ts';
import type { RunReport } from '../../reports/run-report.ts';

const SELECTION = ['--family', 'skm', '--profile', 'core,client-auth', '--versions', 'v1.0', '--grep', 'getSecret_v1_0|secret query v1\\.0|local key', '--seed', '1234', '--runs', '3'];
const ENV = { SKM_MOCK_FAULTS: 'wrong-message' };
const dir = tempDir('skm-shards-');

const read = (d: string): ConformanceModel => (JSON.parse(readFileSync(join(d, 'conformance.json'), 'utf8')) as RunReport).families[0];

function outcome(m: ConformanceModel) {
  return {
    verdicts: m.profiles.map((p) => ({ profile: p.profile, verdict: p.verdict, failed: p.failed, notCovered: p.notCovered, warnings: p.warnings })),
    requirements: Object.fromEntries(m.requirements.map((r) => [r.id, `${r.inScope ? '' : 'out of scope '}${r.status}: ${r.reasons.join('; ')}`])),
    tests: Object.fromEntries(m.tests.map((t) => [t.titlePath.join(' › '), t.status])),
    matrix: m.matrix,
  };
}

async function sharded(total: number): Promise<ConformanceModel> {
  const dirs = Array.from({ length: total }, (_, i) => join(dir, `${total}-${i + 1}`));
  const shards = await Promise.all(dirs.map((d, i) => cli(['run', ...SELECTION, '--workers', '1', '--shard', `${i + 1}/${total}`, '--out', d], ENV)));
  shards.forEach((r, i) => assert.ok(existsSync(join(dirs[i], 'conformance.json')), `shard ${i + 1}/${total}: ${r.stdout}\n${r.stderr}`));
  const out = join(dir, `merged-${total}`);
  const merged = await cli(['merge', '--out', out, ...dirs]);
  assert.equal(merged.code, 1, `merge exits 1 (core failed): ${merged.stdout}\n${merged.stderr}`);
  assert.match(merged.stdout, new RegExp(`Conformance report: ${join(out, 'index.html').replace(/[/.]/g, '\\$&')}`));
  assert.ok(existsSync(join(out, 'playwright-report', 'index.html')), 'Playwright\'s own report merged from the blobs');
  return read(out);
}

test('sharded runs merge into the verdicts and statuses of the unsharded run', { timeout: 120_000 }, async () => {
  const whole = await cli(['run', ...SELECTION, '--out', join(dir, 'whole')], ENV);
  assert.equal(whole.code, 1, `the fault fails core: ${whole.stdout}\n${whole.stderr}`);
  const expected = read(join(dir, 'whole'));
  const statuses = new Set(expected.requirements.filter((r) => r.inScope).map((r) => r.status));
  assert.deepEqual([...statuses].sort(), ['failed', 'not covered', 'passed'], 'the selection has every status');
  assert.equal(expected.profiles.find((p) => p.profile === 'core')!.verdict, 'failed');
  const [two, three] = [await sharded(2), await sharded(3)];
  assert.deepEqual(outcome(two), outcome(expected));
  assert.deepEqual(outcome(three), outcome(expected));
  assert.deepEqual(three.scope.shards, ['1/3', '2/3', '3/3']);
  assert.doesNotMatch(three.environment.command, /--shard/);
});

test('merge refuses an incomplete set of shards and a folder without a report', async () => {
  const missing = await cli(['merge', '--out', join(dir, 'm'), join(dir, '3-1'), join(dir, '3-2')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^kms-conformance: merge: shard 3\/3 missing/);
  const none = await cli(['merge', dir]);
  assert.equal(none.code, 2);
  assert.equal(none.stderr.trim().split('\n').length, 1);
});
