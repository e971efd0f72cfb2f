// v1.2 key management on keys the harness creates (provisioning.allowed): create each type, use it,
// schedule its deletion, see it refused, delete it, see it gone. The provisioner deletes whatever a
// failed test leaves. Source: skm-api-v1.2.ja.md#キーの追加削除
import { randomBytes } from 'node:crypto';
import { test, requirement } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused, refusedWith } from '../../../harness/oracles/refusal.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import { validCall, DATA_OPERATIONS, KEY_KIND } from '../../../harness/valid-calls.ts';
import type { CreatableKind } from '../../../harness/provisioner.ts';
import type { SkmClient } from '../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

// deletionDateTime has no zone (KST in the examples, FACTS.md): read as UTC it may sit anywhere
// from UTC-12 to UTC+14 away from the true instant; scheduling may round up to the next hour.
function checkDeletionTime(ex: Exchange, value: string, expectedFromNow: number, what: string): void {
  const asUtc = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  const offset = asUtc - (Date.now() + expectedFromNow);
  ensure(Number.isFinite(asUtc) && offset >= -12 * HOUR - 10 * 60_000 && offset <= 15 * HOUR + 10 * 60_000, {
    oracle: 'deletionDateTime',
    title: `deletionDateTime is not ${what}`,
    expected: `${what} (any time zone, up to one hour of rounding)`,
    received: JSON.stringify(value),
    exchange: ex,
  });
}

const KINDS: [CreatableKind, string][] = [
  ['secret', 'createSecret'],
  ['symmetric', 'createSymmetricKey'],
  ['asymmetric', 'createAsymmetricKey'],
];

/** Every data operation of the key's kind, at v1.2. */
function operationsFor(kind: CreatableKind): string[] {
  return DATA_OPERATIONS.filter((op) => KEY_KIND[op] === kind);
}

async function usable(skm: SkmClient, kind: CreatableKind, keyId: string): Promise<void> {
  for (const op of operationsFor(kind)) succeeds(await skm.call(`${op}_v1_2`, (await validCall(skm, op, 'v1.2', { [kind]: keyId }))!));
}

for (const [kind, createOp] of KINDS) {
  test.describe(`${kind} key lifecycle`, () => {
    test('create, use, schedule deletion, refused, delete immediately, gone', requirement(
      'SKM-MGT-PATH-001', 'SKM-MGT-ENV-001', 'SKM-MGT-CRT-004', 'SKM-MGT-DEL-001', 'SKM-MGT-DEL-002', 'SKM-MGT-DEL-004', 'SKM-MGT-DEL-009', 'SKM-MGT-DEL-010', 'SKM-MGT-DEL-011',
      ...(kind === 'secret' ? ['SKM-MGT-CRT-001', 'SKM-MGT-CRT-006'] : kind === 'symmetric' ? ['SKM-MGT-CRT-002', 'SKM-MGT-CRT-007', 'SKM-MGT-ROT-001'] : ['SKM-MGT-CRT-003', 'SKM-MGT-CRT-008', 'SKM-MGT-ROT-001']),
    ), async ({ skm, provisioner, expectations }) => {
      const secretValue = `lifecycle ${randomBytes(6).toString('hex')}`;
      const created = await provisioner.create(kind, kind === 'secret' ? { secretValue } : {});
      const { keyId, keyStatus } = succeeds<{ keyId: string; keyStatus: string }>(created, `${createOp}_v1_2`);
      ensure(keyStatus === 'ACTIVE', { oracle: 'keyStatus', title: 'New key not ACTIVE', expected: '"ACTIVE"', received: JSON.stringify(keyStatus), exchange: created });
      await usable(skm, kind, keyId);
      if (kind === 'secret') {
        const ex = await skm.call('getSecret_v1_2', { keyId });
        ensure(succeeds<{ secret: string }>(ex).secret === secretValue, { oracle: 'secretValue', title: 'Created secret changed', expected: 'the value sent to create', received: 'another value', exchange: ex });
      }

      const scheduled = await skm.call('scheduleKeyDeletion_v1_2', { keyId });
      const s = succeeds<{ keyId: string; deletionDateTime: string }>(scheduled);
      ensure(s.keyId === keyId, { oracle: 'keyId', title: 'Schedule answered for another key', expected: keyId, received: s.keyId, exchange: scheduled });
      checkDeletionTime(scheduled, s.deletionDateTime, 7 * DAY, 'about 7 days ahead');
      for (const op of operationsFor(kind)) {
        refusedWith(await skm.call(`${op}_v1_2`, { ...(await validCall(skm, op, 'v1.2', { [kind]: keyId })), keyId }), ['Invalid Key Id', 'Invalid Key Status'], expectations);
      }

      const deleted = await skm.call('deleteKeyImmediately_v1_2', { keyId });
      const d = succeeds<{ keyId: string; deletionDateTime: string }>(deleted);
      provisioner.forget(keyId);
      ensure(d.keyId === keyId, { oracle: 'keyId', title: 'Delete answered for another key', expected: keyId, received: d.keyId, exchange: deleted });
      checkDeletionTime(deleted, d.deletionDateTime, 0, 'about now');
      for (const op of operationsFor(kind)) {
        refusedWith(await skm.call(`${op}_v1_2`, { keyId, body: op.includes('crypt') || op.includes('sign') || op.includes('verify') ? { plaintext: 'x', ciphertext: 'AAAA', signature: 'AAAA' } : undefined }), 'Invalid Key Id', expectations);
      }
    });
  });
}

