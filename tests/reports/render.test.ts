// The three renderings of a one-family run report: JSON valid against its schema, HTML with everything
// escaped, JUnit with one testcase per test and requirement ids as properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportValidator } from './report-schema.ts';
import { buildConformanceModel, type TestRecord, type Environment } from '../../reports/model.ts';
import { renderHtml } from '../../reports/render-html.ts';
import { renderJson, parseReportJson } from '../../reports/render-json.ts';
import { renderJunit } from '../../reports/render-junit.ts';
import { buildRunReport } from '../../reports/run-report.ts';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&</textarea></pre><!--`;

const environment: Environment = {
  target: {
    name: `mock ${EVIL}`, baseUrl: 'https://127.0.0.1:1', variants: ['v1.0', 'v1.1', 'v1.2'], credential: '****abcd', profilePath: '/tmp/p.yaml', embeddedMock: false, mockFaults: [],
  },
  harness: { name: 'kms-conformance', version: '0.1.0' }, playwright: '1.65.1', node: 'v20', specSha256: 'a'.repeat(64), catalogueSha256: 'b'.repeat(64),
  seeds: ['42'], runs: 5, command: `npx kms-conformance run --grep '${EVIL}'`, startedAt: new Date(0).toISOString(), durationMs: 1234, workers: 2, errors: [`global ${EVIL}`],
};

const record = (id: string, requirements: string[], status: TestRecord['status'], extra: Partial<TestRecord> = {}): TestRecord => ({
  id, file: 'skm/a.spec.ts', line: 1, titlePath: [`secret query v1.0 ${EVIL}`, `returns ${id}`], tags: ['@core', '@v1.0'], requirements, variants: ['v1.0'], status, durationMs: 5,
  notes: [{ type: 'seed', description: `42 ${EVIL}` }], operationCounts: { getSecret_v1_0: 2 }, exchangeCount: 2,
  exchanges: [{ operationId: 'getSecret_v1_0', method: 'GET', url: `https://127.0.0.1:1/x?${EVIL}`, status: 200, responseBody: `{"body":"${EVIL}"}` }], ...extra,
});

const tests: TestRecord[] = [
  record('t1', ['SKM-SCR-GET-001'], 'passed'),
  record('t2', ['SKM-SCR-GET-002'], 'failed', {
    failure: { message: `Secret value changed ${EVIL}  [oracle secretValue]\nExpected: x\nReceived: ${EVIL}`, title: `Secret value changed ${EVIL}`, oracle: 'secretValue', expected: 'x', received: EVIL, request: `GET /${EVIL}`, response: `HTTP 200 ${EVIL}`, reproduce: `curl "${EVIL}"` },
  }),
  record('t3', ['SKM-SYM-ENC-001'], 'skipped', { skipReason: `not covered: the profile has no ${EVIL}` }),
];

const model = buildConformanceModel({ tests, environment, scope: { profiles: ['core', 'security'], versions: ['v1.0', 'v1.1', 'v1.2'], grep: EVIL, shards: [] }, generatedAt: new Date(0).toISOString() });
const report = buildRunReport([model], new Date(0).toISOString());

test('conformance.json validates against reports/conformance.schema.json and reads back', () => {
  const validate = reportValidator();
  const json = renderJson(report);
  assert.ok(validate(JSON.parse(json)), JSON.stringify(validate.errors, null, 1));
  assert.deepEqual(parseReportJson(json, 'x'), JSON.parse(json));
  assert.throws(() => parseReportJson('{"schemaVersion":1}', 'old.json'), /^Error: old\.json: schemaVersion 1 is not 2$/);
  assert.throws(() => parseReportJson('{"families":[]}', 'bare.json'), /^Error: bare\.json: schemaVersion undefined is not 2$/);
  assert.throws(() => parseReportJson('<html>', 'page.json'), /^Error: page\.json: not JSON/);
});

test('index.html escapes every value from the run: no injected markup survives', () => {
  const html = renderHtml(report, 'NONCE');
  assert.equal(html.match(/<script/g)?.length, 1, 'only the report\'s own script');
  assert.ok(!html.includes('<img'), 'no injected image');
  assert.ok(!html.includes('</textarea>'));
  assert.ok(!/<!--/.test(html));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.replaceAll('&#39;', "'").includes(`content="default-src 'none'; style-src 'nonce-NONCE'; script-src 'nonce-NONCE'`), 'a CSP allows only the nonce-tagged script');
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  assert.deepEqual(tags.filter((t) => /\ssrc=|href="(?!#)|\son[a-z]+=/i.test(t)), [], 'no tag loads anything or carries a handler');
  assert.ok(!/url\(|@import/.test(html), 'no CSS url()');
});

test('index.html shows verdicts, matrix, evidence, not-covered reasons and environment', () => {
  const html = renderHtml(report);
  assert.match(html, /data-card="core"/);
  assert.match(html, /<table class="matrix">/);
  assert.match(html, /data-cell="getSecret v1\.0" title="SKM-SCR-GET-001 SKM-SCR-GET-002"/);
  assert.match(html, /Reproduce with/);
  assert.match(html, /not covered: the profile has no &lt;script&gt;/);
  assert.match(html, /<th>credential<\/th><td>\*\*\*\*abcd<\/td>/);
  assert.match(html, /<th>variants<\/th><td>v1\.0, v1\.1, v1\.2<\/td>/);
  assert.match(html, /a{64}/);
  assert.match(html, /id="req-SKM-SCR-GET-002"[^>]*data-status="failed"[^>]* open>/);
});

test('junit.xml has one testcase per test, requirement ids as properties, failures with messages', () => {
  const xml = renderJunit(report);
  assert.equal(xml.match(/<testcase /g)?.length, 3);
  assert.match(xml, /<property name="requirement" value="SKM-SCR-GET-002"\/>/);
  assert.match(xml, /<failure message="Secret value changed &lt;script&gt;/);
  assert.match(xml, /<skipped message="not covered: the profile has no &lt;script&gt;/);
  assert.ok(!xml.includes('<script'), 'escaped');
  assert.ok(!xml.includes('<img'));
});

test('junit.xml drops characters XML cannot carry', () => {
  const m = buildConformanceModel({ ...{ environment, generatedAt: new Date(0).toISOString() }, scope: model.scope, tests: [record('t9', ['SKM-SCR-GET-001'], 'failed', { failure: { message: 'bad \u0000\u0007 byte', title: 'bad \u001b byte' } })] });
  const xml = renderJunit(buildRunReport([m], m.generatedAt));
  // eslint-disable-next-line no-control-regex
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml));
});
