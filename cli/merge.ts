// `kms-conformance merge`: the report of a sharded run from its shards' folders: the conformance
// models merged (same verdicts as an unsharded run), and Playwright's blob reports merged into one
// Playwright HTML report when the shards kept them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../harness/config-error.ts';
import { mergeReports, missingShards, MergeError } from '../reports/merge.ts';
import { reportLines } from '../reports/verdict-lines.ts';
import { parseReportJson } from '../reports/render-json.ts';
import { REPORT_FILES, writeReport } from '../reports/write-report.ts';
import { outputFolder, parse } from './args.ts';
import { PLAYWRIGHT_CLI } from './paths.ts';

export const MERGE_HELP = `Usage: kms-conformance merge [--out DIR] SHARD_DIR...

Merges the output folders of a sharded run (kms-conformance run --shard K/N) into one report with the
same verdicts as an unsharded run: index.html, conformance.json, junit.xml, and Playwright's HTML
report from the shards' blob reports.

Options:
  --out DIR     output folder (default out/report)
  -h, --help    this text

Exit code: 0 certified for every family and profile asked, 1 not, 2 usage error (missing or mismatched shards).`;

function modelPath(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs) && statSync(abs).isDirectory()) return join(abs, REPORT_FILES.json);
  return abs;
}

function mergeBlobs(dirs: string[], out: string): boolean {
  const blobs = dirs.map((d) => join(d, 'blob')).filter((d) => existsSync(d));
  if (blobs.length !== dirs.length) return false;
  const all = mkdtempSync(join(tmpdir(), 'skm-blobs-'));
  try {
    for (const d of blobs) for (const f of readdirSync(d)) if (f.endsWith('.zip')) copyFileSync(join(d, f), join(all, f));
    const r = spawnSync(process.execPath, [PLAYWRIGHT_CLI, 'merge-reports', '--reporter', 'html', all], {
      env: { ...process.env, PLAYWRIGHT_HTML_OUTPUT_DIR: join(out, 'playwright-report'), PLAYWRIGHT_HTML_OPEN: 'never' },
      encoding: 'utf8',
    });
    return r.status === 0;
  } finally {
    rmSync(all, { recursive: true, force: true });
  }
}

export function merge(argv: string[]): number {
  const { values, positionals } = parse('merge', argv, { out: { type: 'string' } }, true);
  if (values.help) {
    console.log(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new ConfigError('merge: name the shard folders to merge (see kms-conformance merge --help)');
  const out = outputFolder(resolve(values.out ?? 'out/report'), 'merge: --out');
  const reports = positionals.map((p) => {
    const path = modelPath(p);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new ConfigError(`merge: ${path} cannot be read (is ${p} a shard's output folder?)`);
    }
    try {
      return { report: parseReportJson(text, path), source: p };
    } catch (e) {
      throw new ConfigError(`merge: ${(e as Error).message}`, { cause: e });
    }
  });
  let report;
  try {
    report = mergeReports(reports);
  } catch (e) {
    if (e instanceof MergeError) throw new ConfigError(`merge: ${e.message}`, { cause: e });
    throw e;
  }
  const missing = missingShards(report);
  if (missing.length > 0) throw new ConfigError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing; the report would not be the whole run`);
  const html = writeReport(report, out);
  const dirs = positionals.map((p) => resolve(p)).filter((p) => existsSync(p) && statSync(p).isDirectory());
  const playwright = dirs.length === positionals.length && mergeBlobs(dirs, out);
  for (const line of reportLines(report)) console.log(line);
  if (playwright) console.log(`Playwright report: ${join(out, 'playwright-report', 'index.html')}`);
  console.log(`Conformance report: ${html}`);
  return report.verdict === 'certified' ? 0 : 1;
}
