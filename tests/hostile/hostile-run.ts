// One `kms-conformance run` against a hostile target, as a user would start it, with what a hostile
// target must not change measured: how long the run took, the most memory one of its processes held,
// and what the report or the one-line error says. A run that outlives HARD_CAP_MS is killed (its whole
// process group) and reported as such, so a hang fails its test instead of the test runner.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { BIN, ROOT } from '../cli/cli-run.ts';
import type { ConformanceModel } from '../../reports/model.ts';
import type { RunReport } from '../../reports/run-report.ts';
import { watchPeakMemory } from './peak-memory.ts';

const HARD_CAP_MS = 150_000;

export interface HostileRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakMiB: number;
  /** the report, when the run wrote one */
  model?: ConformanceModel;
  killed: boolean;
}

export interface RunSetup {
  /** a fresh folder for the profile and the report */
  dir: string;
  baseUrl: string;
  /** the profile's limits (default: none, the harness's defaults) */
  limits?: { responseBytes?: number; responseSeconds?: number };
  /** PEM of the CA the profile trusts */
  caPem?: string;
  args: string[];
}

/** Writes the profile of a hostile target into s.dir, and returns its path. */
export function writeProfile(s: Omit<RunSetup, 'args'>): string {
  const profile = {
    profileVersion: 1,
    name: 'hostile loopback target',
    family: 'skm',
    baseUrl: s.baseUrl,
    apiVersions: ['v1.0'],
    appkey: 'hostileAppkey0000',
    keys: { secret: { id: 'secret-1' }, symmetric: { id: 'symmetric-1' }, asymmetric: { id: 'asymmetric-1' } },
    ...(s.caPem ? { tls: { ca: 'ca.pem' } } : {}),
    ...(s.limits ? { limits: s.limits } : {}),
  };
  if (s.caPem) writeFileSync(join(s.dir, 'ca.pem'), s.caPem);
  const path = join(s.dir, 'target.yaml');
  writeFileSync(path, stringify(profile));
  return path;
}

export function runAgainst(s: RunSetup): Promise<HostileRun> {
  const target = writeProfile(s);
  const out = join(s.dir, 'report');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SKM_') && k !== 'CI' && !k.startsWith('PLAYWRIGHT_') && !k.startsWith('PW_')));
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'run', '--target', target, '--out', out, ...s.args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = watchPeakMemory(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let killed = false;
  const cap = setTimeout(() => {
    killed = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, HARD_CAP_MS);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(cap);
      const json = join(out, 'conformance.json');
      const model = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as RunReport).families[0] : undefined;
      done({ code, stdout, stderr, seconds: (performance.now() - started) / 1000, peakMiB: memory.stop(), model, killed });
    });
  });
}

/** Everything the report says went wrong: failures' received answers and evidence, and skip reasons. */
export function reportedProblems(model: ConformanceModel): string {
  return model.tests.flatMap((t) => [t.failure?.received, t.failure?.response, t.skipReason].filter((x): x is string => !!x)).join('\n');
}
