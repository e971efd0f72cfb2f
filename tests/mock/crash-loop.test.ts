// A mock with --data-dir that is killed again and again, each time before its own writes came to a
// snapshot, must still snapshot: the log it replays at start stays bounded, whatever the crash history.
// The journal counts the log's length, not the writes of one process (mock/store/journal.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { Journal } from '../../mock/store/journal.ts';
import { State, type StateEvent } from '../../mock/store/state.ts';
import { Store } from '../../mock/store/store.ts';
import { tempDir } from '../temp-dir.ts';
import { killMockProcess, startMockProcess } from './mock-process.ts';

const emptyState = () => new State(new Map(), new Map(), { ca: { certPem: '', keyPem: '' }, server: { certPem: '', keyPem: '' } }, {});

function secretCreated(id: string): StateEvent {
  return { type: 'keyCreated', key: { id, appkey: 'a', keyStoreName: 's', type: 'secret', name: id, description: '', autoRotationPeriod: 0, status: 'In Service', secret: `value of ${id}`, versions: [] } };
}

/** A start as the mock makes it: snapshot and log replayed, then the store over them. */
function start(dir: string, snapshotEvery: number): { store: Store; journal: Journal; replayed: number } {
  const recovered = Journal.open(dir);
  const state = recovered.state ? State.fromSerial(recovered.state) : emptyState();
  for (const e of recovered.events) state.apply(e);
  return { store: new Store(state, recovered.journal, snapshotEvery), journal: recovered.journal, replayed: recovered.events.length };
}

const logLines = (dir: string) => (existsSync(join(dir, 'wal.log')) ? readFileSync(join(dir, 'wal.log'), 'utf8').split('\n').length - 1 : 0);

test('twenty crashes of 30 writes each, snapshots due every 50: every start replays fewer than 50 entries and nothing is lost', () => {
  const dir = tempDir('skm-crash-loop-');
  const replays: number[] = [];
  for (let crash = 0; crash < 20; crash++) {
    const { store, journal, replayed } = start(dir, 50);
    replays.push(replayed);
    for (let i = 0; i < 30; i++) store.commit(secretCreated(`k${crash}-${i}`));
    journal.close(); // as a kill would: no snapshot on the way out
  }
  const { store, replayed } = start(dir, 50);
  console.log(`entries replayed at each start: ${[...replays, replayed].join(' ')}`);
  assert.ok(Math.max(...replays, replayed) < 50, `a start replayed ${Math.max(...replays, replayed)} entries`);
  assert.equal(store.state.keys.size, 600);
  assert.equal(store.state.keys.get('k19-29')?.secret, 'value of k19-29');
  store.close();
});

test('a start that finds the log already as long as the snapshot interval snapshots at once', () => {
  const dir = tempDir('skm-long-log-');
  const first = start(dir, 1000);
  for (let i = 0; i < 120; i++) first.store.commit(secretCreated(`k${i}`));
  first.journal.close();
  assert.equal(logLines(dir), 120);
  const second = start(dir, 100);
  assert.equal(second.replayed, 120);
  assert.equal(logLines(dir), 0, 'the log was replaced by a snapshot before the first write');
  second.journal.close();
  const third = start(dir, 100);
  assert.equal(third.replayed, 0);
  assert.equal(third.store.state.keys.size, 120);
  third.store.close();
});

test('the mock process killed eleven times after 100 writes each: the log never reaches 1,000 entries and every secret is kept', { timeout: 120_000 }, async () => {
  const dataDir = tempDir('skm-crash-loop-data-');
  const profileDir = tempDir('skm-crash-loop-profile-');
  const args = ['--data-dir', dataDir, '--profile-out', profileDir];
  const secrets = new Map<string, string>();
  const replayed: number[] = [];
  for (let crash = 0; crash < 11; crash++) {
    replayed.push(logLines(dataDir));
    const { child, base } = await startMockProcess(args);
    const client = clientOf(base, profileDir);
    // Four clients at a time, as a harness would send them.
    await Promise.all(Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 25; i++) {
        const value = `crash ${crash}, client ${w}, secret ${i}`;
        secrets.set(await client.createSecret(value), value);
      }
    }));
    await killMockProcess(child, 'SIGKILL');
  }
  console.log(`log entries each start found (and replayed): ${replayed.join(' ')}; then ${logLines(dataDir)}`);
  assert.ok(Math.max(...replayed, logLines(dataDir)) < 1000, 'the log stays under the snapshot interval');
  const { child, base } = await startMockProcess(args);
  try {
    const client = clientOf(base, profileDir);
    for (const [keyId, value] of secrets) assert.equal(await client.getSecret(keyId), value, `secret ${keyId}`);
  } finally {
    await killMockProcess(child, 'SIGTERM');
  }
});

/** createSecret and getSecret (v1.2) with the credentials of the profile the mock wrote. */
function clientOf(base: string, profileDir: string) {
  const { profile } = loadTarget(join(profileDir, 'profile.yaml'));
  const headers = { 'x-tc-authentication-id': profile.credentials!.accessKeyId, 'x-tc-authentication-secret': profile.credentials!.secretAccessKey };
  const url = (path: string) => `${base}/keymanager/v1.2/appkey/${profile.appkey}${path}`;
  const body = async (res: Awaited<ReturnType<typeof request>>) => {
    const json = (await res.body.json()) as { header: { isSuccessful: boolean; resultMessage: string }; body: Record<string, string> };
    assert.ok(json.header.isSuccessful, json.header.resultMessage);
    return json.body;
  };
  return {
    createSecret: async (secretValue: string) => {
      const res = await request(url('/keys/secrets/create'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ keyStoreName: 'Store #1', name: secretValue, secretValue }),
      });
      return (await body(res)).keyId;
    },
    getSecret: async (keyId: string) => (await body(await request(url(`/secrets/${keyId}`), { headers }))).secret,
  };
}
