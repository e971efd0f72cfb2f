// The report page's own style and script, inlined into index.html (no network, opens from disk).
// The script only filters what the page already shows; it never builds markup from data.

export const REPORT_CSS = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --soft:#f6f8fa;
  --ok:#1a7f37; --ok-bg:#dafbe1; --bad:#cf222e; --bad-bg:#ffebe9; --nc:#8a5a00; --nc-bg:#fff4c2; --na:#6e7781; --na-bg:#eef1f4; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
/* in-page links land below the sticky filter bar */
[id] { scroll-margin-top: 56px; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
header { background: var(--soft); border-bottom: 1px solid var(--line); padding: 14px 0 10px; }
h1 { font-size: 22px; margin: 0 0 4px; display: flex; align-items: center; gap: 10px; }
h2 { font-size: 20px; margin: 0 0 4px; display: flex; align-items: center; gap: 10px; }
h3 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h4 { font-size: 15px; margin: 16px 0 6px; }
h5 { font-size: 14px; margin: 10px 0 4px; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { margin: 2px 0; padding: 6px 8px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; max-height: 24em; overflow: auto; }
pre.cmd { background: #0d1117; color: #e6edf3; border-color: #0d1117; }
.sub, .totals { margin: 2px 0; } .muted { color: var(--muted); } .small { font-size: 12px; } .fault { color: var(--bad); }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; vertical-align: 1px; }
.s-passed, .s-certified { background: var(--ok-bg); color: var(--ok); }
.s-failed { background: var(--bad-bg); color: var(--bad); }
.s-not-covered, .s-not-certified, .s-skipped { background: var(--nc-bg); color: var(--nc); }
.s-not-run { background: var(--na-bg); color: var(--na); }
h1 .chip, h2 .chip { font-size: 14px; padding: 2px 12px; }
table.summary { border-collapse: collapse; margin: 8px 0 4px; background: var(--bg); }
.summary th, .summary td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
.summary thead th { color: var(--muted); font-weight: 500; font-size: 12px; }
.summary .pv { display: inline-block; margin: 1px 10px 1px 0; white-space: nowrap; }
section.family { margin-top: 32px; }
.fhead { padding: 10px 14px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
.errors { margin: 8px 0; padding: 8px; border: 1px solid var(--bad); background: var(--bad-bg); border-radius: 6px; }
.filters { position: sticky; top: 0; z-index: 5; background: rgba(255,255,255,.96); border-bottom: 1px solid var(--line); padding: 7px 0; }
.filters .wrap { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; }
.flabel { font-weight: 600; }
.fchip { padding: 2px 8px; border-radius: 10px; cursor: pointer; user-select: none; }
.filters select, .filters input[type=search] { font: inherit; padding: 2px 6px; border: 1px solid var(--line); border-radius: 4px; }
.filters input[type=search] { min-width: 240px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 8px 12px; }
.card h4 { margin: 2px 0; display: flex; align-items: center; justify-content: space-between; font-size: 16px; }
.card.v-certified { border-left-color: var(--ok); } .card.v-failed { border-left-color: var(--bad); } .card.v-not-certified { border-left-color: #d4a72c; }
.card .what { margin: 0 0 4px; color: var(--muted); font-size: 12.5px; }
.card table.counts { border-collapse: collapse; margin: 4px 0 6px; font-size: 13px; }
.counts th, .counts td { padding: 1px 12px 1px 0; text-align: right; } .counts tr > th:first-child { text-align: left; }
.counts tr:first-child th { color: var(--muted); font-weight: 500; font-size: 12px; }
.counts .zero { color: #afb8c1; } .t-ok { color: var(--ok); font-weight: 600; }
.card ul { margin: 4px 0; padding-left: 18px; } .card li { margin: 2px 0; }
.t-failed { color: var(--bad); font-weight: 600; } .t-nc { color: var(--nc); }
.warnings summary { color: var(--nc); cursor: pointer; }
table.matrix { border-collapse: collapse; min-width: 560px; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
.matrix thead th { background: var(--soft); text-align: center; }
.matrix td { text-align: center; min-width: 130px; }
.matrix td small { display: block; font-size: 11px; opacity: .85; }
.c-passed { background: var(--ok-bg); color: var(--ok); font-weight: 600; }
.c-failed { background: var(--bad-bg); color: var(--bad); font-weight: 700; }
.c-not-covered { background: var(--nc-bg); color: var(--nc); }
.c-not-asked, .c-absent { background: var(--na-bg); color: var(--na); }
.legend span { padding: 0 6px; border-radius: 3px; }
.group ul { margin: 2px 0 8px; padding-left: 18px; } .group li { margin: 2px 0; }
.lv { font-size: 11px; font-weight: 700; padding: 0 4px; border-radius: 3px; border: 1px solid var(--line); }
.lv-MUST { color: #8250df; border-color: #c297ff; } .lv-SHOULD { color: #0969da; border-color: #80ccff; } .lv-MAY { color: var(--muted); }
details.req { border: 1px solid var(--line); border-radius: 6px; margin: 4px 0; }
details.req > summary { padding: 5px 8px; cursor: pointer; list-style-position: outside; margin-left: 14px; }
details.req[open] > summary { background: var(--soft); border-bottom: 1px solid var(--line); }
details.req:target, .card:target { outline: 2px solid #0969da; }
.rid { font-weight: 600; } .prof { color: var(--muted); font-size: 12px; } .stmt { margin-left: 2px; }
.rbody { padding: 6px 12px 10px; }
dl.meta { display: grid; grid-template-columns: 110px 1fr; gap: 2px 10px; margin: 4px 0 8px; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.amb { font-style: italic; }
ul.tests { list-style: none; padding: 0; margin: 0; }
li.test { border-top: 1px dashed var(--line); padding: 6px 0; }
.ttitle { font-weight: 600; }
.skip { color: var(--nc); margin: 2px 0 0 4px; }
.note { margin: 2px 0 0 4px; font-size: 12.5px; }
.evidence { margin: 6px 0 4px; padding: 6px 8px; border: 1px solid #ffcecb; background: #fffafa; border-radius: 6px; }
.ftitle { font-weight: 700; color: var(--bad); margin-bottom: 4px; }
.ev { margin: 3px 0; } .evl { font-size: 12px; font-weight: 600; color: var(--muted); }
details.raw summary, details.xs summary { cursor: pointer; font-size: 12px; color: var(--muted); }
.samples { margin-top: 4px; } .xs { margin: 2px 0; } .xs code { font-size: 12px; }
details.oos { margin: 12px 0; } details.oos summary { cursor: pointer; color: var(--muted); }
dl.amb-list dt { margin-top: 6px; } dl.amb-list dd { margin: 2px 0 4px 18px; color: var(--fg); }
table.env { border-collapse: collapse; } .env th { text-align: left; color: var(--muted); font-weight: 500; padding: 3px 14px 3px 0; vertical-align: top; } .env td { padding: 3px 0; }
#differences h4 { margin-top: 14px; }
.diff { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin: 6px 0; }
.diff h5 { margin: 2px 0 6px; font-weight: 500; }
/* baseline | candidate: min-width 0 lets long evidence wrap inside its column instead of widening it */
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; } .side { min-width: 0; } .side p { margin: 4px 0; }
.sidel { font-size: 12px; color: var(--muted); }
.o-strict, .o-learned { background: var(--ok-bg); color: var(--ok); } .o-other { background: #ddf4ff; color: #0969da; }
.o-contradicts { background: var(--bad-bg); color: var(--bad); } .o-unsettled { background: var(--na-bg); color: var(--na); }
footer { margin: 30px auto 20px; }
@media print { .filters { display: none; } details.req { break-inside: avoid; } }
`;

export const REPORT_JS = `
(function () {
  'use strict';
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var boxes = all('input[name=status]');
  var profile = document.getElementById('f-profile');
  var level = document.getElementById('f-level');
  var text = document.getElementById('f-text');
  var count = document.getElementById('f-count');
  function apply() {
    var statuses = {};
    boxes.forEach(function (b) { if (b.checked) statuses[b.value] = true; });
    var p = profile.value, l = level.value, q = text.value.trim().toLowerCase();
    var shown = 0, total = 0;
    all('[data-status]').forEach(function (el) {
      var ok = !!statuses[el.getAttribute('data-status')] &&
        (!p || el.getAttribute('data-profile') === p) &&
        (!l || el.getAttribute('data-level') === l) &&
        (!q || el.textContent.toLowerCase().indexOf(q) >= 0);
      el.hidden = !ok;
      if (el.classList.contains('req')) { total++; if (ok) shown++; }
    });
    all('[data-card]').forEach(function (el) { el.hidden = !!p && el.getAttribute('data-card') !== p; });
    all('.group').forEach(function (g) { g.hidden = all('li[data-status]:not([hidden])', g).length === 0; });
    all('[data-level-block]').forEach(function (b) {
      var none = all('details.req:not([hidden])', b).length === 0;
      b.querySelector('.none').hidden = !none;
    });
    count.textContent = shown + ' of ' + total + ' requirements shown';
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  profile.addEventListener('change', apply);
  level.addEventListener('change', apply);
  text.addEventListener('input', apply);
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.tagName === 'DETAILS') { el.hidden = false; el.open = true; el.scrollIntoView({ block: 'start' }); }
  }
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
})();
`;
