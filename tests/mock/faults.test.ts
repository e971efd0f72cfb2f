// The fault catalogue: enough faults across every category, each tied to requirements that exist, each
// listed in mock/README.md, and each one starts a mock that answers and visibly misbehaves. (That the
// harness catches each one is the harness's job: its suites run against the mock with every fault.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { logicalOperations, operations } from '../../generated/skm/operations.ts';
import { requirements } from '../../generated/skm/requirements.ts';
import type { OperationRecord } from '../../generators/operation-catalogue.ts';
import { FAULTS, UnknownFaultError, type DeviationName } from '../../mock/faults.ts';
import { startMock } from '../../mock/index.ts';
import { fails, foreignCertificate, fromHexListing, ok, startTestMock, type Answer, type CallOptions, type TestMock } from './support.ts';

test('at least 24 faults, unique names, every category, requirement ids from the catalogue', () => {
  assert.ok(FAULTS.length >= 24, `${FAULTS.length} faults`);
  assert.equal(new Set(FAULTS.map((f) => f.name)).size, FAULTS.length);
  const categories = ['auth', 'crypto', 'envelope', 'lifecycle', 'limits', 'operation', 'robustness'];
  assert.deepEqual([...new Set(FAULTS.map((f) => f.category))].sort(), categories);
  const ids = new Set(requirements.map((r) => r.id));
  for (const f of FAULTS) {
    assert.ok(f.requirements.length > 0, `${f.name} names no requirement`);
    for (const id of f.requirements) assert.ok(ids.has(id), `${f.name}: ${id} is not in families/skm/spec/requirements.yaml`);
  }
});

test('mock/README.md lists every fault: each deviation with its description, each dead operation by name', () => {
  const readme = readFileSync(new URL('../../mock/README.md', import.meta.url), 'utf8');
  for (const f of FAULTS) {
    const row = f.kind === 'deviation' ? `| \`${f.name}\` | ${f.category} | ${f.description} |` : `\`${f.name}\``;
    assert.ok(readme.includes(row), `README row for ${f.name}`);
  }
});

type Probe = (m: TestMock) => Promise<unknown>;

const header = (a: Answer) => a.json!.header;
const body = (a: Answer) => a.json!.body!;

