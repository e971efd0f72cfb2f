// What `calibrate` and `compare` share: the options of their runs, read the same way.
import { randomInt } from 'node:crypto';
import { positiveInt, seed as parseSeed } from './args.ts';

/** --seed, --runs and --workers, as node:util parseArgs options. */
export const RUN_OPTIONS = {
  seed: { type: 'string' },
  runs: { type: 'string' },
  workers: { type: 'string' },
} as const;

export interface CalibrationRuns {
  /** drawn when not given, so every run of the calibration (and its record) has the same */
  seed: number;
  runs?: number;
  workers?: number;
}

export function calibrationRuns(values: { seed?: string; runs?: string; workers?: string }): CalibrationRuns {
  return { seed: parseSeed(values.seed) ?? randomInt(2 ** 31), runs: positiveInt(values.runs, '--runs'), workers: positiveInt(values.workers, '--workers') };
}

/** The words that repeat these runs, for the record's command. */
export function runWords({ seed, runs }: CalibrationRuns): string[] {
  return ['--seed', String(seed), ...(runs ? ['--runs', String(runs)] : [])];
}
