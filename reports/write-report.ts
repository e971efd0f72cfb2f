// Writes a run report's three outputs into one folder; returns the path of index.html.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunReport } from './run-report.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderJunit } from './render-junit.ts';

export const REPORT_FILES = { html: 'index.html', json: 'conformance.json', junit: 'junit.xml' } as const;

export function writeReport(report: RunReport, dir: string): string {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, REPORT_FILES.json), renderJson(report));
  writeFileSync(join(out, REPORT_FILES.junit), renderJunit(report));
  const html = join(out, REPORT_FILES.html);
  writeFileSync(html, renderHtml(report));
  return html;
}
