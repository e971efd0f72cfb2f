// A calibration's outputs: the record (calibration.json: every open point with its outcome, reason and
// masked evidence, the requests it took) and the expectations block to paste into a target profile.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { CalibrationPoint } from './points.ts';

export interface CalibrationRecord {
  family: string;
  /** the calibrated target as its report names it (masked) */
  target: { name: string; baseUrl: string };
  calibratedAt: string;
  command: string;
  seed: number;
  /** the lenient run, then each strict round */
  runs: { pinned: number; tests: number; requests: number; durationMs: number }[];
  requests: number;
  durationMs: number;
  points: CalibrationPoint[];
}

export const RECORD_FILE = 'calibration.json';
export const EXPECTATIONS_FILE = 'expectations.yaml';

/** One line of YAML comment: no line breaks, bounded. */
function comment(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
}

/** The learned settings as the profile blocks they belong in: `signing.joining` -> { signing: { joining } }. */
function learnedBlocks(record: CalibrationRecord): Record<string, Record<string, unknown>> {
  const blocks: Record<string, Record<string, unknown>> = {};
  for (const p of record.points) {
    for (const [path, value] of Object.entries(p.learned ?? {})) {
      const [block, ...rest] = path.split('.');
      (blocks[block] ??= {})[rest.join('.')] = value;
    }
  }
  return blocks;
}

export function expectationsYaml(record: CalibrationRecord): string {
  const strict = record.points.filter((p) => p.outcome === 'strict');
  // Learned expectations join the expectations block; any other learned block stands on its own.
  const { expectations = {}, ...blocks } = learnedBlocks(record);
  const values = Object.entries(expectations).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}  # learned`);
  const learned = Object.keys(blocks).length > 0
    ? [`# Learned where the profile left them open: merge into the profile's own blocks of the same name.`, stringify(blocks).trimEnd()]
    : [];
  const target = `${record.target.name} (${record.target.baseUrl})`;
  const lines = [
    `# Pinned by \`${record.command}\` against ${comment(target)} on ${record.calibratedAt}.`,
    '# Paste both blocks into the target profile of a service to certify it against what this target does.',
    `# ${strict.length} points pinned strict; every other open point stays lenient (${RECORD_FILE} says why, with evidence).`,
    'calibration:',
    `  target: ${JSON.stringify(target)}`,
    `  date: ${JSON.stringify(record.calibratedAt)}`,
    `  record: ${JSON.stringify(RECORD_FILE)}`,
    'expectations:',
    strict.length > 0 ? '  strict:' : '  strict: []',
    ...strict.map((p) => `    - ${p.id}  # ${comment(`${p.evidence?.test ?? ''}: ${p.evidence?.request ?? ''} → ${p.evidence?.response ?? ''}`)}`),
    ...values,
    ...learned,
  ];
  return `${lines.join('\n')}\n`;
}

export function writeCalibration(record: CalibrationRecord, dir: string): void {
  writeFileSync(join(dir, RECORD_FILE), `${JSON.stringify(record, null, 1)}\n`);
  writeFileSync(join(dir, EXPECTATIONS_FILE), expectationsYaml(record));
}
