// The mock as its own process (`tsx mock/main.ts`), for the tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/** Starts the mock with these options, as node --import tsx so the pid is the server's own (a kill hits
 *  the server, not a wrapper); resolves once it listens, with its plain-HTTP base URL. */
export function startMockProcess(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /plain (http:\/\/[^)]+)\)/.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`mock exited with ${code} before listening: ${err}`)));
  });
}

/** Sends the signal and waits until the process is gone. */
export async function killMockProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
