// The suites' tests as Playwright collects them (no target needed), with their requirement ids and
// the variants they call: what traceability and the report's "not covered" list are computed from.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REQUIREMENT_ANNOTATION } from './requirements.ts';
import { variantsOf } from './variants.ts';

export interface ListedTest {
  title: string;
  file: string;
  requirements: string[];
  /** the API variants it calls (its own and its describes' annotations) */
  variants: string[];
}

interface JsonSuite {
  suites?: JsonSuite[];
  specs?: { title: string; file: string; tests: { annotations: { type: string; description?: string }[] }[] }[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The tests Playwright collects, with `args` (a --grep, say) narrowing them. */
export function listSuiteTests(args: readonly string[] = []): ListedTest[] {
  const cli = fileURLToPath(new URL('../node_modules/@playwright/test/cli.js', import.meta.url));
  const json = execFileSync(process.execPath, [cli, 'test', '--list', '--reporter=json', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SKM_TARGET: '' } });
  const out: ListedTest[] = [];
  const walk = (s: JsonSuite) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const requirements = t.annotations.filter((a) => a.type === REQUIREMENT_ANNOTATION).map((a) => a.description!);
        out.push({ title: spec.title, file: spec.file, requirements, variants: variantsOf(t.annotations) });
      }
    }
    for (const child of s.suites ?? []) walk(child);
  };
  for (const s of (JSON.parse(json) as { suites: JsonSuite[] }).suites) walk(s);
  return out;
}