/** What each fault visibly changes: a request that shows it (unchecked: the answers are wrong on purpose). */
const PROBES: Record<DeviationName, Probe> = {
  'error-as-success': async (m) => assert.equal(header(await m.call('getSecret_v1_0', { keyId: '0'.repeat(32), unchecked: true })).isSuccessful, true),
  'wrong-message': async (m) => assert.equal(header(await m.call('getSecret_v1_0', { keyId: '0'.repeat(32), unchecked: true })).resultMessage, 'Invalid KeyId'),
  'missing-keyversion': async (m) => assert.equal(body(await encrypt(m, 'x')).keyVersion, undefined),
  'keyversion-string': async (m) => assert.equal(body(await encrypt(m, 'x')).keyVersion, '0'),
  'error-echoes-input': async (m) => assert.equal(body(await m.call('symmetricEncrypt_v1_0', { keyId: '0'.repeat(32), body: { plaintext: 'echo' }, unchecked: true })), '{"plaintext":"echo"}'),
  'ciphertext-not-base64': async (m) => assert.match(body(await encrypt(m, 'x')).ciphertext as string, /\r\n$/),
  'deterministic-encryption': async (m) => assert.equal(body(await encrypt(m, 'same')).ciphertext, body(await encrypt(m, 'same')).ciphertext),
  'decrypt-ignores-tag': async (m) => {
    const blob = Buffer.from(body(await encrypt(m, 'tampered')).ciphertext as string, 'base64');
    blob[blob.length - 1] ^= 1;
    assert.equal(body(await decrypt(m, blob.toString('base64'))).plaintext, 'tampered');
  },
  'local-key-16-bytes': async (m) => assert.equal(Buffer.from(body(await localKey(m)).localKeyPlaintext as string, 'base64').length, 16),
  'local-key-ciphertext-mismatch': async (m) => {
    const local = body(await localKey(m));
    assert.notEqual(body(await decrypt(m, local.localKeyCiphertext as string)).plaintext, local.localKeyPlaintext);
  },
  'local-key-reused': async (m) => assert.equal(body(await localKey(m)).localKeyPlaintext, body(await localKey(m)).localKeyPlaintext),
  'sign-no-verify': async (m) => assert.equal(body(await verify(m, 'data', Buffer.alloc(260, 1).fill(0, 0, 4))).result, true),
  'public-key-pkcs1': async (m) => {
    const der = Buffer.from(body(await m.call('getPublicKey_v1_0', { keyId: m.profile.keys.asymmetric!.id, unchecked: true })).encodedKey as string, 'base64');
    assert.equal(createPublicKey({ key: der, format: 'der', type: 'pkcs1' }).asymmetricKeyType, 'rsa');
  },
  'private-key-pkcs1': async (m) => {
    const der = Buffer.from(body(await m.call('getPrivateKey_v1_0', { keyId: m.profile.keys.asymmetric!.id, unchecked: true })).encodedKey as string, 'base64');
    assert.equal(createPrivateKey({ key: der, format: 'der', type: 'pkcs1' }).asymmetricKeyType, 'rsa');
  },
  'hex-listing-uppercase-no-space': async (m) =>
    assert.match(body(await m.call('getSymmetricKey_v1_0', { keyId: m.profile.keys.symmetric!.id, unchecked: true })).symmetricKey as string, /^0X[0-9A-F]{2}(,0X[0-9A-F]{2})+$/),
  'limit-off-by-one': async (m) => assert.equal(header(await encrypt(m, 'a'.repeat(32768))).resultMessage, 'Invalid User Data'),
  'limit-accepts-over': async (m) => assert.equal(header(await encrypt(m, 'a'.repeat(32769))).isSuccessful, true),
  'limit-counts-characters': async (m) => assert.equal(header(await encrypt(m, '한'.repeat(10923))).isSuccessful, true),
  'sign-limit-ignored': async (m) => assert.equal(header(await sign(m, 'a'.repeat(246))).isSuccessful, true),
  'ipv4-ignored': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.ipv4Denied!.keys.secret })),
  'mac-ignored': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.mac!.keys.secret })),
  'mac-not-in-service-accepted': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.mac!.keys.secret, mac: m.profile.fixtures!.mac!.notInService })),
  'cert-expired-accepted': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.certificate!.keys.secret, cert: m.certificate('expired') })),
  'cert-foreign-accepted': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.certificate!.keys.secret, cert: foreignCertificate() })),
  'cert-not-in-service-accepted': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.certificate!.keys.secret, cert: m.certificate('notInService') })),
  'plain-http-skips-cert': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.certificate!.keys.secret, plain: true })),
  'v12-secret-unchecked': async (m) => ok(await m.call('getSecret_v1_2', { keyId: m.profile.keys.secret!.id, credentials: { ...m.profile.credentials!, secretAccessKey: 'wrong' } })),
  'cross-tenant-read': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.otherTenant!.keys.secret })),
  'public-key-needs-auth': async (m) => fails(await m.call('getPublicKey_v1_0', { keyId: m.profile.fixtures!.ipv4Denied!.keys.asymmetric }), 'IPv4 Auth Failure'),
  'scheduled-key-readable': async (m) => ok(await m.call('getSecret_v1_0', { keyId: m.profile.fixtures!.scheduledForDeletion!.keys.secret })),
  'immediate-delete-active': async (m) => ok(await m.call('deleteKeyImmediately_v1_2', { keyId: m.profile.keys.secret!.id })),
  'deletion-window-1-day': async (m) => {
    const when = body(await m.call('scheduleKeyDeletion_v1_2', { keyId: m.profile.keys.secret!.id, unchecked: true })).deletionDateTime as string;
    assert.ok(Date.parse(`${when}+09:00`) - Date.now() < 2 * 86_400_000, when);
  },
  'old-version-decrypt-fails': async (m) => {
    const rot = m.profile.fixtures!.rotated!;
    const key = fromHexListing(body(await m.call('getSymmetricKey_v1_1', { keyId: rot.symmetric, query: { keyVersion: 2 } })).symmetricKey as string);
    fails(await m.call('symmetricDecrypt_v1_0', { keyId: rot.symmetric, body: { ciphertext: sealLocally(key, 2, 'old') } }), 'Invalid Key Version');
  },
  'v11-keyversion-ignored': async (m) => assert.equal(body(await m.call('getSymmetricKey_v1_1', { keyId: m.profile.fixtures!.rotated!.symmetric, query: { keyVersion: 2 } })).keyVersion, 3),
  'scheduled-version-usable': async (m) => {
    const rot = m.profile.fixtures!.rotated!;
    assert.equal(body(await m.call('symmetricDecrypt_v1_0', { keyId: rot.symmetric, body: { ciphertext: rot.scheduledVersion!.ciphertext } })).plaintext, rot.scheduledVersion!.plaintext);
  },
  'encrypt-uses-oldest-version': async (m) =>
    assert.equal(body(await m.call('symmetricEncrypt_v1_0', { keyId: m.profile.fixtures!.rotated!.symmetric, body: { plaintext: 'x' } })).keyVersion, 2),
  '5xx-on-bad-json': async (m) => {
    const path = `/keymanager/v1.0/appkey/${m.profile.appkey}/symmetric-keys/${m.profile.keys.symmetric!.id}/encrypt`;
    assert.equal((await m.send('POST', path, { rawBody: '{', headers: { 'content-type': 'application/json' } })).status, 500);
  },
  'stack-trace-in-error': async (m) => assert.match(header(await m.call('getSecret_v1_0', { keyId: '0'.repeat(32), unchecked: true })).resultMessage, /\n\s+at /),
  'error-5xx-on-unknown-url': async (m) => assert.equal((await m.send('GET', '/keymanager/v1.0/nowhere')).status, 500),
};

