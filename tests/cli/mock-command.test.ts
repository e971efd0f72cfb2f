// `kms-conformance mock` prints the path of the profile it wrote, serves until Ctrl-C, then exits 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { probeTarget } from '../../harness/probe-target.ts';
import { BIN } from './cli-run.ts';
import { tempDir } from '../temp-dir.ts';

test('mock prints its profile path, answers, and stops on SIGINT', async () => {
  const dir = tempDir('skm-mock-cmd-');
  const child = spawn(process.execPath, [BIN, 'mock', '--profile-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const path = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.endsWith('.yaml'));
      if (line) done(line);
    });
    exited.then(() => fail(new Error(`mock exited: ${out}`)));
  });
  assert.equal(path, join(dir, 'profile.yaml'));
  assert.ok(existsSync(path));
  await probeTarget(loadTarget(path));
  child.kill('SIGINT');
  assert.equal(await exited, 0);
});
