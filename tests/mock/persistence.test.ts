// With --data-dir no acknowledged write is lost and the store is never left corrupt: the write-ahead
// log and snapshots in isolation, then the real thing: a mock process killed with SIGKILL under load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { request } from 'undici';
import * as validators from '../../generated/skm/validators.js';
import { Journal } from '../../mock/store/journal.ts';
import type { StateEvent } from '../../mock/store/state.ts';
import { Store } from '../../mock/store/store.ts';
import { State } from '../../mock/store/state.ts';
import { killMockProcess, startMockProcess } from './mock-process.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'skm-mock-data-'));
}

/** Runs a test body on a fresh data folder, removed afterwards whatever happens. */
function withTempDir(body: (dir: string) => void): () => void {
  return () => {
    const dir = tempDir();
    try {
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

const emptyState = () => new State(new Map(), new Map(), { ca: { certPem: '', keyPem: '' }, server: { certPem: '', keyPem: '' } }, {});

function secretEvent(id: string, value: string): StateEvent {
  return { type: 'keyCreated', key: { id, appkey: 'a', keyStoreName: 's', type: 'secret', name: id, description: '', autoRotationPeriod: 0, status: 'In Service', secret: value, versions: [] } };
}

function reopen(dir: string): State {
  const recovered = Journal.open(dir);
  const state = recovered.state ? State.fromSerial(recovered.state) : emptyState();
  for (const e of recovered.events) state.apply(e);
  recovered.journal.close();
  return state;
}

test('the log replays every entry, across snapshots, and a restart sees exactly the state before', withTempDir((dir) => {
  const { journal } = Journal.open(dir);
  const store = new Store(emptyState(), journal, 3);
  for (let i = 0; i < 8; i++) store.commit(secretEvent(`k${i}`, `v${i}`));
  store.commit({ type: 'keyDeleted', keyId: 'k2' });
  store.commit({ type: 'deletionScheduled', keyId: 'k3', deletionAt: 42 });
  journal.close(); // as a kill would: no final snapshot
  const state = reopen(dir);
  assert.deepEqual([...state.keys.keys()].sort(), ['k0', 'k1', 'k3', 'k4', 'k5', 'k6', 'k7']);
  assert.equal(state.keys.get('k3')!.deletionAt, 42);
  assert.equal(state.keys.get('k7')!.secret, 'v7');
}));

test('a torn last line (an unacknowledged write) is dropped and the log goes on from there', withTempDir((dir) => {
  const { journal } = Journal.open(dir);
  journal.append(secretEvent('k0', 'v0'));
  journal.close();
  appendFileSync(join(dir, 'wal.log'), '{"seq":2,"event":{"type":"keyCre');
  const first = Journal.open(dir);
  assert.deepEqual(first.events.map((e) => e.type), ['keyCreated']);
  first.journal.append(secretEvent('k1', 'v1'));
  first.journal.close();
  assert.deepEqual([...reopen(dir).keys.keys()], ['k0', 'k1']);
}));

test('a damaged entry with entries after it refuses to start instead of losing them', withTempDir((dir) => {
  const { journal } = Journal.open(dir);
  journal.append(secretEvent('k0', 'v0'));
  journal.append(secretEvent('k1', 'v1'));
  journal.close();
  const log = readFileSync(join(dir, 'wal.log'), 'utf8').split('\n');
  writeFileSync(join(dir, 'wal.log'), [log[0].slice(0, 10), log[1], ''].join('\n'));
  assert.throws(() => Journal.open(dir), /damaged entry/);
}));

interface Acked {
  kind: 'secret' | 'symmetric' | 'asymmetric';
  keyId: string;
  secret?: string;
  ciphertext?: string;
  plaintext?: string;
}

const CREDENTIALS = { 'x-tc-authentication-id': 'mockAccessKeyIdPrimary', 'x-tc-authentication-secret': 'mockSecretAccessKeyPrimary0123456789' };
const APPKEY = 'mockAppkeyPrimary0001';

/** A v1.2 call; every answer is checked against the generated validators like everywhere else. */
async function call(base: string, operationId: string, path: string, body?: unknown): Promise<Record<string, unknown> | undefined> {
  const res = await request(`${base}/keymanager/v1.2/appkey/${APPKEY}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...CREDENTIALS, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.body.json()) as { header: { isSuccessful: boolean }; body: Record<string, unknown> };
  if (!json.header.isSuccessful) {
    assert.ok(validators.errorEnvelope(json), JSON.stringify(json));
    return undefined;
  }
  const validate = (validators as unknown as Record<string, ValidateFunction>)[`${operationId}_response`];
  assert.ok(validate(json), `${operationId}: ${JSON.stringify(validate.errors)}`);
  return json.body;
}

/** Creates keys from several concurrent clients until stopped; records only what the mock acknowledged. */
async function load(base: string, acked: Acked[], running: () => boolean, worker: number): Promise<void> {
  for (let i = 0; running(); i++) {
    try {
      const kind = i % 13 === 12 ? 'asymmetric' : i % 2 === 0 ? 'secret' : 'symmetric';
      const secret = `w${worker}-${i}-${Math.random()}`;
      const [operationId, path] = {
        secret: ['createSecret_v1_2', '/keys/secrets/create'],
        symmetric: ['createSymmetricKey_v1_2', '/keys/symmetric-keys/create'],
        asymmetric: ['createAsymmetricKey_v1_2', '/keys/asymmetric-keys/create'],
      }[kind];
      const created = await call(base, operationId, path, { keyStoreName: 'Store #1', name: `load ${worker}/${i}`, ...(kind === 'secret' ? { secretValue: secret } : {}) });
      if (!created) throw new Error(`create refused: ${kind}`);
      const keyId = created.keyId as string;
      if (kind === 'secret') acked.push({ kind, keyId, secret });
      else if (kind === 'asymmetric') acked.push({ kind, keyId });
      else {
        acked.push({ kind, keyId });
        const enc = await call(base, 'symmetricEncrypt_v1_2', `/symmetric-keys/${keyId}/encrypt`, { plaintext: secret });
        if (enc) acked[acked.length - 1] = { kind, keyId, ciphertext: enc.ciphertext as string, plaintext: secret };
      }
    } catch (e) {
      if (running()) throw e; // after the kill, failed requests are expected
      return;
    }
  }
}

async function verify(base: string, acked: Acked[]): Promise<void> {
  for (const a of acked) {
    if (a.kind === 'secret') {
      assert.equal((await call(base, 'getSecret_v1_2', `/secrets/${a.keyId}`))?.secret, a.secret, `secret ${a.keyId} after restart`);
    } else if (a.kind === 'symmetric') {
      assert.ok(await call(base, 'symmetricEncrypt_v1_2', `/symmetric-keys/${a.keyId}/encrypt`, { plaintext: 'after' }), `symmetric key ${a.keyId} after restart`);
      if (a.ciphertext) assert.equal((await call(base, 'symmetricDecrypt_v1_2', `/symmetric-keys/${a.keyId}/decrypt`, { ciphertext: a.ciphertext }))?.plaintext, a.plaintext);
    } else {
      const signed = await call(base, 'asymmetricSign_v1_2', `/asymmetric-keys/${a.keyId}/sign`, { plaintext: 'after' });
      assert.ok(signed, `asymmetric key ${a.keyId} after restart`);
      assert.equal((await call(base, 'asymmetricVerify_v1_2', `/asymmetric-keys/${a.keyId}/verify`, { plaintext: 'after', signature: signed.signature }))?.result, true);
    }
  }
}

test('kill -9 at a random moment under load loses no acknowledged key and leaves a store that starts', { timeout: 60_000 }, async () => {
  const dataDir = tempDir();
  const profileDir = tempDir();
  const acked: Acked[] = [];
  try {
    for (let round = 0; round < 2; round++) {
      const { child, base } = await startMockProcess(['--data-dir', dataDir, '--profile-out', profileDir]);
      let running = true;
      const workers = Array.from({ length: 6 }, (_, w) => load(base, acked, () => running, w));
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
      running = false;
      await Promise.all([killMockProcess(child, 'SIGKILL'), ...workers]);
    }
    assert.ok(acked.length > 20, `only ${acked.length} keys were acknowledged before the kills`);
    console.log(`${acked.length} keys acknowledged before two kills`);
    const { child, base } = await startMockProcess(['--data-dir', dataDir, '--profile-out', profileDir]);
    try {
      await verify(base, acked);
    } finally {
      await killMockProcess(child, 'SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
});
