// The suites' tests as Playwright collects them (no target needed), with their requirement ids:
// what traceability and the report's "not covered" list are computed from.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REQUIREMENT_ANNOTATION } from './requirements.ts';

export interface ListedTest {
  title: string;
  file: string;
  requirements: string[];
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { title: string; file: string; tests: { annotations: { type: string; description?: string }[] }[] }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function listSuiteTests(): ListedTest[] {
  const cli = fileURLToPath(new URL('../node_modules/@playwright/test/cli.js', import.meta.url));
  const json = execFileSync(process.execPath, [cli, 'test', '--list', '--reporter=json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SKM_TARGET: '' } });
  const out: ListedTest[] = [];
  const walk = (s: JsonSuite) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        out.push({ title: spec.title, file: spec.file, requirements: t.annotations.filter((a) => a.type === REQUIREMENT_ANNOTATION).map((a) => a.description!) });
      }
    }
    for (const child of s.suites ?? []) walk(child);
  };
  for (const s of (JSON.parse(json) as { suites: JsonSuite[] }).suites) walk(s);
  return out;
}
