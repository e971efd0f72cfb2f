// index.html: one self-contained page (inline CSS and JS, no network) that a person can read in a
// minute: the run's verdict and a summary per API family, the differences from a baseline when the run
// is a comparison (`kms-conformance compare`), then one section per family with its
// verdict per profile, the operations × variants matrix, what was not covered and why, every
// requirement with its evidence, ambiguity notes and the environment. Every value is escaped (see
// html.ts) and a Content-Security-Policy lets only this file's own nonce-tagged style and script run.
import { randomBytes } from 'node:crypto';
import { familyById, type FamilyData } from '../harness/family.ts';
import { h, trusted, anchor, type Html } from './html.ts';
import {
  LEVELS,
  type ConformanceModel,
  type Environment,
  type ExchangeSample,
  type Failure,
  type ProfileResult,
  type RequirementResult,
  type TestRecord,
} from './model.ts';
import { familyModel, type RunReport } from './run-report.ts';
import type { ComparedTarget, Comparison, Difference, Evidence, PointSide } from './comparison.ts';
import { REPORT_CSS, REPORT_JS } from './html-assets.ts';

const STATUS_LABEL: Record<string, string> = {
  passed: 'passed',
  failed: 'failed',
  'not covered': 'not covered',
  skipped: 'skipped',
  'not run': 'not run',
  certified: 'certified',
  'not certified': 'not certified',
};

const cls = (status: string) => status.replace(/ /g, '-');

// Every family's sections share one page, so their ids carry the family id; requirement anchors
// need no prefix (requirement ids carry the family's).
const familyAnchor = (m: ConformanceModel) => anchor('family', m.family.id);
const sectionId = (m: ConformanceModel, part: string) => anchor(m.family.id, part);
const profileAnchor = (m: ConformanceModel, profile: string) => anchor(`${m.family.id}-profile`, profile);

function chip(status: string): Html {
  return h`<span class="chip s-${cls(status)}">${STATUS_LABEL[status] ?? status}</span>`;
}

function reqLink(id: string): Html {
  return h`<a class="rid" href="#${anchor('req', id)}">${id}</a>`;
}

function idList(ids: string[]): Html[] {
  return ids.map((id, i) => h`${i > 0 ? ', ' : ''}${reqLink(id)}`);
}

function ms(n: number): string {
  if (n < 1000) return `${n} ms`;
  if (n < 60_000) return `${(n / 1000).toFixed(1)} s`;
  return `${Math.floor(n / 60_000)} min ${Math.round((n % 60_000) / 1000)} s`;
}

function pageHeader(report: RunReport): Html {
  const n = report.families.length;
  return h`<header>
<div class="wrap">
<h1>Conformance report ${chip(report.verdict)}</h1>
<p class="sub">${n} API famil${n === 1 ? 'y' : 'ies'} · ${new Date(report.generatedAt).toUTCString()}</p>
${n > 0 ? summaryTable(report) : ''}
${report.comparison ? differencesLine(report.comparison) : ''}
</div>
</header>`;
}

function summaryTable(report: RunReport): Html {
  return h`<table class="summary"><thead><tr><th>API family</th><th>target</th><th>verdict</th><th>profiles</th></tr></thead><tbody>
${report.families.map(
  (m) => h`<tr><th><a href="#${familyAnchor(m)}">${m.family.title}</a></th><td>${m.environment.target?.name ?? 'unknown'}</td><td>${chip(m.verdict)}</td>
<td>${m.profiles.map((p) => h`<a class="pv" href="#${profileAnchor(m, p.profile)}">${p.profile} ${chip(p.verdict)}</a>`)}</td></tr>`,
)}
</tbody></table>`;
}

type Calibration = NonNullable<NonNullable<Environment['target']>['calibration']>;

const pinnedBy = (c: Calibration) => `expectations pinned by calibration against ${c.target} on ${c.date}`;

function targetLine(t: Environment['target']): Html | string {
  if (!t) return 'Target unknown';
  const faults = t.mockFaults.length > 0 ? h` · <b class="fault">faults on: ${t.mockFaults.join(', ')}</b>` : '';
  const notes = `${t.embeddedMock ? ' · embedded mock' : ''}${t.calibration ? ` · ${pinnedBy(t.calibration)}` : ''}`;
  return h`Target <b>${t.name}</b> <code>${t.baseUrl}</code> · variants ${t.variants.join(', ')}${notes}${faults}`;
}

