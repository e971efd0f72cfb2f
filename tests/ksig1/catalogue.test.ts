// The KSig1 requirement catalogue is consistent with its schema, its declared profiles, FACTS.md's rule
// that an inferred or unknown fact is never a hard assertion, the breakings, faults and switches that
// name its ids, and the sections of the source documents it cites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BREAKINGS, CONTROL_REQUIREMENTS, EVERY_REFUSAL } from '../../families/ksig1/auth/breakings.ts';
import { FAULTS, PERSONALITY_SWITCHES } from '../../families/ksig1/mock/index.ts';
import { loadCatalogue } from '../../families/ksig1/spec/catalogue.ts';

const catalogue = loadCatalogue();
const { requirements } = catalogue;
const ids = new Set(requirements.map((r) => r.id));

/** Checked by the robustness tests (tests/ksig1/mock-robustness.test.ts; later the family's suite). */
const ROBUSTNESS = ['KSIG-ROB-GEN-001', 'KSIG-ROB-ALIVE-001'];

test('ids are unique and carry the declared prefix', () => {
  assert.equal(ids.size, requirements.length);
  assert.deepEqual(requirements.filter((r) => !r.id.startsWith(`${catalogue.idPrefix}-`)).map((r) => r.id), []);
});

test('every profile a requirement names is declared, and every declared profile has a MUST', () => {
  const declared = Object.keys(catalogue.profiles);
  assert.deepEqual(requirements.filter((r) => !declared.includes(r.profile)).map((r) => r.id), []);
  assert.deepEqual(declared.filter((p) => !requirements.some((r) => r.profile === p && r.level === 'MUST')), []);
});

test('an inferred, unknown or example-only entry is never a bare MUST, and MAYs and SHOULDs on open points say how they are judged', () => {
  assert.deepEqual(requirements.filter((r) => r.level === 'MUST' && !['doc', 'client'].includes(r.basis) && !r.ambiguity).map((r) => r.id), []);
  assert.deepEqual(requirements.filter((r) => ['inferred', 'unknown'].includes(r.basis) && !r.ambiguity).map((r) => r.id), []);
});

test('every id a breaking, a fault or a switch names exists, and every MUST is checked by something', () => {
  const named = [...BREAKINGS.flatMap((b) => b.requirements), ...FAULTS.flatMap((f) => f.requirements), ...PERSONALITY_SWITCHES.flatMap((s) => s.requirements),
    ...EVERY_REFUSAL, ...Object.values(CONTROL_REQUIREMENTS), ...ROBUSTNESS];
  assert.deepEqual(named.filter((id) => !ids.has(id)), []);
  const checked = new Set([...BREAKINGS.flatMap((b) => b.requirements), ...EVERY_REFUSAL, ...Object.values(CONTROL_REQUIREMENTS), ...ROBUSTNESS]);
  assert.deepEqual(requirements.filter((r) => !checked.has(r.id)).map((r) => r.id), []);
});

test('the brief\'s topics each have a requirement: five codes, 401, headers, conditional headers, no expiry check', () => {
  const has = (pattern: RegExp) => requirements.some((r) => pattern.test(r.statement));
  for (const pattern of [/AUTH_INVALID_HEADER/, /AUTH_INVALID_API_KEY/, /AUTH_INVALID_AUTH_TOKEN/, /AUTH_SIGNATURE_MISMATCH/, /AUTH_MISSING_HEADER/, /HTTP status 401/,
    /without the Authorization/, /without the X-API-Key/, /without the X-API-Auth-Token/, /X-API-Timestamp header/, /X-API-Nonce header/, /X-API-Content-Hash header/,
    /does not check timestamp expiry/, /revoked/, /case-sensitive/]) assert.ok(has(pattern), String(pattern));
});

// The documents sit beside the repository on a developer's machine, not in a clone: the anchors cited are
// kept in source-anchors.json and compared with the documents when they are there.
const anchors = JSON.parse(readFileSync(new URL('./source-anchors.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const SHARED_DOCS = new URL('../../../shared/docs/', import.meta.url).pathname;

test('every source names a section of a source document', () => {
  assert.deepEqual(requirements.filter((r) => !anchors[r.source.split('#')[0]]?.includes(r.source.split('#')[1])).map((r) => r.id), []);
});

/** Markdown headings, or (plain text) every line, spaces written '-'. */
function headings(name: string, text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const titles = name.endsWith('.md') ? lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, '')) : lines;
  return titles.map((t) => t.replaceAll(' ', '-'));
}

test('source-anchors.json holds only anchors the documents have', { skip: !existsSync(SHARED_DOCS) && `no ${SHARED_DOCS}` }, () => {
  const stale = Object.entries(anchors).flatMap(([doc, list]) => {
    const present = headings(doc, readFileSync(join(SHARED_DOCS, doc), 'utf8'));
    return list.filter((a) => !present.includes(a)).map((a) => `${doc}#${a}`);
  });
  assert.deepEqual(stale, []);
});
