// `npm run bench:failing`: how much longer a conformance run takes against a target that fails most
// tests than against a clean one. Both are the embedded mock through `kms-conformance run --versions
// v1.0` with the same seed; the failing one has FAULTS switched on. Runs go clean, failing, failing,
// clean, so load from whatever else shares the machine falls on both sides alike.
// Goal: failing / clean at most 2. Playwright discards a worker after each failed test and a new one
// takes seconds to start: before harness/recorded-failure.ts this ratio was about 14.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReportJson } from '../reports/render-json.ts';

// Every refusal answered as a success and every keyVersion a string: most tests fail, at a check
// rather than at their positive control (a failed control would end the test as skipped instead).
const FAULTS = 'error-as-success,keyversion-string';
const ARGS = ['run', '--family', 'skm', '--versions', 'v1.0', '--seed', '1'];
const ORDER = ['clean', 'failing', 'failing', 'clean'] as const;
const GOAL = 2;
const CLI = fileURLToPath(new URL('../cli/kms-conformance.js', import.meta.url));

type Kind = (typeof ORDER)[number];

interface Run {
  kind: Kind;
  seconds: number;
  passed: number;
  failed: number;
  skipped: number;
}

/** The environment of a run against the embedded mock, with or without the faults. */
function envFor(kind: Kind): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['SKM_TARGET', 'SKM_MOCK_FAULTS', 'SKM_MOCK_PERSONALITY', 'SKM_MOCK_ERROR_TRANSPORT', 'SKM_REPORT_DIR']) delete env[k];
  if (kind === 'failing') env.SKM_MOCK_FAULTS = FAULTS;
  return env;
}

async function measure(kind: Kind, out: string): Promise<Run> {
  const t0 = performance.now();
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...ARGS, '--out', out], { stdio: 'ignore', env: envFor(kind) });
    child.on('error', fail);
    child.on('exit', (c) => done(c ?? 1));
  });
  const seconds = (performance.now() - t0) / 1000;
  // 0 or 1 is a verdict; anything else means the run itself broke.
  if (code > 1) throw new Error(`the ${kind} run exited with ${code}; run \`npx kms-conformance ${ARGS.join(' ')}\` to see why`);
  const json = join(out, 'conformance.json');
  const [skm] = parseReportJson(readFileSync(json, 'utf8'), json).families;
  const { passed, failed, skipped } = skm.summary.tests;
  return { kind, seconds, passed, failed, skipped };
}

function total(runs: Run[], kind: Kind): number {
  return runs.filter((r) => r.kind === kind).reduce((s, r) => s + r.seconds, 0);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'skm-bench-failing-'));
  try {
    console.log(`kms-conformance ${ARGS.join(' ')}, clean mock and mock with SKM_MOCK_FAULTS=${FAULTS}\n`);
    console.log('run        seconds   passed   failed   skipped');
    const runs: Run[] = [];
    for (const [i, kind] of ORDER.entries()) {
      const r = await measure(kind, join(work, String(i)));
      runs.push(r);
      console.log(`${kind.padEnd(9)} ${r.seconds.toFixed(1).padStart(8)} ${String(r.passed).padStart(8)} ${String(r.failed).padStart(8)} ${String(r.skipped).padStart(9)}`);
    }
    const clean = runs.filter((r) => r.kind === 'clean');
    const failing = runs.filter((r) => r.kind === 'failing');
    // The ratio means something only when the clean run is clean and the failing one mostly fails.
    if (clean.some((r) => r.failed > 0)) throw new Error('the clean run has failures: fix them before benchmarking');
    if (failing.some((r) => r.failed <= r.passed + r.skipped)) throw new Error('the failing run did not fail most of its tests');
    const ratio = total(runs, 'failing') / total(runs, 'clean');
    console.log(`\nfailing / clean: ${ratio.toFixed(2)} (goal <= ${GOAL}): ${ratio <= GOAL ? 'met' : 'NOT met'}`);
    if (ratio > GOAL) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