function familyHeader(m: ConformanceModel): Html {
  const certified = m.profiles.filter((p) => p.verdict === 'certified').length;
  const { requirements: r, tests: t } = m.summary;
  const errors = m.environment.errors;
  return h`<div class="fhead">
<h2>${m.family.title} ${chip(m.verdict)}</h2>
<p class="sub">${targetLine(m.environment.target)}
 · ${new Date(m.generatedAt).toUTCString()} · <a href="#${sectionId(m, 'environment')}">environment and command</a></p>
<p class="totals"><b>${certified}/${m.profiles.length}</b> profiles certified
 · requirements in scope: <b>${r.passed}</b> passed, <b>${r.failed}</b> failed, <b>${r.notCovered}</b> not covered
 · tests: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped${t.notRun > 0 ? `, ${t.notRun} not run` : ''} · ${ms(m.environment.durationMs)}</p>
${errors.length > 0 ? h`<div class="errors"><b>Errors outside tests</b>${errors.map((e) => h`<pre>${e}</pre>`)}</div>` : ''}
</div>`;
}

const MAX_LISTED = 6;

function profileCard(m: ConformanceModel, p: ProfileResult, family: FamilyData): Html {
  const c = p.counts;
  const num = (n: number, klass: string) => (n === 0 ? h`<td class="zero">–</td>` : h`<td class="${klass}">${n}</td>`);
  const levels = LEVELS.filter((l) => c[l].total > 0).map(
    (l) => h`<tr><th>${l}</th><td class="${c[l].passed === c[l].total ? 't-ok' : ''}">${c[l].passed}/${c[l].total}</td>${num(c[l].failed, 't-failed')}${num(c[l].notCovered, 't-nc')}</tr>`,
  );
  const failed = p.failed.length > 0 ? h`<li>${p.failed.length} MUST failed: ${idList(p.failed)}</li>` : '';
  const notCovered = p.notCovered.map(
    (g) => h`<li>${g.requirements.length} MUST could not run — <i>${g.reason}</i>: ${idList(g.requirements.slice(0, MAX_LISTED))}${g.requirements.length > MAX_LISTED ? ` and ${g.requirements.length - MAX_LISTED} more` : ''}</li>`,
  );
  const none = p.counts.MUST.total === 0 ? h`<li>${p.reasons.at(-1) ?? ''}</li>` : '';
  const warnings = p.warnings.length > 0 ? h`<details class="warnings"><summary>${p.warnings.length} SHOULD/MAY warning${p.warnings.length > 1 ? 's' : ''}</summary><ul>${p.warnings.map((w) => h`<li>${linkIds(w, family.idPrefix)}</li>`)}</ul></details>` : '';
  return h`<article class="card v-${cls(p.verdict)}" id="${profileAnchor(m, p.profile)}" data-card="${p.profile}">
<h4>${p.profile} ${chip(p.verdict)}</h4>
<p class="what">${family.profiles[p.profile]?.description ?? ''}</p>
<table class="counts"><tr><td></td><th>passed</th><th>failed</th><th>not covered</th></tr>${levels}</table>
${failed || notCovered.length > 0 || none ? h`<ul class="reasons">${failed}${notCovered}${none}</ul>` : ''}
${warnings}
</article>`;
}

/** Text with requirement ids turned into links (the rest escaped). */
function linkIds(text: string, idPrefix: string): Html[] {
  const parts: Html[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(`${idPrefix}-[A-Z0-9-]+\\d`, 'g'))) {
    parts.push(h`${text.slice(last, m.index)}`, reqLink(m[0]));
    last = m.index! + m[0].length;
  }
  parts.push(h`${text.slice(last)}`);
  return parts;
}

function filters(report: RunReport): Html {
  const profiles = [...new Set(report.families.flatMap((m) => m.scope.profiles))];
  return h`<nav class="filters" aria-label="filters"><div class="wrap">
<span class="flabel">Show</span>
${(['failed', 'not covered', 'passed'] as const).map((s) => h`<label class="fchip s-${cls(s)}"><input type="checkbox" name="status" value="${s}" checked> ${s}</label>`)}
<label>profile <select id="f-profile"><option value="">all</option>${profiles.map((p) => h`<option value="${p}">${p}</option>`)}</select></label>
<label>level <select id="f-level"><option value="">all</option>${LEVELS.map((l) => h`<option value="${l}">${l}</option>`)}</select></label>
<input type="search" id="f-text" placeholder="search id, statement, test…" aria-label="search">
<span id="f-count" class="muted"></span>
</div></nav>`;
}

