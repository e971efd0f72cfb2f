// junit.xml for CI systems: one testsuite per family and spec file, one testcase per test, the
// requirement ids (and seed, signature scheme, ...) as <property>s, failures with their masked evidence.
import type { ConformanceModel, TestRecord } from './model.ts';
import type { RunReport } from './run-report.ts';

// Characters XML 1.0 cannot carry at all (a target's response may contain them).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(t: TestRecord): string {
  const name = xmlEscape(t.titlePath.join(' › '));
  const props = [
    ...t.requirements.map((id) => ['requirement', id]),
    // Tags that only repeat a requirement id (@SKM-...) are already there as requirement properties.
    ...t.tags.filter((tag) => !t.requirements.includes(tag.slice(1))).map((tag) => ['tag', tag]),
    ...t.notes.map((n) => [n.type, n.description]),
  ];
  const lines = [`    <testcase name="${name}" classname="${xmlEscape(t.file)}" time="${seconds(t.durationMs)}">`];
  if (props.length > 0) {
    lines.push('      <properties>');
    for (const [k, v] of props) lines.push(`        <property name="${xmlEscape(k)}" value="${xmlEscape(v)}"/>`);
    lines.push('      </properties>');
  }
  if (t.status === 'failed') {
    const f = t.failure;
    const type = f?.oracle ? `oracle ${f.oracle}` : 'Error';
    lines.push(`      <failure message="${xmlEscape(f?.title ?? 'failed')}" type="${xmlEscape(type)}">${xmlEscape(f?.message ?? '')}</failure>`);
  } else if (t.status === 'skipped') {
    lines.push(`      <skipped message="${xmlEscape(t.skipReason ?? '')}"/>`);
  } else if (t.status === 'not run') {
    lines.push('      <skipped message="not run (the run stopped before it)"/>');
  }
  lines.push('    </testcase>');
  return lines.join('\n');
}

const count = (ts: TestRecord[]) => ({
  tests: ts.length,
  failures: ts.filter((t) => t.status === 'failed').length,
  skipped: ts.filter((t) => t.status === 'skipped' || t.status === 'not run').length,
  time: seconds(ts.reduce((s, t) => s + t.durationMs, 0)),
});

function testsuites(model: ConformanceModel): string[] {
  const byFile = new Map<string, TestRecord[]>();
  for (const t of model.tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  return [...byFile].flatMap(([file, tests]) => {
    const c = count(tests);
    const name = xmlEscape(`${model.family.id}: ${file}`);
    const timestamp = xmlEscape(model.environment.startedAt);
    return [
      `  <testsuite name="${name}" tests="${c.tests}" failures="${c.failures}" skipped="${c.skipped}" errors="0" time="${c.time}" timestamp="${timestamp}">`,
      ...tests.map(testcase),
      '  </testsuite>',
    ];
  });
}

export function renderJunit(report: RunReport): string {
  const all = count(report.families.flatMap((m) => m.tests));
  // The run's wall time when its families ran one after another (a report records no run-wide duration).
  const time = seconds(report.families.reduce((s, m) => s + m.environment.durationMs, 0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kms-conformance" tests="${all.tests}" failures="${all.failures}" skipped="${all.skipped}" errors="0" time="${time}">`,
    ...report.families.flatMap(testsuites),
    '</testsuites>',
    '',
  ].join('\n');
}
