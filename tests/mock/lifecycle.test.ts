// Key creation and the deletion lifecycle, with an injected clock so seven days pass at once:
// create -> use -> schedule (deletionDateTime about now + 7 days) -> refused -> immediate delete -> gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { kstLocalDateTime } from '../../mock/clock.ts';
import { fails, ok, startTestMock, type TestMock } from './support.ts';

const DAY = 86_400_000;
let now = Date.parse('2026-03-01T01:23:45.678Z');
let t: TestMock;
before(async () => {
  t = await startTestMock({ clock: () => new Date(now) });
});
after(() => t.close());

const storeName = () => t.profile.provisioning!.keyStoreName!;

async function create(kind: 'Secret' | 'SymmetricKey' | 'AsymmetricKey', extra: Record<string, unknown> = {}): Promise<string> {
  const body = ok(await t.call(`create${kind}_v1_2`, { body: { keyStoreName: storeName(), name: `test ${kind}`, description: 'made by a test', ...extra } }));
  assert.equal(body.keyStatus, 'ACTIVE');
  assert.match(body.keyId as string, /^[0-9a-f]{32}$/);
  return body.keyId as string;
}

test('created keys work at once, under v1.0 and v1.2, and get distinct ids', async () => {
  const secretId = await create('Secret', { secretValue: '새 비밀' });
  assert.equal(ok(await t.call('getSecret_v1_0', { keyId: secretId })).secret, '새 비밀');
  const symId = await create('SymmetricKey', { autoRotationPeriod: 30 });
  const enc = ok(await t.call('symmetricEncrypt_v1_2', { keyId: symId, body: { plaintext: 'fresh' } }));
  assert.equal(enc.keyVersion, 0);
  assert.equal(ok(await t.call('symmetricDecrypt_v1_0', { keyId: symId, body: { ciphertext: enc.ciphertext } })).plaintext, 'fresh');
  const asymId = await create('AsymmetricKey', { autoRotationPeriod: 0 });
  const sig = ok(await t.call('asymmetricSign_v1_0', { keyId: asymId, body: { plaintext: 'fresh' } }));
  assert.equal(ok(await t.call('asymmetricVerify_v1_2', { keyId: asymId, body: { plaintext: 'fresh', signature: sig.signature } })).result, true);
  ok(await t.call('getPublicKey_v1_2', { keyId: asymId }));
  assert.equal(new Set([secretId, symId, asymId, await create('Secret', { secretValue: 'x' })]).size, 4);
});

test('a secretValue of exactly 32,768 bytes is stored; one byte more is refused', async () => {
  const id = await create('Secret', { secretValue: 'v'.repeat(32768) });
  assert.equal((ok(await t.call('getSecret_v1_2', { keyId: id })).secret as string).length, 32768);
  fails(await t.call('createSecret_v1_2', { body: { keyStoreName: storeName(), name: 'n', secretValue: 'v'.repeat(32769) } }), 'Invalid User Data');
});

test('schedule -> refused -> immediate delete -> gone', async () => {
  const id = await create('SymmetricKey');
  const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: id, body: { plaintext: 'bye' } }));
  fails(await t.call('deleteKeyImmediately_v1_2', { keyId: id }), 'Invalid Key Status'); // In Service
  ok(await t.call('symmetricEncrypt_v1_0', { keyId: id, body: { plaintext: 'still usable' } }));

  const scheduled = ok(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }));
  assert.equal(scheduled.keyId, id);
  // 2026-03-01T01:23:45Z = 10:23:45 KST; + 7 days, rounded up to the hour
  assert.equal(scheduled.deletionDateTime, '2026-03-08T11:00:00.00');
  fails(await t.call('symmetricDecrypt_v1_0', { keyId: id, body: { ciphertext: enc.ciphertext } }), 'Invalid Key Id');
  fails(await t.call('getSymmetricKey_v1_0', { keyId: id }), 'Invalid Key Id');
  fails(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }), 'Invalid Key Status');

  const deleted = ok(await t.call('deleteKeyImmediately_v1_2', { keyId: id }));
  assert.deepEqual(deleted, { keyId: id, deletionDateTime: kstLocalDateTime(now, 3) });
  fails(await t.call('symmetricEncrypt_v1_2', { keyId: id, body: { plaintext: 'x' } }), 'Invalid Key Id');
  fails(await t.call('deleteKeyImmediately_v1_2', { keyId: id }), 'Invalid Key Id');
  fails(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }), 'Invalid Key Id');
});

test('a seeded Scheduled to be Deleted key can be deleted immediately', async () => {
  const keys = t.profile.fixtures!.scheduledForDeletion!.keys;
  ok(await t.call('deleteKeyImmediately_v1_2', { keyId: keys.secret }));
  fails(await t.call('deleteKeyImmediately_v1_2', { keyId: keys.secret }), 'Invalid Key Id');
});

test('scheduled keys are deleted by themselves when their time comes', async () => {
  const id = await create('Secret', { secretValue: 'short-lived' });
  ok(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }));
  now += 7 * DAY - 60_000; // not yet: deletion is on the hour after now + 7 days
  ok(await t.call('deleteKeyImmediately_v1_2', { keyId: await scheduledCopy() }));
  fails(await t.call('getSecret_v1_0', { keyId: id }), 'Invalid Key Id');
  now += 2 * 3_600_000;
  fails(await t.call('deleteKeyImmediately_v1_2', { keyId: id }), 'Invalid Key Id');
  // the seeded scheduled keys were scheduled at start, so they are gone too
  fails(await t.call('deleteKeyImmediately_v1_2', { keyId: t.profile.fixtures!.scheduledForDeletion!.keys.symmetric }), 'Invalid Key Id');
  fails(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }), 'Invalid Key Id');
});

/** A second key scheduled now, to show immediate delete still works just before the first one's time. */
async function scheduledCopy(): Promise<string> {
  const id = await create('Secret', { secretValue: 'copy' });
  ok(await t.call('scheduleKeyDeletion_v1_2', { keyId: id }));
  return id;
}

test('another appkey can neither schedule nor delete a key, which stays usable', async () => {
  const id = await create('Secret', { secretValue: 'mine' });
  const other = t.profile.fixtures!.otherTenant!;
  for (const op of ['scheduleKeyDeletion_v1_2', 'deleteKeyImmediately_v1_2']) {
    fails(await t.call(op, { keyId: id, appkey: other.appkey, credentials: other.credentials }), 'Invalid Key Id');
  }
  fails(await t.call('createSecret_v1_2', { appkey: other.appkey, credentials: other.credentials, body: { keyStoreName: 'IPv4 denied', name: 'n', secretValue: 'v' } }), 'Invalid User Data');
  assert.equal(ok(await t.call('getSecret_v1_0', { keyId: id })).secret, 'mine');
});