function matrix(m: ConformanceModel): Html {
  const label: Record<string, string> = { passed: 'pass', failed: 'fail', 'not covered': 'not covered', 'not asked': 'not asked', absent: '—' };
  return h`<section id="${sectionId(m, 'matrix')}"><h3>Operations × variants</h3>
<p class="muted">Per logical operation and variant: the tests whose exchanges called it for one of their requirements. Hover a cell for its requirements.</p>
<table class="matrix"><thead><tr><th>operation</th>${m.matrix.versions.map((v) => h`<th>${v}</th>`)}</tr></thead><tbody>
${m.matrix.rows.map(
  (r) => h`<tr><th><code>${r.operation}</code></th>${r.cells.map((c) => {
    const count = c.status === 'passed' || c.status === 'failed' ? h`<small>${c.passed} passed${c.failed > 0 ? `, ${c.failed} failed` : ''}</small>` : '';
    const title = c.requirements.length > 0 ? c.requirements.join(' ') : c.status === 'absent' ? 'not in this variant' : c.status;
    return h`<td class="c-${cls(c.status)}" data-cell="${r.operation} ${c.version}" title="${title}"><span>${label[c.status]}</span>${count}</td>`;
  })}</tr>`,
)}
</tbody></table>
<p class="legend"><span class="c-passed">pass</span> every test that ran passed · <span class="c-failed">fail</span> a test failed
 · <span class="c-not-covered">not covered</span> no test ran · <span class="c-not-asked">not asked</span> variant not in scope · — the variant has no such operation</p>
</section>`;
}

