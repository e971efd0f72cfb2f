// v1.2 key management on keys the harness creates (provisioning.allowed): create each type, use it,
// schedule its deletion, see it refused, delete it, see it gone. The provisioner deletes whatever a
// failed test leaves. Source: skm-api-v1.2.ja.md#キーの追加削除
import { randomBytes } from 'node:crypto';
import { test, requirement } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, controlFor, expectRefused, type Control } from '../../../../harness/refusal-check.ts';
import { attribute, ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import { confirmControl, validCall, DATA_OPERATIONS, KEY_KIND } from '../../../../harness/valid-calls.ts';
import type { CreatableKind } from '../../../../harness/provisioner.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

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

for (const [kind, createOp] of KINDS) {
  test.describe(`${kind} key lifecycle`, variant('v1.2'), () => {
    const [createId, usableId] = kind === 'secret' ? ['SKM-MGT-CRT-001', 'SKM-MGT-CRT-006'] : kind === 'symmetric' ? ['SKM-MGT-CRT-002', 'SKM-MGT-CRT-007'] : ['SKM-MGT-CRT-003', 'SKM-MGT-CRT-008'];
    const rotation = kind === 'secret' ? [] : ['SKM-MGT-ROT-001'];
    test('create, use, schedule deletion, refused, delete immediately, gone', requirement(
      'SKM-MGT-PATH-001', 'SKM-MGT-ENV-001', 'SKM-MGT-CRT-004', 'SKM-MGT-DEL-001', 'SKM-MGT-DEL-002', 'SKM-MGT-DEL-004', 'SKM-MGT-DEL-009', 'SKM-MGT-DEL-010', 'SKM-MGT-DEL-011', createId, usableId, ...rotation,
    ), async ({ skm, provisioner, expectations }) => {
      const secretValue = `lifecycle ${randomBytes(6).toString('hex')}`;
      const created = await provisioner.create(kind, kind === 'secret' ? { secretValue } : {});
      const { keyId, keyStatus } = await attribute([createId, 'SKM-MGT-PATH-001', 'SKM-MGT-ENV-001', ...rotation], () => succeeds<{ keyId: string; keyStatus: string }>(created, `${createOp}_v1_2`));
      await attribute('SKM-MGT-CRT-004', () => ensure(keyStatus === 'ACTIVE', { oracle: 'keyStatus', title: 'New key not ACTIVE', expected: '"ACTIVE"', received: JSON.stringify(keyStatus), exchange: created }));
      // Every data operation works on the new key: the controls of the refusals after its deletion is scheduled.
      const controls = await attribute(usableId, async () => {
        const made: Control[] = [];
        for (const op of operationsFor(kind)) made.push(await controlFor(skm, op, 'v1.2', { [kind]: keyId }));
        return made;
      });
      if (kind === 'secret') {
        const ex = await skm.call('getSecret_v1_2', { keyId });
        await attribute(usableId, () => ensure(succeeds<{ secret: string }>(ex).secret === secretValue, { oracle: 'secretValue', title: 'Created secret changed', expected: 'the value sent to create', received: 'another value', exchange: ex }));
      }

      const scheduled = await skm.call('scheduleKeyDeletion_v1_2', { keyId });
      const s = await attribute('SKM-MGT-DEL-001', () => {
        const body = succeeds<{ keyId: string; deletionDateTime: string }>(scheduled);
        ensure(body.keyId === keyId, { oracle: 'keyId', title: 'Schedule answered for another key', expected: keyId, received: body.keyId, exchange: scheduled });
        return body;
      });
      await attribute('SKM-MGT-DEL-002', () => checkDeletionTime(scheduled, s.deletionDateTime, 7 * DAY, 'about 7 days ahead'));
      const notInService = expectations.strict.has('SKM-MGT-DEL-004') ? 'Invalid Key Id' : (['Invalid Key Id', 'Invalid Key Status'] as const);
      await attribute('SKM-MGT-DEL-004', async () => {
        for (const c of controls) await expectRefused(c, { expectations, message: notInService });
      });

      const deleted = await skm.call('deleteKeyImmediately_v1_2', { keyId });
      const d = await attribute('SKM-MGT-DEL-009', () => {
        const body = succeeds<{ keyId: string; deletionDateTime: string }>(deleted);
        provisioner.forget(keyId);
        ensure(body.keyId === keyId, { oracle: 'keyId', title: 'Delete answered for another key', expected: keyId, received: body.keyId, exchange: deleted });
        return body;
      });
      await attribute('SKM-MGT-DEL-010', () => checkDeletionTime(deleted, d.deletionDateTime, 0, 'about now'));
      await attribute('SKM-MGT-DEL-011', async () => {
        for (const c of controls) await expectRefused(c, { expectations, message: 'Invalid Key Id' });
      });
    });
  });
}

test('a new key starts at version 0', details(requirement('SKM-VER-BASE-001'), variant('v1.2')), async ({ skm, provisioner }) => {
  for (const kind of ['symmetric', 'asymmetric'] as const) {
    const keyId = (await provisioner.createControl(kind)).body.keyId as string;
    for (const op of operationsFor(kind).filter((o) => o !== 'symmetricDecrypt' && o !== 'asymmetricVerify')) {
      const ex = await skm.call(`${op}_v1_2`, await precondition(async () => (await validCall(skm, op, 'v1.2', { [kind]: keyId }))!));
      succeeds(ex);
      const v = (ex.body as { keyVersion?: unknown } | undefined)?.keyVersion;
      ensure(v === 0, { oracle: 'keyVersion', title: `${op} of a new key is not version 0`, expected: 'keyVersion 0', received: `keyVersion ${String(v)}`, exchange: ex });
    }
  }
});

test('an active key cannot be deleted immediately and stays usable', details(requirement('SKM-MGT-DEL-007', 'SKM-MGT-DEL-008'), variant('v1.2')), async ({ skm, provisioner, expectations }) => {
  // The control: the same call on a twin key that is Scheduled to be Deleted succeeds.
  const twin = (await provisioner.createControl('symmetric')).body.keyId as string;
  await control(skm, 'scheduleKeyDeletion_v1_2', { keyId: twin });
  const remove = await control(skm, 'deleteKeyImmediately_v1_2', { keyId: twin });
  provisioner.forget(twin);
  const keyId = (await provisioner.createControl('symmetric')).body.keyId as string;
  await attribute('SKM-MGT-DEL-007', () => expectRefused(remove, { expectations, breaking: { keyId } }));
  await attribute('SKM-MGT-DEL-008', async () => {
    for (const op of operationsFor('symmetric')) {
      const ex = await skm.call(`${op}_v1_2`, await validCall(skm, op, 'v1.2', { symmetric: keyId }));
      succeeds(ex);
      confirmControl(op, ex);
    }
  });
});

test('unknown key ids are refused by schedule and delete with Invalid Key Id', details(requirement('SKM-MGT-DEL-006'), variant('v1.2')), async ({ skm, provisioner, expectations }) => {
  const mine = (await provisioner.createControl('secret')).body.keyId as string;
  const keyId = randomBytes(16).toString('hex');
  const schedule = await control(skm, 'scheduleKeyDeletion_v1_2', { keyId: mine });
  await expectRefused(schedule, { expectations, breaking: { keyId }, message: 'Invalid Key Id' });
  const remove = await control(skm, 'deleteKeyImmediately_v1_2', { keyId: mine });
  provisioner.forget(mine);
  await expectRefused(remove, { expectations, breaking: { keyId }, message: 'Invalid Key Id' });
});

test('an unknown appkey is refused by every management operation with Invalid Appkey', details(requirement('SKM-MGT-ERR-001'), variant('v1.2')), async ({ skm, provisioner, expectations }) => {
  const appkey = `nx${randomBytes(8).toString('hex')}`;
  const refuse = (c: Control, keyId?: string) =>
    expectRefused(c, { expectations, message: 'Invalid Appkey', send: async (client) => {
      const ex = await client.call(c.operationId, { ...c.opts, ...(keyId ? { keyId } : {}), appkey });
      provisioner.trackCreated(ex);
      return ex;
    } });
  for (const kind of ['secret', 'symmetric', 'asymmetric'] as const) await refuse(await provisioner.createControl(kind));
  const [a, b] = [await provisioner.createControl('secret'), await provisioner.createControl('secret')].map((c) => c.body.keyId as string);
  await refuse(await control(skm, 'scheduleKeyDeletion_v1_2', { keyId: a }), b);
  await control(skm, 'scheduleKeyDeletion_v1_2', { keyId: b });
  const remove = await control(skm, 'deleteKeyImmediately_v1_2', { keyId: a });
  provisioner.forget(a);
  await refuse(remove, b);
  await attribute('SKM-MGT-ERR-001', async () => succeeds(await skm.call('deleteKeyImmediately_v1_2', { keyId: b })));
  provisioner.forget(b);
});

test('autoRotationPeriod: 0 and 30 are accepted, 1 to 29 refused', details(requirement('SKM-MGT-ROT-001', 'SKM-MGT-ROT-002', 'SKM-MGT-ROT-003'), variant('v1.2')), async ({ provisioner, expectations }) => {
  for (const kind of ['symmetric', 'asymmetric'] as const) {
    await attribute('SKM-MGT-ROT-001', () => provisioner.createControl(kind, { autoRotationPeriod: 0 }));
    const thirty = await attribute('SKM-MGT-ROT-002', () => provisioner.createControl(kind, { autoRotationPeriod: 30 }));
    for (const period of [1, 29]) {
      await attribute('SKM-MGT-ROT-003', () => expectRefused(thirty, { expectations, send: async () => provisioner.create(kind, { autoRotationPeriod: period }) }));
    }
  }
});

test('a 32 KB secret is stored and returned unchanged', details(requirement('SKM-MGT-SLIM-001'), variant('v1.2')), async ({ skm, provisioner }) => {
  const secretValue = 's'.repeat(32 * 1024 - 12) + randomBytes(6).toString('hex');
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret', { secretValue })).keyId;
  const ex = await skm.call('getSecret_v1_2', { keyId });
  ensure(succeeds<{ secret: string }>(ex).secret === secretValue, { oracle: 'secretValue', title: '32 KB secret changed', expected: `${secretValue.length} characters back`, received: 'another value', exchange: ex });
});
