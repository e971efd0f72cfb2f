// Temporary folders that go away when the test (or the test file) that made them is done: what the
// tests write there, such as a mock's profile with its secrets, does not outlive them.
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Inside a test, removed after that test; at the top of a file, after the file's tests (not in a hook:
 *  node:test would remove it when the hook ends). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
