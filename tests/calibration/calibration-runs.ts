// A family's two mock personalities compared through the command (`kms-conformance compare`, which
// calibrates both), and the target profiles that apply one calibration's expectations to a mock.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, type CliResult } from '../cli/cli-run.ts';
import type { CalibrationRecord } from '../../calibration/record.ts';
import type { Comparison } from '../../reports/comparison.ts';
import type { RunReport } from '../../reports/run-report.ts';

export interface RunningFamilyMock {
  profilePath: string;
  close(): Promise<void>;
}

export interface PersonalityComparison {
  result: CliResult;
  comparison: Comparison;
  baseline: CalibrationRecord;
  candidate: CalibrationRecord;
  /** every file the comparison wrote, for the secret scan */
  dir: string;
}

/** Runs `--runs 2` and few generated bodies: calibration's cost is its runs. */
export const QUICK = { SKM_ROBUSTNESS_RUNS: '10' };

export async function comparePersonalities(baseline: string, candidate: string, dir: string): Promise<PersonalityComparison> {
  const result = await cli(['compare', '--baseline', baseline, '--candidate', candidate, '--seed', '7', '--runs', '2', '--out', dir], QUICK);
  const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  return { result, comparison: read('comparison.json'), baseline: read('baseline/calibration.json'), candidate: read('candidate/calibration.json'), dir };
}

/** The mock's profile with the `calibration` and `expectations` blocks of a calibration's expectations.yaml,
 *  written beside it (its relative paths stay valid). */
export function pinnedProfile(profilePath: string, expectationsYaml: string, name: string): string {
  const out = join(dirname(profilePath), name);
  const profile = parse(readFileSync(profilePath, 'utf8')) as Record<string, unknown>;
  const pins = parse(readFileSync(expectationsYaml, 'utf8')) as Record<string, unknown>;
  for (const [block, value] of Object.entries(pins)) {
    // calibration and expectations replace the profile's; a learned setting merges into its block.
    const merge = block !== 'calibration' && block !== 'expectations' && typeof profile[block] === 'object';
    profile[block] = merge ? { ...(profile[block] as object), ...(value as object) } : value;
  }
  writeFileSync(out, stringify(profile));
  return out;
}

/** A run of the tests of the given requirements against a profile: its exit code and its one family's model. */
export async function runOn(profile: string, ids: readonly string[], out: string): Promise<{ result: CliResult; report: RunReport }> {
  const grep = ids.map((id) => `@${id}(?![\\w-])`).join('|');
  const result = await cli(['run', '--target', profile, '--grep', grep, '--seed', '7', '--runs', '2', '--out', out], QUICK);
  return { result, report: JSON.parse(readFileSync(join(out, 'conformance.json'), 'utf8')) as RunReport };
}
