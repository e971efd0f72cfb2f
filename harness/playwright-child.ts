// Runs Playwright's CLI in a child process from the repository root, for the tests that judge the
// suites (every family's). The run's folder holds the mock's profile and its secrets: when the test
// process ends first (a test timed out), the child is stopped and the folder removed.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');

export interface ChildRun {
  exitCode: number;
  stderr: string;
}

/** `playwright test ...args`; resolves when it closes, leaving `dir` to the caller to read and remove. */
export function spawnPlaywright(args: readonly string[], env: NodeJS.ProcessEnv, dir: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    // Failure artefacts go to the run's own folder: in the repository's out/test-results they would
    // outlive the test, and Playwright empties that folder at each start, a user's run included.
    const child = spawn(process.execPath, [CLI, 'test', '--output', join(dir, 'test-results'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const abandon = () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', abandon);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', abandon);
      resolve({ exitCode: code ?? 1, stderr });
    });
  });
}
