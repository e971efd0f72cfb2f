// What the v1.2 key management should do beyond its MUSTs: key id shape, distinct ids, refusing
// incomplete or out-of-range create requests, the zone-less deletion time, deleting twice.
// Source: skm-api-v1.2.ja.md#キーの追加削除; FACTS.md#skm-keys-versions-lifecycle
import { test, requirement } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, expectRefused } from '../../../../harness/refusal-check.ts';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';

test('created key ids are 32 lowercase hex characters, and differ', details(requirement('SKM-MGT-CRT-005', 'SKM-MGT-CRT-009'), variant('v1.2')), async ({ provisioner, expectations }) => {
  const ids: string[] = [];
  for (const kind of ['secret', 'symmetric', 'asymmetric', 'secret'] as const) {
    const ex = await provisioner.create(kind);
    const id = succeeds<{ keyId: string }>(ex).keyId;
    // Only the examples show 32 lowercase hex: unpinned, any non-empty id usable as a path segment.
    const shaped = expectations.strict.has('SKM-MGT-CRT-005') ? /^[0-9a-f]{32}$/.test(id) : id.length > 0 && !/[/?#%\s]/.test(id);
    await attribute('SKM-MGT-CRT-005', () => ensure(shaped, { oracle: 'keyIdShape', title: 'Key id not of the expected shape', expected: expectations.strict.has('SKM-MGT-CRT-005') ? '32 lowercase hex characters' : 'a non-empty path segment', received: JSON.stringify(id), exchange: ex }));
    await attribute('SKM-MGT-CRT-009', () => ensure(!ids.includes(id), { oracle: 'keyIdUnique', title: 'The same key id twice', expected: 'a new id', received: id, exchange: ex }));
    ids.push(id);
  }
});

for (const [label, kind, extra, id] of [
  ['without keyStoreName', 'symmetric', { keyStoreName: undefined }, 'SKM-MGT-CRT-010'],
  ['without name', 'secret', { name: undefined }, 'SKM-MGT-CRT-010'],
  ['with an empty name', 'symmetric', { name: '' }, 'SKM-MGT-CRT-010'],
  ['in a key store that does not exist', 'symmetric', { keyStoreName: 'no such store' }, 'SKM-MGT-CRT-011'],
  ['with autoRotationPeriod -30', 'symmetric', { autoRotationPeriod: -30 }, 'SKM-MGT-ROT-004'],
  ['with autoRotationPeriod 30.5', 'symmetric', { autoRotationPeriod: 30.5 }, 'SKM-MGT-ROT-004'],
  ['with a 32,769-character secretValue', 'secret', { secretValue: 'v'.repeat(32 * 1024 + 1) }, 'SKM-MGT-SLIM-002'],
] as const) {
  test(`a create request ${label} is refused`, details(requirement(id), variant('v1.2')), async ({ provisioner, expectations }) => {
    // The control: the same create, complete and in range, succeeds; a key made anyway is deleted afterwards.
    const c = await provisioner.createControl(kind);
    await expectRefused(c, { expectations, send: () => provisioner.create(kind, extra) });
  });
}

test('deletionDateTime is a local date-time without a zone', details(requirement('SKM-MGT-DEL-003'), variant('v1.2')), async ({ skm, provisioner }) => {
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  const ex = await skm.call('scheduleKeyDeletion_v1_2', { keyId });
  const value = succeeds<{ deletionDateTime: string }>(ex).deletionDateTime;
  ensure(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value), { oracle: 'localDateTime', title: 'deletionDateTime has a zone or another shape', expected: 'yyyy-MM-ddTHH:mm:ss[.fraction], no zone', received: JSON.stringify(value), exchange: ex });
});

test('a deleted key cannot be deleted or scheduled again', details(requirement('SKM-MGT-DEL-012'), variant('v1.2')), async ({ skm, provisioner, expectations }) => {
  const keyId = (await provisioner.createControl('secret')).body.keyId as string;
  // The controls are these very requests, made while the key still existed.
  const schedule = await control(skm, 'scheduleKeyDeletion_v1_2', { keyId });
  const remove = await control(skm, 'deleteKeyImmediately_v1_2', { keyId });
  provisioner.forget(keyId);
  await expectRefused(remove, { expectations });
  await expectRefused(schedule, { expectations });
});
