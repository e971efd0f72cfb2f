// v1.2 key management: create, schedule deletion (7 days, rounded up to the hour), delete immediately
// (only a key Scheduled to be Deleted). Every change goes through the store, so it is logged before
// the reply when the mock persists.
import { randomBytes, randomUUID } from 'node:crypto';
import { DELETION_WINDOW_DAYS, kstLocalDateTime, scheduledDeletionAt, utcLocalDateTime } from '../clock.ts';
import { generateRsa } from '../crypto/asymmetric.ts';
import { newAesKey } from '../crypto/symmetric.ts';
import { SkmError } from '../errors.ts';
import type { Key, KeyType } from '../store/model.ts';
import { serialiseKey } from '../store/serial.ts';
import type { Call } from './call.ts';
import { jsonBody } from './body.ts';
import { findManagedKey } from './lookup.ts';

interface CreateRequest {
  keyStoreName: string;
  name: string;
  description?: string;
  secretValue?: string;
  autoRotationPeriod?: number;
}

async function createKey(call: Call, type: KeyType): Promise<unknown> {
  const { personality, history, clock, store } = call.services;
  const body = jsonBody<CreateRequest>(call);
  if (!call.tenant.keyStores.has(body.keyStoreName)) throw new SkmError('Invalid User Data');
  const key: Key = {
    id: personality.has('uuid-key-ids') ? randomUUID() : randomBytes(16).toString('hex'),
    appkey: call.tenant.appkey,
    keyStoreName: body.keyStoreName,
    type,
    name: body.name,
    description: body.description ?? '',
    // Stored and reported nowhere: the mock does not rotate keys by itself.
    autoRotationPeriod: body.autoRotationPeriod ?? 0,
    status: 'In Service',
    versions: [],
  };
  if (type === 'secret') key.secret = body.secretValue;
  if (type === 'symmetric') key.versions.push({ status: 'In Service', aes: newAesKey() });
  if (type === 'asymmetric') key.versions.push({ status: 'In Service', rsa: await generateRsa() });
  store.commit({ type: 'keyCreated', key: serialiseKey(key) });
  if (personality.has('create-propagation-delay')) history.keyCreated(key.id, clock().getTime());
  return { keyId: key.id, keyStatus: 'ACTIVE' };
}

export const createSecret = (call: Call) => createKey(call, 'secret');
export const createSymmetricKey = (call: Call) => createKey(call, 'symmetric');
export const createAsymmetricKey = (call: Call) => createKey(call, 'asymmetric');

/** A zone-less KST time as in the examples, or (deletion-time-utc) UTC to the second. */
function deletionDateTime(call: Call, ms: number, fractionDigits: 2 | 3): string {
  return call.services.personality.has('deletion-time-utc') ? utcLocalDateTime(ms) : kstLocalDateTime(ms, fractionDigits);
}

export function scheduleKeyDeletion(call: Call): unknown {
  const { faults, personality, clock, store } = call.services;
  const key = findManagedKey(call);
  if (key.status === 'Scheduled to be Deleted') {
    if (!personality.has('repeat-schedule-returns-existing')) throw new SkmError('Invalid Key Status');
    return { keyId: key.id, deletionDateTime: deletionDateTime(call, key.deletionAt!, 2) };
  }
  const days = faults.has('deletion-window-1-day') ? 1 : DELETION_WINDOW_DAYS;
  const deletionAt = scheduledDeletionAt(clock().getTime(), days, !personality.has('deletion-time-utc'));
  store.commit({ type: 'deletionScheduled', keyId: key.id, deletionAt });
  return { keyId: key.id, deletionDateTime: deletionDateTime(call, deletionAt, 2) };
}

export function deleteKeyImmediately(call: Call): unknown {
  const { faults, personality, history, clock, store } = call.services;
  const key = findManagedKey(call);
  if (key.status !== 'Scheduled to be Deleted' && !(key.status === 'In Service' && faults.has('immediate-delete-active'))) {
    throw new SkmError('Invalid Key Status');
  }
  const now = clock().getTime();
  store.commit({ type: 'keyDeleted', keyId: key.id });
  if (personality.has('deleted-key-invalid-key-status')) history.keyDeleted(key.appkey, key.id);
  return { keyId: key.id, deletionDateTime: deletionDateTime(call, now, 3) };
}