const encrypt = (m: TestMock, plaintext: string) => m.call('symmetricEncrypt_v1_0', { keyId: m.profile.keys.symmetric!.id, body: { plaintext }, unchecked: true });
const decrypt = (m: TestMock, ciphertext: string) => m.call('symmetricDecrypt_v1_0', { keyId: m.profile.keys.symmetric!.id, body: { ciphertext }, unchecked: true });
const localKey = (m: TestMock) => m.call('createLocalKey_v1_0', { keyId: m.profile.keys.symmetric!.id, unchecked: true });
const sign = (m: TestMock, plaintext: string) => m.call('asymmetricSign_v1_0', { keyId: m.profile.keys.asymmetric!.id, body: { plaintext }, unchecked: true });
const verify = (m: TestMock, plaintext: string, signature: Buffer) =>
  m.call('asymmetricVerify_v1_0', { keyId: m.profile.keys.asymmetric!.id, body: { plaintext, signature: signature.toString('base64') }, unchecked: true });

function sealLocally(key: Buffer, version: number, text: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const out = Buffer.concat([c.update(text), c.final()]);
  return Buffer.concat([Buffer.from([0, 0, 0, version]), iv, out, c.getAuthTag()]).toString('base64');
}

test('every deviation starts, the mock answers, and the fault shows in a request made for it', async () => {
  for (const f of FAULTS.filter((f) => f.kind === 'deviation')) {
    const m = await startTestMock({ faults: [f.name] });
    try {
      ok(await m.call('getClientInfo_v1_0'));
      await PROBES[f.name as DeviationName](m);
    } catch (e) {
      throw new Error(`fault ${f.name}: ${(e as Error).message}`, { cause: e });
    } finally {
      await m.close();
    }
  }
});

test('an unknown fault name is refused before anything starts', async () => {
  await assert.rejects(startMock({ faults: ['no-such-fault'], quiet: true, profileDir: '/nonexistent/never-written' }), UnknownFaultError);
});

const deadFaults = () => FAULTS.filter((f) => f.kind === 'dead-operation');

test('one dead-operation fault per logical operation, naming every requirement on that operation', () => {
  assert.deepEqual(deadFaults().map((f) => f.operation), [...logicalOperations]);
  for (const f of deadFaults()) {
    assert.equal(f.name, `dead-${f.operation}`);
    assert.equal(f.category, 'operation');
    assert.deepEqual(f.requirements, requirements.filter((r) => r.operations.includes(f.operation!)).map((r) => r.id));
    assert.ok(f.requirements.length > 0, f.name);
  }
  assert.equal(FAULTS.filter((f) => f.kind === 'deviation').length, 39);
});

/** A call of `op` that succeeds on a fresh mock; schedule and delete use keys no other call needs. */
function validCall(m: TestMock, op: OperationRecord): CallOptions {
  const { keys, fixtures } = m.profile;
  const older = fixtures!.rotated!.olderVersion!;
  const store = { keyStoreName: 'Store #1', name: 'made by a test' };
  const calls: Record<string, CallOptions> = {
    getClientInfo: {},
    getSecret: { keyId: keys.secret!.id },
    symmetricEncrypt: { keyId: keys.symmetric!.id, body: { plaintext: 'x' } },
    symmetricDecrypt: { keyId: fixtures!.rotated!.symmetric, body: { ciphertext: older.ciphertext } },
    createLocalKey: { keyId: keys.symmetric!.id },
    getSymmetricKey: { keyId: keys.symmetric!.id, ...(op.queryParams.length > 0 ? { query: { keyVersion: 0 } } : {}) },
    asymmetricSign: { keyId: keys.asymmetric!.id, body: { plaintext: 'x' } },
    asymmetricVerify: { keyId: fixtures!.rotated!.asymmetric, body: { plaintext: older.plaintext, signature: older.signature } },
    getPrivateKey: { keyId: keys.asymmetric!.id },
    getPublicKey: { keyId: keys.asymmetric!.id },
    createSecret: { body: { ...store, secretValue: 'v' } },
    createSymmetricKey: { body: store },
    createAsymmetricKey: { body: store },
    scheduleKeyDeletion: { keyId: fixtures!.mac!.keys.secret },
    deleteKeyImmediately: { keyId: fixtures!.scheduledForDeletion!.keys.secret },
  };
  return calls[op.operation];
}

test('a dead operation refuses every call of it, in every API version, with a documented error; every other operation works', async () => {
  for (const f of deadFaults()) {
    const m = await startTestMock({ faults: [f.name] });
    try {
      for (const op of operations) {
        const answer = await m.call(op.operationId, validCall(m, op));
        if (op.operation !== f.operation) ok(answer);
        else fails(answer, op.pathParams.includes('keyid') ? 'Invalid Key Id' : 'Invalid Appkey');
      }
    } catch (e) {
      throw new Error(`fault ${f.name}: ${(e as Error).message}`, { cause: e });
    } finally {
      await m.close();
    }
  }
});