function notCoveredSection(m: ConformanceModel): Html {
  const groups = new Map<string, RequirementResult[]>();
  for (const r of m.requirements.filter((x) => x.inScope && x.status === 'not covered')) {
    for (const reason of r.reasons.length > 0 ? r.reasons : ['unknown']) groups.set(reason, [...(groups.get(reason) ?? []), r]);
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  const n = m.summary.requirements.notCovered;
  return h`<section id="${sectionId(m, 'not-covered')}"><h3>Not covered, and why <small class="muted">${n} requirement${n === 1 ? '' : 's'}</small></h3>
${sorted.length === 0 ? h`<p>Every requirement in scope ran.</p>` : ''}
${sorted.map(
  ([reason, reqs]) => h`<div class="group"><h5>${reason} <small class="muted">(${reqs.length})</small></h5><ul>${reqs.map(
    (r) => h`<li data-status="not covered" data-profile="${r.profile}" data-level="${r.level}">${reqLink(r.id)} <span class="lv lv-${r.level}">${r.level}</span> <span class="muted">${r.profile}</span> ${r.statement}</li>`,
  )}</ul></div>`,
)}
</section>`;
}

function pre(label: string, text: string | undefined, klass = ''): Html | '' {
  if (text === undefined || text === '') return '';
  return h`<div class="ev"><div class="evl">${label}</div><pre class="${klass}">${text}</pre></div>`;
}

function failureEvidence(f: Failure): Html {
  return h`<div class="evidence">
<div class="ftitle">${f.title}${f.oracle ? h` <span class="muted">[oracle ${f.oracle}]</span>` : ''}</div>
${pre('Expected', f.expected)}${pre('Received', f.received)}${pre('Request', f.request)}${pre('Response', f.response)}${pre('Reproduce with', f.reproduce, 'cmd')}
${f.location ? h`<div class="muted small">thrown at ${f.location}</div>` : ''}
<details class="raw"><summary>full message</summary><pre>${f.message}</pre></details>
</div>`;
}

function exchangeLine(e: ExchangeSample): string {
  return `${e.method} ${e.url} → ${e.error ? `(no response) ${e.error}` : `HTTP ${e.status}`}`;
}

function exchangeSample(e: ExchangeSample): Html {
  const line = exchangeLine(e);
  const body = [e.requestBody !== undefined ? `request body ${e.requestBody}` : '', e.responseBody !== undefined ? `response ${e.responseBody}` : ''].filter(Boolean).join('\n');
  return body ? h`<details class="xs"><summary><code>${line}</code></summary><pre>${body}</pre></details>` : h`<div class="xs"><code>${line}</code></div>`;
}

function testItem(t: TestRecord, command: string): Html {
  const notes = t.notes.map((n) => h`<div class="note"><b>${n.type}</b> ${n.description}</div>`);
  const ops = Object.entries(t.operationCounts).map(([op, n]) => `${op}${n > 1 ? ` ×${n}` : ''}`).join(', ');
  const head = h`${chip(t.status)} <span class="ttitle">${t.titlePath.join(' › ')}</span> <span class="muted small">${t.file}:${t.line} · ${ms(t.durationMs)}${ops ? ` · ${ops}` : ''}</span>`;
  if (t.status !== 'failed') {
    // Passed and skipped tests stay one or two lines: the first request shows what was called.
    const first = t.exchanges[0];
    return h`<li class="test t-${cls(t.status)}">${head}
${t.status === 'skipped' ? h`<div class="skip">${t.skipReason}</div>` : ''}${notes}${first ? h`<div class="xs muted"><code>${exchangeLine(first)}</code>${t.exchangeCount > 1 ? ` and ${t.exchangeCount - 1} more` : ''}</div>` : ''}</li>`;
  }
  return h`<li class="test t-failed">${head}
${notes}
${t.failure ? failureEvidence(t.failure) : ''}
${pre('Run only this test', rerun(command, t), 'cmd')}
${t.exchanges.length > 0 ? h`<div class="samples"><span class="muted small">last ${t.exchanges.length} of ${t.exchangeCount} exchanges (masked)</span>${t.exchanges.map(exchangeSample)}</div>` : ''}
</li>`;
}

function rerun(command: string, t: TestRecord): string {
  // Playwright matches --grep against the title path joined by spaces.
  const title = t.titlePath.join(' ');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const base = command.replace(/ --grep (?:'[^']*(?:'\\''[^']*)*'|\S+)/, '').replace(/ --shard \S+/, '');
  return `${base} --grep '${escaped.replace(/'/g, `'\\''`)}'`;
}

function requirementRow(r: RequirementResult, tests: Map<string, TestRecord>, command: string): Html {
  const rank = { failed: 0, 'not run': 1, skipped: 2, passed: 3 } as const;
  const mine = r.tests
    .map((id) => tests.get(id))
    .filter((t): t is TestRecord => !!t)
    .sort((a, b) => rank[a.status] - rank[b.status]);
  const c = r.testCounts;
  const counts = [c.passed && `${c.passed} passed`, c.failed && `${c.failed} failed`, c.skipped && `${c.skipped} skipped`, c.notRun && `${c.notRun} not run`].filter(Boolean).join(', ');
  return h`<details class="req" id="${anchor('req', r.id)}" data-status="${r.status}" data-profile="${r.profile}" data-level="${r.level}"${r.status === 'failed' ? trusted(' open') : ''}>
<summary>${chip(r.status)} <code class="rid">${r.id}</code> <span class="lv lv-${r.level}">${r.level}</span> <span class="prof">${r.profile}</span> <span class="stmt">${r.statement}</span> <span class="muted small">${counts || 'no test'}</span></summary>
<div class="rbody">
<dl class="meta">
<dt>source</dt><dd>${r.source} <span class="muted">(basis: ${r.basis})</span></dd>
<dt>operations</dt><dd>${r.operations.join(', ')}${r.versions ? ` (only ${r.versions.join(', ')})` : ''}</dd>
${r.ambiguity ? h`<dt>ambiguity</dt><dd class="amb">${r.ambiguity}</dd>` : ''}
${r.reasons.length > 0 ? h`<dt>${r.status === 'failed' ? 'failures' : r.status === 'passed' ? 'skipped tests' : 'why'}</dt><dd>${r.reasons.map((x) => h`<div>${x}</div>`)}</dd>` : ''}
</dl>
${mine.length > 0 ? h`<ul class="tests">${mine.map((t) => testItem(t, command))}</ul>` : ''}
</div>
</details>`;
}

function requirementsSection(m: ConformanceModel): Html {
  const tests = new Map(m.tests.map((t) => [t.id, t]));
  const order = { failed: 0, 'not covered': 1, passed: 2 } as const;
  const inScope = m.requirements.filter((r) => r.inScope);
  const outOfScope = m.requirements.filter((r) => !r.inScope);
  const blocks = LEVELS.map((level) => {
    const rows = inScope.filter((r) => r.level === level).sort((a, b) => order[a.status] - order[b.status] || a.id.localeCompare(b.id));
    if (rows.length === 0) return '';
    const n = (s: string) => rows.filter((r) => r.status === s).length;
    const note = level === 'MUST' ? 'decide certification' : level === 'SHOULD' ? 'a failure is a warning, never a verdict change' : 'optional behaviour: reported, never required';
    const counts = `${rows.length} — ${n('passed')} passed, ${n('failed')} failed, ${n('not covered')} not covered · ${note}`;
    return h`<div class="level" data-level-block="${level}"><h4>${level} <small class="muted">${counts}</small></h4>
${rows.map((r) => requirementRow(r, tests, m.environment.command))}
<p class="none muted" hidden>No ${level} requirement matches the filters.</p></div>`;
  });
  const notAsked = outOfScope.map((r) => {
    const where = `${r.profile}${r.versions ? ` · ${r.versions.join(', ')}` : ''}`;
    return h`<li><code>${r.id}</code> <span class="lv lv-${r.level}">${r.level}</span> <span class="muted">${where}</span> ${r.statement}</li>`;
  });
  const n = outOfScope.length;
  const summary = `${n} requirement${n === 1 ? '' : 's'} not asked for in this run (other profiles or variants)`;
  return h`<section id="${sectionId(m, 'requirements')}"><h3>Requirements</h3>
${blocks}
${n > 0 ? h`<details class="oos"><summary>${summary}</summary><ul>${notAsked}</ul></details>` : ''}
</section>`;
}

function ambiguities(m: ConformanceModel): Html {
  const list = m.requirements.filter((r) => r.inScope && r.ambiguity);
  if (list.length === 0) return h``;
  return h`<section id="${sectionId(m, 'ambiguities')}"><h3>Ambiguity notes <small class="muted">${list.length}</small></h3>
<p class="muted">Where the documents are unclear or silent the default check is lenient; a target profile's <code>expectations</code> can make it strict.</p>
<details><summary>Show the ${list.length} notes</summary><dl class="amb-list">${list.map((r) => h`<dt>${reqLink(r.id)} ${chip(r.status)}</dt><dd>${r.ambiguity}</dd>`)}</dl></details>
</section>`;
}

function environment(m: ConformanceModel): Html {
  const e = m.environment;
  const t = e.target;
  const rows: [string, Html | string][] = [];
  if (t) {
    rows.push(['target', h`${t.name}${t.embeddedMock ? ' (embedded mock)' : ''}`], ['base URL', t.baseUrl], ['variants', t.variants.join(', ')]);
    if (t.credential !== undefined) rows.push(['credential', t.credential]);
    rows.push(['profile', t.profilePath]);
    if (t.calibration) rows.push(['calibration', pinnedBy(t.calibration)]);
    if (t.mockFaults.length > 0) rows.push(['mock faults', t.mockFaults.join(', ')]);
  }
  rows.push(
    ['asked', `profiles ${m.scope.profiles.join(', ')} · variants ${m.scope.versions.join(', ')}${m.scope.grep ? ` · grep ${m.scope.grep}` : ''}`],
    ['harness', `${e.harness.name} ${e.harness.version} · Playwright ${e.playwright} · Node ${e.node}`],
    ['spec sha256', h`<code>${e.specSha256}</code>`],
    ['catalogue sha256', h`<code>${e.catalogueSha256}</code>`],
    ['fast-check seed', e.seeds.length > 0 ? `${e.seeds.join(', ')}${e.runs !== undefined ? ` (runs ${e.runs})` : ''}` : 'none recorded'],
    ['started', `${e.startedAt} · ${ms(e.durationMs)} · ${e.workers} worker${e.workers === 1 ? '' : 's'}`],
  );
  if (m.scope.shards.length > 0) rows.push(['shards', m.scope.shards.join(', ')]);
  return h`<section id="${sectionId(m, 'environment')}"><h3>Environment</h3>
<table class="env">${rows.map(([k, v]) => h`<tr><th>${k}</th><td>${v}</td></tr>`)}</table>
<div class="ev"><div class="evl">Reproduce this run</div><pre class="cmd">${e.command}</pre></div>
</section>`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function differencesLine(c: Comparison): Html {
  const n = plural(c.differences.length, 'difference');
  return h`<p class="sub">This run has <a href="#differences">${n}</a> from its baseline <b>${c.baseline.name}</b></p>`;
}

function comparedTarget(role: string, t: ComparedTarget): Html {
  return h`${role} <b>${t.name}</b> <code>${t.baseUrl}</code>, calibrated at ${t.calibratedAt}`;
}

function outcomeChip(outcome: PointSide['outcome']): Html {
  return h`<span class="chip o-${outcome}">${outcome}</span>`;
}

function evidenceBlocks(e: Evidence | undefined): Html {
  if (!e) return h`<p class="muted small">no evidence recorded</p>`;
  return h`${pre('Test', e.test)}${pre('Request', e.request)}${pre('Response', e.response)}${pre('Failure', e.failure)}${pre('Time', e.at)}`;
}

function side(role: string, t: ComparedTarget, p: PointSide): Html {
  return h`<div class="side"><div class="sidel">${role} <b>${t.name}</b></div>
<p>${outcomeChip(p.outcome)} ${p.reason}</p>
${p.learned ? pre('Learned', JSON.stringify(p.learned, null, 1)) : ''}${evidenceBlocks(p.evidence)}</div>`;
}

/** A requirement id, linked when the page has its row: only requirements in scope get one. */
function idRef(id: string, rendered: ReadonlySet<string>): Html {
  return rendered.has(id) ? reqLink(id) : h`<code class="rid">${id}</code>`;
}

function differenceCard(c: Comparison, d: Difference, rendered: ReadonlySet<string>): Html {
  return h`<article class="diff">
<h5>${idRef(d.id, rendered)} <span class="stmt">${d.statement}</span></h5>
<div class="sides">${side('baseline', c.baseline, d.baseline)}${side('candidate', c.candidate, d.candidate)}</div>
</article>`;
}

function differencesSection(report: RunReport, c: Comparison): Html {
  const rendered = new Set(report.families.flatMap((m) => m.requirements.filter((r) => r.inScope).map((r) => r.id)));
  const byId = new Map(c.differences.map((d) => [d.id, d]));
  const family = familyModel(report, c.family)?.family.title ?? c.family;
  const operations = Object.entries(c.byOperation).map(
    ([op, ids]) => h`<h4><code>${op}</code> <small class="muted">${plural(ids.length, 'difference')}</small></h4>
${ids.flatMap((id) => byId.get(id) ?? []).map((d) => differenceCard(c, d, rendered))}`,
  );
  const nc = c.notCompared.length;
  return h`<section id="differences"><h3>Differences from baseline</h3>
<p>Open points of ${family}: ${comparedTarget('baseline', c.baseline)}; ${comparedTarget('candidate', c.candidate)}.</p>
<p class="totals">compared points: <b>${c.compared}</b> · differences: <b>${c.differences.length}</b> · not compared: <b>${nc}</b></p>
${c.differences.length === 0 ? h`<p>No difference on the ${plural(c.compared, 'point')} the baseline settled.</p>` : operations}
${nc > 0 ? h`<details class="oos"><summary>${plural(nc, 'open point')} not compared: the baseline did not settle ${nc === 1 ? 'it' : 'them'}</summary>
<p>${c.notCompared.map((id, i) => h`${i > 0 ? ', ' : ''}${idRef(id, rendered)}`)}</p></details>` : ''}
</section>`;
}

function familySection(m: ConformanceModel): Html {
  const family = familyById(m.family.id);
  return h`<section class="family" id="${familyAnchor(m)}">
${familyHeader(m)}
<section id="${sectionId(m, 'verdicts')}"><h3>Certification per profile</h3>
<p class="muted">Certified when every MUST of the profile ran and passed; failed when a MUST failed; not certified when a MUST could not run.</p>
<div class="cards">${m.profiles.map((p) => profileCard(m, p, family))}</div>
</section>
${matrix(m)}
${notCoveredSection(m)}
${requirementsSection(m)}
${ambiguities(m)}
${environment(m)}
</section>`;
}

export function renderHtml(report: RunReport, nonce = randomBytes(16).toString('base64')): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const harness = report.families[0]?.environment.harness;
  const page = h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>Conformance: ${report.families.map((m) => m.family.id).join(', ')} — ${report.verdict}</title>
<style nonce="${nonce}">${trusted(REPORT_CSS)}</style>
</head>
<body>
${pageHeader(report)}
${filters(report)}
<main class="wrap">
${report.comparison ? differencesSection(report, report.comparison) : ''}
${report.families.length > 0 ? report.families.map(familySection) : h`<p>No API family ran.</p>`}
</main>
<footer class="wrap muted small">${harness ? `${harness.name} ${harness.version} · ` : ''}conformance.json (schemaVersion ${report.schemaVersion})
and junit.xml sit beside this file</footer>
<script nonce="${nonce}">${trusted(REPORT_JS)}</script>
</body>
</html>
`;
  return page.value;
}
