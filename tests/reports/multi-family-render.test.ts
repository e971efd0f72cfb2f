// A run report with two API families (SKM and NCP KMS): one schema-valid conformance.json, one page
// with a section per family whose ids never collide, one junit testsuite per family and spec file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportValidator } from './report-schema.ts';
import { FAMILIES, familyById, type FamilyData } from '../../harness/family.ts';
import { buildConformanceModel, type Environment, type TestRecord } from '../../reports/model.ts';
import { renderHtml } from '../../reports/render-html.ts';
import { parseReportJson, renderJson } from '../../reports/render-json.ts';
import { renderJunit } from '../../reports/render-junit.ts';
import { buildRunReport } from '../../reports/run-report.ts';

const AT = new Date(0).toISOString();

function environment(family: FamilyData, target: NonNullable<Environment['target']>): Environment {
  return {
    target, harness: { name: 'kms-conformance', version: '0.1.0' }, playwright: '1.65.1', node: 'v20', specSha256: family.specSha256,
    catalogueSha256: family.catalogueSha256, seeds: [], command: `npx kms-conformance run --family ${family.id}`, startedAt: AT, durationMs: 1000,
    workers: 1, errors: [],
  };
}

const mockTarget = (name: string, variants: string[]) => ({
  name, baseUrl: 'https://127.0.0.1:1', variants, profilePath: `/tmp/${name}.yaml`, embeddedMock: true, mockFaults: [],
});

/** A test of one spec file calling one operation under one variant. */
function record(id: string, file: string, requirement: string, operationId: string, status: TestRecord['status'], extra: Partial<TestRecord> = {}): TestRecord {
  const variant = FAMILIES.flatMap((f) => f.operations).find((o) => o.operationId === operationId)!.version;
  return {
    id, file, line: 1, titlePath: [`${id} title`], tags: [], requirements: [requirement], variants: [variant], status, durationMs: 5, notes: [],
    operationCounts: { [operationId]: 1 }, exchangeCount: 1,
    exchanges: [{ operationId, method: 'POST', url: `https://127.0.0.1:1/${operationId}`, status: 200 }],
    ...extra,
  };
}

const skm = familyById('skm');
const skmModel = buildConformanceModel({
  family: skm,
  generatedAt: AT,
  scope: { profiles: ['core', 'security'], versions: ['v1.0', 'v1.2'], shards: [] },
  environment: environment(skm, mockTarget('skm mock', ['v1.0', 'v1.2'])),
  tests: [
    record('s1', 'skm/secrets.spec.ts', 'SKM-SCR-GET-001', 'getSecret_v1_0', 'passed'),
    record('s2', 'skm/secrets.spec.ts', 'SKM-SCR-GET-002', 'getSecret_v1_2', 'failed', { failure: { message: 'Value changed', title: 'Value changed' } }),
    record('s3', 'skm/encrypt.spec.ts', 'SKM-SYM-ENC-001', 'symmetricEncrypt_v1_0', 'skipped', { skipReason: 'not covered: no symmetric key' }),
  ],
});

const ncp = familyById('ncp-kms');
const ncpModel = buildConformanceModel({
  family: ncp,
  generatedAt: AT,
  scope: { profiles: ['core', 'signature-v1'], versions: ['v1', 'v2'], shards: [] },
  environment: environment(ncp, { ...mockTarget('ncp mock', ['v1', 'v2']), credential: '****wxyz' }),
  tests: [
    record('n1', 'ncp/encrypt.spec.ts', 'NCP-ENV-SUC-001', 'encrypt_v1', 'passed'),
    record('n2', 'ncp/errors.spec.ts', 'NCP-ERR-GEN-001', 'encrypt_v2', 'failed', { failure: { message: 'Wrong error code', title: 'Wrong error code' } }),
  ],
});

const report = buildRunReport([skmModel, ncpModel], AT);
const families = [skmModel, ncpModel];

