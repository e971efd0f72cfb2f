// What the v1.2 key management should do beyond its MUSTs: key id shape, distinct ids, refusing
// incomplete or out-of-range create requests, the zone-less deletion time, deleting twice.
// Source: skm-api-v1.2.ja.md#キーの追加削除; FACTS.md#skm-keys-versions-lifecycle
import { randomBytes } from 'node:crypto';
import { test, requirement } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';

test('created key ids are 32 lowercase hex characters, and differ', requirement('SKM-MGT-CRT-005', 'SKM-MGT-CRT-009'), async ({ provisioner }) => {
  const ids: string[] = [];
  for (const kind of ['secret', 'symmetric', 'asymmetric', 'secret'] as const) {
    const ex = await provisioner.create(kind);
    const id = succeeds<{ keyId: string }>(ex).keyId;
    ensure(/^[0-9a-f]{32}$/.test(id), { oracle: 'keyIdShape', title: 'Key id not 32 lowercase hex', expected: '32 lowercase hex characters', received: JSON.stringify(id), exchange: ex });
    ensure(!ids.includes(id), { oracle: 'keyIdUnique', title: 'The same key id twice', expected: 'a new id', received: id, exchange: ex });
    ids.push(id);
  }
});

test('incomplete, out-of-range and oversized create requests are refused', requirement('SKM-MGT-CRT-010', 'SKM-MGT-CRT-011', 'SKM-MGT-ROT-004', 'SKM-MGT-SLIM-002', 'SKM-ROB-MGT-001'), async ({ provisioner, expectations }) => {
  const attempts: [string, 'secret' | 'symmetric', Record<string, unknown>][] = [
    ['without keyStoreName', 'symmetric', { keyStoreName: undefined }],
    ['without name', 'secret', { name: undefined }],
    ['in a key store that does not exist', 'symmetric', { keyStoreName: `no such store ${randomBytes(4).toString('hex')}` }],
    ['with autoRotationPeriod -30', 'symmetric', { autoRotationPeriod: -30 }],
    ['with autoRotationPeriod 30.5', 'symmetric', { autoRotationPeriod: 30.5 }],
    ['with a 32,769-character secretValue', 'secret', { secretValue: 'v'.repeat(32 * 1024 + 1) }],
    ['with an empty name', 'symmetric', { name: '' }],
  ];
  for (const [, kind, extra] of attempts) refused(await provisioner.create(kind, extra), expectations);
});

test('deletionDateTime is a local date-time without a zone', requirement('SKM-MGT-DEL-003'), async ({ skm, provisioner }) => {
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  const ex = await skm.call('scheduleKeyDeletion_v1_2', { keyId });
  const value = succeeds<{ deletionDateTime: string }>(ex).deletionDateTime;
  ensure(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value), { oracle: 'localDateTime', title: 'deletionDateTime has a zone or another shape', expected: 'yyyy-MM-ddTHH:mm:ss[.fraction], no zone', received: JSON.stringify(value), exchange: ex });
});

test('a deleted key cannot be deleted or scheduled again', requirement('SKM-MGT-DEL-012'), async ({ skm, provisioner, expectations }) => {
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  succeeds(await skm.call('scheduleKeyDeletion_v1_2', { keyId }));
  succeeds(await skm.call('deleteKeyImmediately_v1_2', { keyId }));
  provisioner.forget(keyId);
  refused(await skm.call('deleteKeyImmediately_v1_2', { keyId }), expectations);
  refused(await skm.call('scheduleKeyDeletion_v1_2', { keyId }), expectations);
});
