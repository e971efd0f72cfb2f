// `kms-conformance calibrate`: learns, from a service taken as the reference, how it reads every open
// point of its family's documents, and writes the expectations that pin it (calibration/calibrate.ts).
import { join, resolve } from 'node:path';
import { ConfigError, CONFIG_ERROR_EXIT } from '../harness/config-error.ts';
import { calibrate, RunFailed } from '../calibration/calibrate.ts';
import type { CalibrationRecord } from '../calibration/record.ts';
import { EXPECTATIONS_FILE, RECORD_FILE } from '../calibration/record.ts';
import { outputFolder, parse } from './args.ts';
import { calibrationRuns, RUN_OPTIONS, runWords } from './calibration-options.ts';
import { FAMILY_IDS } from '../families/registry.ts';
import { targetFamily } from '../harness/profile/target-family.ts';

export const CALIBRATE_HELP = `Usage: kms-conformance calibrate --target FILE [options]

Probes how the target reads every open point of its family's documents (each requirement of the
catalogue with an \`ambiguity\`): a lenient run of their tests, then runs that pin them to their strict
reading. Writes to --out:
  ${EXPECTATIONS_FILE}   the \`calibration\` and \`expectations\` blocks to paste into the target profile of
                      a service to certify against what this target does (each pinned point with the
                      test and masked exchange that settled it)
  ${RECORD_FILE}   every open point: strict (pinned), learned (a setting the profile left open, found:
                      KSig1's joining rule), other (another reading the documents allow),
                      contradicts (the target breaks the documents: reported, never learned) or
                      unsettled (stays lenient), with the reason and masked evidence, and the requests
                      and time it took
  lenient/, strict-N/ the report of each run

Options:
  --target FILE    the target profile of the service to learn from (required; any family)
  --out DIR        output folder (default out/calibration)
  --seed S         fast-check seed of every run (default: drawn, and recorded)
  --runs N         runs of every fast-check property (default: each property's own)
  --workers N      parallel workers (default $SKM_WORKERS, else 2)
  -h, --help       this text

Exit code: 0 calibrated, 1 the target contradicts the documents on an open point (see ${RECORD_FILE}),
2 usage or configuration error.`;

export function summaryLines(record: CalibrationRecord): string[] {
  const count = (o: string) => record.points.filter((p) => p.outcome === o).length;
  return [
    `${record.points.length} open points of ${record.family}: ${count('strict')} pinned strict, ${count('learned')} learned, ${count('other')} another reading, ${count('contradicts')} contradict the documents, ${count('unsettled')} unsettled`,
    `${record.requests} requests in ${record.runs.length} runs, ${(record.durationMs / 1000).toFixed(1)} s`,
  ];
}

export async function calibrateCommand(argv: string[]): Promise<number> {
  const { values } = parse('calibrate', argv, {
    target: { type: 'string' },
    out: { type: 'string' },
    ...RUN_OPTIONS,
  });
  if (values.help) {
    console.log(CALIBRATE_HELP);
    return 0;
  }
  if (!values.target) throw new ConfigError('calibrate: name the target profile with --target (see kms-conformance calibrate --help)');
  targetFamily(values.target, FAMILY_IDS);
  const out = outputFolder(resolve(values.out ?? 'out/calibration'), 'calibrate: --out');
  const runs = calibrationRuns(values);
  const command = ['npx kms-conformance calibrate --target', values.target, ...runWords(runs)].join(' ');
  try {
    const { record } = await calibrate({ target: values.target, out, ...runs, command, log: (l) => console.log(l) });
    for (const line of summaryLines(record)) console.log(line);
    console.log(`Expectations: ${join(out, EXPECTATIONS_FILE)}`);
    return record.points.some((p) => p.outcome === 'contradicts') ? 1 : 0;
  } catch (e) {
    if (e instanceof RunFailed) return e.code === CONFIG_ERROR_EXIT ? CONFIG_ERROR_EXIT : 1;
    throw e;
  }
}