/** The part of the page from one family's section to the next one's (or the end of main). */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section class="family" id="family-${id}">`);
  assert.ok(start >= 0, `a section for ${id}`);
  const next = html.indexOf('<section class="family"', start + 1);
  return html.slice(start, next >= 0 ? next : html.indexOf('</main>'));
}

test('conformance.json of two families validates against the schema and reads back unchanged', () => {
  const validate = reportValidator();
  const json = renderJson(report);
  assert.ok(validate(JSON.parse(json)), JSON.stringify(validate.errors, null, 1));
  assert.deepEqual(parseReportJson(json, 'conformance.json'), report);
  assert.deepEqual(report.families.map((m) => m.family.id), ['skm', 'ncp-kms']);
});

test('index.html: every id is unique and every in-page link lands on one', () => {
  const html = renderHtml(report, 'NONCE');
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
  const targets = new Set(ids);
  const links = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
  assert.ok(links.includes('req-SKM-SCR-GET-002') && links.includes('req-NCP-ERR-GEN-001'), 'requirement links of both families');
  assert.deepEqual(links.filter((l) => !targets.has(l)), [], 'links without a target');
});

test('index.html: the run verdict and a summary row per family, then a section per family with its cards and matrix', () => {
  const html = renderHtml(report);
  assert.match(html, /<title>Conformance: skm, ncp-kms — failed<\/title>/);
  assert.match(html, /<h1>Conformance report <span class="chip s-failed">failed<\/span><\/h1>/);
  const summary = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>', html.indexOf('<table class="summary">')));
  for (const m of families) {
    assert.ok(summary.includes(`href="#family-${m.family.id}">${m.family.title.replace(/&/g, '&amp;')}</a>`), `summary row of ${m.family.id}`);
    for (const p of m.profiles) {
      const link = `href="#${m.family.id}-profile-${p.profile}">${p.profile} <span class="chip s-${p.verdict.replace(/ /g, '-')}">`;
      assert.ok(summary.includes(link), `${m.family.id} ${p.profile}`);
    }
  }
  for (const m of families) {
    const section = sectionOf(html, m.family.id);
    const id = m.family.id;
    assert.match(section, new RegExp(`<section id="${id}-verdicts">`));
    for (const p of m.profiles) assert.match(section, new RegExp(`<article class="card v-[a-z-]+" id="${id}-profile-${p.profile}" data-card="${p.profile}">`));
    const columns = m.matrix.versions.map((v) => `<th>${v}</th>`).join('');
    assert.match(section, new RegExp(`<section id="${id}-matrix">[^]*?<thead><tr><th>operation</th>${columns}</tr></thead>`));
    for (const part of ['not-covered', 'requirements', 'environment']) assert.match(section, new RegExp(`<section id="${id}-${part}">`));
    assert.match(section, new RegExp(`<pre class="cmd">npx kms-conformance run --family ${id}</pre>`));
  }
  assert.match(sectionOf(html, 'skm'), /data-cell="getSecret v1\.0" title="SKM-SCR-GET-001"/);
  assert.match(sectionOf(html, 'ncp-kms'), /data-cell="encrypt v1" title="NCP-ENV-SUC-001"/);
  assert.ok(!sectionOf(html, 'skm').includes('<th>credential</th>'), 'no credential row when the target has none');
  assert.match(sectionOf(html, 'ncp-kms'), /<th>credential<\/th><td>\*\*\*\*wxyz<\/td>/);
  const options = [...html.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(options.filter((o) => !['MUST', 'SHOULD', 'MAY'].includes(o)), ['core', 'security', 'signature-v1'], 'one profile filter over the union');
  assert.equal(html.match(/id="f-profile"/g)?.length, 1, 'one filter bar');
  assert.match(html, /conformance\.json \(schemaVersion 2\)/);
});

test('junit.xml: one testsuites for the run, one testsuite per family and spec file', () => {
  const xml = renderJunit(report);
  assert.match(xml, /<testsuites name="kms-conformance" tests="5" failures="2" skipped="1" errors="0" time="2\.000">/);
  const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(suites, ['skm: skm/encrypt.spec.ts 1', 'skm: skm/secrets.spec.ts 2', 'ncp-kms: ncp/encrypt.spec.ts 1', 'ncp-kms: ncp/errors.spec.ts 1']);
  assert.match(xml, /<testcase name="n2 title" classname="ncp\/errors\.spec\.ts"/);
});
