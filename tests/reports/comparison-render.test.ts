// A run report with a comparison (`kms-conformance compare`) and a target pinned by calibration: the
// schema takes both, the page shows the differences from the baseline side by side with both sides'
// evidence escaped, and a report without a comparison has no such section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportValidator } from './report-schema.ts';
import { familyById } from '../../harness/family.ts';
import { buildConformanceModel, type Environment, type TestRecord } from '../../reports/model.ts';
import type { Comparison } from '../../reports/comparison.ts';
import { renderHtml } from '../../reports/render-html.ts';
import { renderJson } from '../../reports/render-json.ts';
import { buildRunReport, type RunReport } from '../../reports/run-report.ts';

const AT = new Date(0).toISOString();
const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&</pre><!--`;
const skm = familyById('skm');

function environment(target: NonNullable<Environment['target']>): Environment {
  return {
    target, harness: { name: 'kms-conformance', version: '0.1.0' }, playwright: '1.65.1', node: 'v20', specSha256: skm.specSha256,
    catalogueSha256: skm.catalogueSha256, seeds: [], command: 'npx kms-conformance run --family skm', startedAt: AT, durationMs: 1000, workers: 1, errors: [],
  };
}

const target = {
  name: 'candidate skm', baseUrl: 'https://127.0.0.1:1', variants: ['v1.0'], profilePath: '/tmp/candidate.yaml', embeddedMock: false, mockFaults: [],
};

const record = (id: string, requirement: string, status: TestRecord['status']): TestRecord => ({
  id, file: 'skm/secrets.spec.ts', line: 1, titlePath: [`${id} title`], tags: [], requirements: [requirement], variants: ['v1.0'], status, durationMs: 5,
  notes: [], operationCounts: { getSecret_v1_0: 1 }, exchangeCount: 1,
  exchanges: [{ operationId: 'getSecret_v1_0', method: 'GET', url: 'https://127.0.0.1:1/s', status: 200 }],
});

/** Only the core profile is asked: SKM-SCR-GET-002 gets a row (and an anchor), SKM-SEC-CT-001 (security) does not. */
function model(t: NonNullable<Environment['target']>) {
  return buildConformanceModel({
    family: skm, generatedAt: AT, scope: { profiles: ['core'], versions: ['v1.0'], shards: [] }, environment: environment(t),
    tests: [record('t1', 'SKM-SCR-GET-002', 'passed')],
  });
}

const comparison: Comparison = {
  family: 'skm',
  baseline: { name: 'reference skm', baseUrl: 'https://reference.example', calibratedAt: '2025-01-02T03:04:05.000Z' },
  candidate: { name: 'candidate skm', baseUrl: 'https://127.0.0.1:1', calibratedAt: '2025-02-03T04:05:06.000Z' },
  compared: 5,
  notCompared: ['SKM-SYM-ENC-004'],
  differences: [
    {
      id: 'SKM-SCR-GET-002', statement: 'A secret query returns the stored value unchanged.', operations: ['getSecret'],
      baseline: {
        outcome: 'strict',
        evidence: { test: 'baseline secret test', request: 'GET /keymanager/v1.0/appkey/****/secrets/x', response: 'HTTP 200 {"body":"v"}', at: AT },
      },
      candidate: {
        outcome: 'contradicts', reason: `fails even the lenient check: ${EVIL}`,
        evidence: { test: `candidate test ${EVIL}`, request: `GET /x?${EVIL}`, response: `HTTP 200 ${EVIL}`, failure: `Secret value changed ${EVIL}`, at: AT },
      },
    },
    {
      id: 'SKM-SEC-CT-001', statement: 'Encrypt answers with a JSON content type.', operations: ['symmetricEncrypt'],
      baseline: { outcome: 'other', reason: 'answers text/plain', evidence: { test: 'baseline content type', at: AT } },
      candidate: { outcome: 'unsettled', reason: 'not calibrated' },
    },
  ],
  byOperation: { getSecret: ['SKM-SCR-GET-002'], symmetricEncrypt: ['SKM-SEC-CT-001'] },
};

const plain = buildRunReport([model(target)], AT);
const compared: RunReport = { ...plain, comparison };
const calibration = { target: `reference skm (https://reference.example) ${EVIL}`, date: '2025-01-02T03:04:05.000Z' };
const pinned = buildRunReport([model({ ...target, calibration })], AT);

const validator = reportValidator;

/** The differences section: from its opening tag to the first family section. */
function differences(html: string): string {
  const start = html.indexOf('<section id="differences">');
  assert.ok(start >= 0, 'a differences section');
  return html.slice(start, html.indexOf('<section class="family"', start));
}

test('conformance.json with a comparison, or with a target pinned by calibration, validates against the schema', () => {
  const validate = validator();
  for (const report of [compared, pinned]) assert.ok(validate(JSON.parse(renderJson(report))), JSON.stringify(validate.errors, null, 1));
  const stray = { ...compared, comparison: { ...comparison, baseline: { ...comparison.baseline, extra: 1 } } };
  assert.ok(!validate(JSON.parse(renderJson(stray))), 'the comparison is as strict as the rest: no unknown field');
  const badOutcome = { ...compared, comparison: { ...comparison, differences: [{ ...comparison.differences[1], candidate: { outcome: 'maybe' } }] } };
  assert.ok(!validate(JSON.parse(renderJson(badOutcome as unknown as RunReport))), 'an outcome outside the four');
});

test('index.html: the differences from baseline sit between the summary and the family sections, both sides with their evidence', () => {
  const html = renderHtml(compared, 'NONCE');
  assert.ok(html.indexOf('<table class="summary">') < html.indexOf('<section id="differences">'), 'after the summary table');
  assert.match(html, /This run has <a href="#differences">2 differences<\/a> from its baseline <b>reference skm<\/b>/);
  const section = differences(html);
  assert.match(section, /<h3>Differences from baseline<\/h3>/);
  assert.match(section, /baseline <b>reference skm<\/b> <code>https:\/\/reference\.example<\/code>, calibrated at 2025-01-02T03:04:05\.000Z/);
  assert.match(section, /candidate <b>candidate skm<\/b> <code>https:\/\/127\.0\.0\.1:1<\/code>, calibrated at 2025-02-03T04:05:06\.000Z/);
  assert.match(section, /compared points: <b>5<\/b> · differences: <b>2<\/b> · not compared: <b>1<\/b>/);
  assert.match(section, /<h4><code>getSecret<\/code> <small class="muted">1 difference<\/small><\/h4>/);
  assert.match(section, /<h4><code>symmetricEncrypt<\/code>/);
  assert.match(section, /<a class="rid" href="#req-SKM-SCR-GET-002">SKM-SCR-GET-002<\/a>/, 'a requirement with a row on the page is linked');
  assert.match(section, /<code class="rid">SKM-SEC-CT-001<\/code>/, 'one out of scope is named, not linked');
  const card = section.slice(section.indexOf('<article class="diff">'), section.indexOf('</article>'));
  const [baseline, candidate] = card.split('<div class="side">').slice(1);
  assert.match(baseline, /<span class="chip o-strict">strict<\/span>/);
  assert.match(baseline, /<pre class="">GET \/keymanager\/v1\.0\/appkey\/\*\*\*\*\/secrets\/x<\/pre>/);
  assert.match(candidate, /<span class="chip o-contradicts">contradicts<\/span> fails even the lenient check: &lt;script&gt;/);
  for (const label of ['Test', 'Request', 'Response', 'Failure', 'Time']) assert.match(candidate, new RegExp(`<div class="evl">${label}</div><pre`), label);
  assert.ok(candidate.includes('Secret value changed &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(section, /<span class="chip o-unsettled">unsettled<\/span> not calibrated<\/p>\s*<p class="muted small">no evidence recorded/);
  assert.match(section, /<details class="oos"><summary>1 open point not compared: the baseline did not settle it<\/summary>/);
  assert.match(section, /<\/summary>\s*<p><a class="rid" href="#req-SKM-SYM-ENC-004">SKM-SYM-ENC-004<\/a><\/p><\/details>/);
});

test('index.html with a comparison: nothing injected survives, every id is unique and every in-page link lands', () => {
  const html = renderHtml(compared, 'NONCE');
  assert.equal(html.match(/<script/g)?.length, 1, 'only the report\'s own script');
  assert.ok(!html.includes('<img') && !html.includes('<!--'));
  const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
  const targets = new Set(ids);
  assert.deepEqual([...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]).filter((l) => !targets.has(l)), [], 'links without a target');
});

test('index.html: no difference is said plainly; a report without a comparison has no such section', () => {
  const none = renderHtml({ ...plain, comparison: { ...comparison, differences: [], byOperation: {}, notCompared: [] } });
  assert.match(differences(none), /<p>No difference on the 5 points the baseline settled\.<\/p>/);
  assert.ok(!differences(none).includes('<details'), 'no not-compared list when every point was compared');
  const html = renderHtml(plain);
  assert.ok(!html.includes('id="differences"') && !html.includes('Differences from baseline') && !html.includes('from its baseline'));
});

test('index.html: a target pinned by calibration says so in its family header and environment table', () => {
  const html = renderHtml(pinned, 'NONCE');
  const line = 'expectations pinned by calibration against reference skm (https://reference.example) &lt;script&gt;alert(1)&lt;/script&gt;';
  const header = html.slice(html.indexOf('<div class="fhead">'), html.indexOf('</div>', html.indexOf('<div class="fhead">')));
  assert.ok(header.includes(line), 'in the header line');
  assert.ok(html.includes(`<tr><th>calibration</th><td>${line}`), 'in the environment table');
  assert.match(html, /on 2025-01-02T03:04:05\.000Z<\/td><\/tr>/);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.ok(!renderHtml(plain).includes('pinned by calibration'), 'nothing when the profile was not calibrated');
});
