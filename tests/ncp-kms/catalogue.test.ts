// The NAVER Cloud KMS requirement catalogue is consistent with its schema, its spec, its declared
// profiles and FACTS.md's rule that an inferred or unknown fact is never a hard assertion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue, specOperations } from '../../families/ncp-kms/spec/catalogue.ts';

const catalogue = loadCatalogue();
const { requirements } = catalogue;
const operations = specOperations();

test('ids are unique and carry the declared prefix', () => {
  const ids = requirements.map((r) => r.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  assert.deepEqual(ids.filter((id) => !id.startsWith(`${catalogue.idPrefix}-`)), []);
});

test('every profile a requirement names is declared, and every declared profile has a MUST', () => {
  const declared = Object.keys(catalogue.profiles);
  assert.deepEqual(requirements.filter((r) => !declared.includes(r.profile)).map((r) => r.id), []);
  assert.deepEqual(declared.filter((p) => !requirements.some((r) => r.profile === p && r.level === 'MUST')), []);
});

test('every entry names operations and variants of the spec, and every operation has a requirement', () => {
  const bad = requirements.flatMap((r) => [
    ...r.operations.filter((op) => !operations.some((o) => o.operation === op)).map((op) => `${r.id}: no operation ${op}`),
    ...(r.versions ?? []).filter((v) => !operations.some((o) => o.version === v)).map((v) => `${r.id}: no variant ${v}`),
  ]);
  assert.deepEqual(bad, []);
  const uncovered = operations.filter((o) => !requirements.some((r) => r.operations.includes(o.operation) && (!r.versions || r.versions.includes(o.version))));
  assert.deepEqual(uncovered.map((o) => o.operationId), []);
});

test('an inferred, unknown or example-only MUST always says how its check stays lenient', () => {
  const hard = requirements.filter((r) => r.level === 'MUST' && r.basis !== 'doc' && r.basis !== 'client' && !r.ambiguity);
  assert.deepEqual(hard.map((r) => r.id), []);
});

test('the topics of the brief each have a MUST', () => {
  const must = (pattern: RegExp) => requirements.some((r) => r.level === 'MUST' && pattern.test(r.statement));
  const topics: Record<string, RegExp> = {
    'KMS prefix': /KMS prefix/, 'prefix in decryption': /prefix was (removed|changed)/, '32 KB': /32 KB/, 'RSA 190 bytes': /190 bytes/,
    'sign 8 KB': /8 KB/, 'context 50 bytes': /50 bytes/, 'round trip': /gives back the plaintext/, 'reencrypt newest': /names the newest enabled version/,
    'bits': /bits 128, 256 or 512/, requestPlainKey: /requestPlainKey true/, 'disabled version': /disabled version/,
    'timestamp header': /without x-ncp-apigw-timestamp/, '5 minutes': /5 minutes/, 'signature v1': /signature-v1/, 'signature v2': /signature-v2/,
  };
  assert.deepEqual(Object.keys(topics).filter((t) => !must(topics[t])), []);
});

// The documents sit beside the repository on a developer's machine and in CI, not in a clone: the
// anchors cited are kept in source-anchors.json and compared with the documents when they are there.
const ANCHORS_FILE = new URL('./source-anchors.json', import.meta.url).pathname;
const SHARED_DOCS = new URL('../../../shared/docs/', import.meta.url).pathname;
const anchors = JSON.parse(readFileSync(ANCHORS_FILE, 'utf8')) as Record<string, string[]>;

test('every source names a section of a source document', () => {
  const missing = requirements.filter((r) => {
    const [doc, anchor] = r.source.split('#');
    return !anchors[doc]?.includes(anchor);
  });
  assert.deepEqual(missing.map((r) => `${r.id}: ${r.source}`), []);
});

/** Markdown headings, or (plain text) every line that is not a bullet, spaces written '-'. */
function headings(name: string, text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const titles = name.endsWith('.md') ? lines.filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, '')) : lines.filter((l) => !l.startsWith('•'));
  return titles.map((t) => t.replaceAll(' ', '-'));
}

const noDocs = !existsSync(SHARED_DOCS) && `no ${SHARED_DOCS}: source-anchors.json cannot be compared with the documents`;

test('source-anchors.json holds only anchors the documents have', { skip: noDocs }, () => {
  const stale = Object.entries(anchors).flatMap(([doc, list]) => {
    const present = headings(doc, readFileSync(join(SHARED_DOCS, doc), 'utf8'));
    return list.filter((a) => !present.includes(a)).map((a) => `${doc}#${a}`);
  });
  assert.deepEqual(stale, []);
});
