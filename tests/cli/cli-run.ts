// Runs the kms-conformance command as a user would (through its JS shim), with a clean environment.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAMILY_IDS } from '../../families/registry.ts';
import { envPrefix } from '../../harness/family-plugin.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../cli/kms-conformance.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Every family's variables (SKM_, NCP_KMS_, KSIG1_), the run's own and Playwright's.
const OURS = [...FAMILY_IDS.map((id) => `${envPrefix(id)}_`), 'CONFORMANCE_', 'PLAYWRIGHT_', 'PW_'];

export function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<CliResult> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OURS.some((prefix) => k.startsWith(prefix)) && k !== 'CI'));
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