test('a new key starts at version 0', requirement('SKM-VER-BASE-001'), async ({ skm, provisioner }) => {
  for (const kind of ['symmetric', 'asymmetric'] as const) {
    const keyId = succeeds<{ keyId: string }>(await provisioner.create(kind)).keyId;
    for (const op of operationsFor(kind).filter((o) => o !== 'symmetricDecrypt' && o !== 'asymmetricVerify')) {
      const ex = await skm.call(`${op}_v1_2`, (await validCall(skm, op, 'v1.2', { [kind]: keyId }))!);
      const v = (ex.body as { keyVersion?: unknown } | undefined)?.keyVersion;
      succeeds(ex);
      ensure(v === 0, { oracle: 'keyVersion', title: `${op} of a new key is not version 0`, expected: 'keyVersion 0', received: `keyVersion ${String(v)}`, exchange: ex });
    }
  }
});

test('an active key cannot be deleted immediately and stays usable', requirement('SKM-MGT-DEL-007', 'SKM-MGT-DEL-008'), async ({ skm, provisioner, expectations }) => {
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('symmetric')).keyId;
  const ex = await skm.call('deleteKeyImmediately_v1_2', { keyId });
  refused(ex, expectations);
  await usable(skm, 'symmetric', keyId);
});

test('unknown key ids are refused by schedule and delete with Invalid Key Id', requirement('SKM-MGT-DEL-006'), async ({ skm, provisioner, expectations }) => {
  const control = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  succeeds(await skm.call('scheduleKeyDeletion_v1_2', { keyId: control }));
  const keyId = randomBytes(16).toString('hex');
  refusedWith(await skm.call('scheduleKeyDeletion_v1_2', { keyId }), 'Invalid Key Id', expectations);
  refusedWith(await skm.call('deleteKeyImmediately_v1_2', { keyId }), 'Invalid Key Id', expectations);
});

test('an unknown appkey is refused by every management operation with Invalid Appkey', requirement('SKM-MGT-ERR-001'), async ({ skm, target, provisioner, expectations }) => {
  const appkey = `nx${randomBytes(8).toString('hex')}`;
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  const store = target.profile.provisioning?.keyStoreName ?? 'Store #1';
  const calls: [string, object][] = [
    ['createSecret_v1_2', { body: { keyStoreName: store, name: 'nx', description: 'x', secretValue: 'v' } }],
    ['createSymmetricKey_v1_2', { body: { keyStoreName: store, name: 'nx', description: 'x', autoRotationPeriod: 0 } }],
    ['createAsymmetricKey_v1_2', { body: { keyStoreName: store, name: 'nx', description: 'x', autoRotationPeriod: 0 } }],
    ['scheduleKeyDeletion_v1_2', { keyId }],
    ['deleteKeyImmediately_v1_2', { keyId }],
  ];
  for (const [op, opts] of calls) {
    const ex = await skm.call(op, { ...opts, appkey });
    const made = (ex.body as { keyId?: unknown } | undefined)?.keyId;
    if (typeof made === 'string') provisioner.track(made);
    refusedWith(ex, 'Invalid Appkey', expectations);
  }
  succeeds(await skm.call('getSecret_v1_2', { keyId }));
});

test('autoRotationPeriod: 0 and 30 are accepted, 1 to 29 refused', requirement('SKM-MGT-ROT-001', 'SKM-MGT-ROT-002', 'SKM-MGT-ROT-003'), async ({ provisioner, expectations }) => {
  for (const kind of ['symmetric', 'asymmetric'] as const) {
    succeeds(await provisioner.create(kind, { autoRotationPeriod: 0 }));
    succeeds(await provisioner.create(kind, { autoRotationPeriod: 30 }));
    for (const period of [1, 29]) refused(await provisioner.create(kind, { autoRotationPeriod: period }), expectations);
  }
});

test('a 32 KB secret is stored and returned unchanged', requirement('SKM-MGT-SLIM-001'), async ({ skm, provisioner }) => {
  const secretValue = 's'.repeat(32 * 1024 - 12) + randomBytes(6).toString('hex');
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret', { secretValue })).keyId;
  const ex = await skm.call('getSecret_v1_2', { keyId });
  ensure(succeeds<{ secret: string }>(ex).secret === secretValue, { oracle: 'secretValue', title: '32 KB secret changed', expected: `${secretValue.length} characters back`, received: 'another value', exchange: ex });
});
