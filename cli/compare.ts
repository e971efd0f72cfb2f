// `kms-conformance compare`: the same calibration plan against a baseline and a candidate, and where the
// candidate reads the documents' open points differently (calibration/compare.ts), in the candidate's
// report with a "differences from baseline" section.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FAMILY_IDS } from '../families/registry.ts';
import { ConfigError, CONFIG_ERROR_EXIT } from '../harness/config-error.ts';
import { targetFamily } from '../harness/profile/target-family.ts';
import { calibrate, RunFailed } from '../calibration/calibrate.ts';
import { comparePoints } from '../calibration/compare.ts';
import { buildRunReport } from '../reports/run-report.ts';
import { writeReport } from '../reports/write-report.ts';
import type { Comparison } from '../reports/comparison.ts';
import { outputFolder, parse } from './args.ts';
import { calibrationRuns, RUN_OPTIONS, runWords } from './calibration-options.ts';
import { summaryLines } from './calibrate.ts';

export const COMPARISON_FILE = 'comparison.json';

export const COMPARE_HELP = `Usage: kms-conformance compare --baseline FILE --candidate FILE [options]

Calibrates both targets (as kms-conformance calibrate does: the tests of every open point of their
family's documents, lenient and then pinned strict, with the same seed) and reports, per open point and
per operation, where the candidate reads the documents differently from the baseline, with both
exchanges side by side. Writes to --out: index.html, conformance.json and junit.xml (the candidate's
lenient run with a "differences from baseline" section), ${COMPARISON_FILE}, and baseline/ and
candidate/ (each calibration's record, expectations and runs).

Options:
  --baseline FILE    target profile of the service taken as the reference (required)
  --candidate FILE   target profile of the service to compare with it (required; the same family)
  --out DIR          output folder (default out/compare)
  --seed S           fast-check seed of every run (default: drawn, and recorded)
  --runs N           runs of every fast-check property (default: each property's own)
  --workers N        parallel workers (default $SKM_WORKERS, else 2)
  -h, --help         this text

Exit code: 0 no difference on a point the baseline settled, 1 a difference (or the candidate could not
show the baseline's behaviour there), 2 usage or configuration error.`;

function differenceLines(c: Comparison): string[] {
  const lines = [`${c.differences.length} difference${c.differences.length === 1 ? '' : 's'} from the baseline on the ${c.compared} points it settled (${c.notCompared.length} not compared: the baseline did not settle them)`];
  for (const d of c.differences) lines.push(`  ${d.id}: baseline ${d.baseline.outcome}, candidate ${d.candidate.outcome}`);
  return lines;
}

export async function compareCommand(argv: string[]): Promise<number> {
  const { values } = parse('compare', argv, {
    baseline: { type: 'string' },
    candidate: { type: 'string' },
    out: { type: 'string' },
    ...RUN_OPTIONS,
  });
  if (values.help) {
    console.log(COMPARE_HELP);
    return 0;
  }
  if (!values.baseline || !values.candidate) throw new ConfigError('compare: name both target profiles, --baseline and --candidate (see kms-conformance compare --help)');
  const families = [targetFamily(values.baseline, FAMILY_IDS), targetFamily(values.candidate, FAMILY_IDS)];
  if (families[0] !== families[1]) throw new ConfigError(`compare: the baseline is a ${families[0]} profile and the candidate a ${families[1]} profile`);
  const out = outputFolder(resolve(values.out ?? 'out/compare'), 'compare: --out');
  const runs = calibrationRuns(values);
  const command = (side: string, file: string) => ['npx kms-conformance compare', `--${side}`, file, ...runWords(runs)].join(' ');
  try {
    const log = (l: string) => console.log(l);
    const baseline = await calibrate({ target: values.baseline, out: join(out, 'baseline'), ...runs, command: command('baseline', values.baseline), log });
    const candidate = await calibrate({ target: values.candidate, out: join(out, 'candidate'), ...runs, command: command('candidate', values.candidate), log });
    for (const [side, c] of [['baseline', baseline], ['candidate', candidate]] as const) console.log(`${side}: ${summaryLines(c.record).join('; ')}`);
    const comparison = comparePoints(baseline.record, candidate.record);
    writeFileSync(join(out, COMPARISON_FILE), `${JSON.stringify(comparison, null, 1)}\n`);
    const report = { ...buildRunReport([candidate.lenient], new Date().toISOString()), comparison };
    const html = writeReport(report, out);
    for (const line of differenceLines(comparison)) console.log(line);
    console.log(`Comparison report: ${html}`);
    return comparison.differences.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof RunFailed) return e.code === CONFIG_ERROR_EXIT ? CONFIG_ERROR_EXIT : 1;
    throw e;
  }
}
