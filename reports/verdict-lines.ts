// The console's account of a report: per family, its verdict and one line per asked profile.
import { verdictLines } from './model.ts';
import type { RunReport } from './run-report.ts';

export function reportLines(report: RunReport): string[] {
  const lines = [`Certification: ${report.verdict}`];
  for (const m of report.families) {
    lines.push(`  ${m.family.title} (${m.family.id}): ${m.verdict}`, ...verdictLines(m).map((l) => `    ${l}`));
  }
  return lines;
}
