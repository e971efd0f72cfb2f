// Calibration against one target: a lenient run of the tests of every open point of the family's
// catalogue, then runs that pin the points the lenient run passed to their strict reading, until each is
// settled (at most MAX_STRICT_RUNS: a test that stops at one pinned point leaves the next for a later
// run). Settings the profile left open and a check found (KSig1's joining rule) are learned from the
// lenient run. A point the target contradicts, even leniently, is reported, never learned.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FAMILY_IDS } from '../families/registry.ts';
import { familyById } from '../harness/family.ts';
import { ConfigError } from '../harness/config-error.ts';
import { targetFamily } from '../harness/profile/target-family.ts';
import { grepForRequirements } from '../harness/requirements.ts';
import type { ConformanceModel } from '../reports/model.ts';
import { executeRun, planRun, type RunPlan } from '../cli/run.ts';
import { afterLenient, afterStrict, learnedSettings, type CalibrationPoint } from './points.ts';
import { profileCopy } from './profile-copies.ts';
import { writeCalibration, type CalibrationRecord } from './record.ts';

export const MAX_STRICT_RUNS = 3;

export interface CalibrationOptions {
  target: string;
  out: string;
  seed: number;
  runs?: number;
  workers?: number;
  /** the command line the record names */
  command: string;
  log?: (line: string) => void;
}

export interface Calibration {
  record: CalibrationRecord;
  /** the lenient run's model of the family: the report of what the target does */
  lenient: ConformanceModel;
}

export class RunFailed extends Error {
  constructor(readonly code: number) {
    super(`a calibration run ended with exit code ${code}`);
  }
}

async function runOnce(profile: string, ids: readonly string[], out: string, o: CalibrationOptions): Promise<ConformanceModel> {
  const argv = ['--target', profile, '--grep', grepForRequirements(ids), '--seed', String(o.seed), '--out', out];
  if (o.runs !== undefined) argv.push('--runs', String(o.runs));
  if (o.workers !== undefined) argv.push('--workers', String(o.workers));
  const plan = (await planRun(argv)) as RunPlan;
  const { code, report } = await executeRun(plan, true);
  if (!report) throw new RunFailed(code);
  return report.families[0];
}

const requests = (m: ConformanceModel) => m.tests.reduce((n, t) => n + t.exchangeCount, 0);

export async function calibrate(o: CalibrationOptions): Promise<Calibration> {
  const log = o.log ?? (() => {});
  const target = resolve(o.target);
  const family = familyById(targetFamily(o.target, FAMILY_IDS));
  const open = family.requirements.filter((r) => r.ambiguity).map((r) => r.id);
  if (open.length === 0) throw new ConfigError(`calibrate: the ${family.id} catalogue has no open point (no requirement with an ambiguity)`);
  mkdirSync(o.out, { recursive: true });
  const started = new Date();
  const copies: string[] = [];
  const runs: CalibrationRecord['runs'] = [];
  const judged = async (pinned: readonly string[] | undefined, ids: readonly string[], name: string) => {
    const copy = profileCopy(target, pinned, name);
    copies.push(copy);
    const t0 = performance.now();
    const model = await runOnce(copy, ids, join(o.out, name), o);
    const ms = Math.round(performance.now() - t0);
    runs.push({ pinned: pinned?.length ?? 0, tests: model.tests.length, requests: requests(model), durationMs: ms });
    log(`  ${name}: ${model.tests.length} tests, ${requests(model)} requests, ${(ms / 1000).toFixed(1)} s`);
    return model;
  };
  try {
    log(`calibrating ${family.id} against ${target}: ${open.length} open points`);
    const lenient = await judged(undefined, open, 'lenient');
    const first = afterLenient(open, lenient);
    const points: CalibrationPoint[] = [...first.points];
    let toPin = first.toPin;
    for (let round = 1; round <= MAX_STRICT_RUNS && toPin.length > 0; round++) {
      const strict = afterStrict(toPin, await judged(toPin, toPin, `strict-${round}`));
      points.push(...strict.points);
      toPin = strict.again;
    }
    for (const id of toPin) {
      const r = lenient.requirements.find((x) => x.id === id)!;
      points.push({ id, statement: r.statement, operations: r.operations, outcome: 'unsettled', reason: `its tests stopped at another pinned point in each of ${MAX_STRICT_RUNS} strict runs` });
    }
    // A setting found where the profile left it open settles its point as that value, whatever the pins said.
    for (const [id, { learned, evidence }] of learnedSettings(lenient)) {
      const point = points.find((p) => p.id === id);
      if (point && point.outcome !== 'contradicts') Object.assign(point, { outcome: 'learned', reason: undefined, learned, evidence });
    }
    points.sort((a, b) => open.indexOf(a.id) - open.indexOf(b.id));
    const t = lenient.environment.target;
    const record: CalibrationRecord = {
      family: family.id,
      target: { name: t?.name ?? '(unknown)', baseUrl: t?.baseUrl ?? '(unknown)' },
      calibratedAt: started.toISOString(),
      command: o.command,
      seed: o.seed,
      runs,
      requests: runs.reduce((n, r) => n + r.requests, 0),
      durationMs: Math.round(Date.now() - started.getTime()),
      points,
    };
    writeCalibration(record, o.out);
    return { record, lenient };
  } finally {
    for (const copy of copies) rmSync(copy, { force: true });
  }
}
