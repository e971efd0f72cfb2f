// The section anchors of the source documents (../shared/docs/) that the requirement catalogue cites
// in its `source: document#anchor` fields. They are kept in source-anchors.json so the catalogue test
// runs in a copy of the repository without the shared documents; regenerate the file with
//   npx tsx tests/spec/source-anchors.ts
// whenever a document changes (requirement-catalogue.test.ts fails when it is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirements } from '../../generated/skm/requirements.ts';

export const SHARED_DOCS = new URL('../../../shared/docs/', import.meta.url).pathname;
export const ANCHORS_FILE = new URL('./source-anchors.json', import.meta.url).pathname;

/** Document name -> its anchors, as the catalogue spells them: the heading's text, spaces as '-'. */
export type SourceAnchors = Record<string, string[]>;

/** Markdown headings, or (plain text) every line that is not a bullet: the solution guide's titles. */
function headings(name: string, text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (name.endsWith('.md')) return lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, ''));
  return lines.filter((l) => !l.startsWith('-'));
}

/** The anchors of every document the catalogue cites; a cited document that is missing throws. */
export function extractAnchors(dir = SHARED_DOCS): SourceAnchors {
  const out: SourceAnchors = {};
  const cited = [...new Set(requirements.map((r) => r.source.split('#')[0]))].sort();
  for (const name of cited) out[name] = headings(name, readFileSync(join(dir, name), 'utf8')).map((h) => h.replaceAll(' ', '-'));
  return out;
}

export function readAnchors(): SourceAnchors {
  return JSON.parse(readFileSync(ANCHORS_FILE, 'utf8')) as SourceAnchors;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(ANCHORS_FILE, `${JSON.stringify(extractAnchors(), null, 2)}\n`);
  console.log(`wrote ${ANCHORS_FILE}`);
}
