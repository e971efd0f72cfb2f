// Finding the key a call names and the version it may use, with the documented failure for each way
// that can go wrong (solution guide; FACTS.md), in the personality's reading where the documents give two.
import { hexListing } from '../crypto/encoding.ts';
import { SkmError } from '../errors.ts';
import type { Key, KeyType, KeyVersion } from '../store/model.ts';
import type { Call } from './call.ts';

/** The key of this appkey that {keyid} names, gone or not; another appkey's key is as unknown as none. */
function lookUp(call: Call): Key | undefined {
  const { store, faults, personality } = call.services;
  const id = call.params.keyid as string;
  const key = store.state.keys.get(id) ?? (personality.has('key-id-case-insensitive') ? store.state.keys.get(id.toLowerCase()) : undefined);
  return key && (key.appkey === call.tenant.appkey || faults.has('cross-tenant-read')) ? key : undefined;
}

/** Past its deletion time: deleted, although (decided lazily, from the clock) still in the state. */
function gone(call: Call, key: Key): boolean {
  return key.status === 'Scheduled to be Deleted' && key.deletionAt !== undefined && key.deletionAt <= call.services.clock().getTime();
}

/**
 * The key a data operation works on: this appkey's, of the operation's type, not Scheduled to be Deleted
 * (the v1.2 guide: such a key cannot be queried) and, under create-propagation-delay, not brand new.
 */
export function findKey(call: Call, type: KeyType): Key {
  const { faults, personality, history, clock } = call.services;
  const key = lookUp(call);
  if (!key || gone(call, key)) throw new SkmError('Invalid Key Id');
  if (key.type !== type) throw new SkmError(personality.has('wrong-key-type-invalid-user-data') ? 'Invalid User Data' : 'Invalid Key Id');
  if (key.status === 'Scheduled to be Deleted' && !faults.has('scheduled-key-readable')) {
    throw new SkmError(personality.has('scheduled-key-invalid-key-status') ? 'Invalid Key Status' : 'Invalid Key Id');
  }
  if (personality.has('create-propagation-delay') && history.propagating(key.id, clock().getTime())) throw new SkmError('Invalid Key Id');
  return key;
}

/** The key a schedule or delete works on: any type, Scheduled to be Deleted or not. */
export function findManagedKey(call: Call): Key {
  const { personality, history } = call.services;
  const key = lookUp(call);
  if (key && !gone(call, key)) return key;
  const deleted = key !== undefined || history.wasDeleted(call.tenant.appkey, call.params.keyid as string);
  throw new SkmError(deleted && personality.has('deleted-key-invalid-key-status') ? 'Invalid Key Status' : 'Invalid Key Id');
}

/** The client authentication of the key's store. */
export function authorise(call: Call, key: Key): void {
  const store = call.services.store.state.tenants.get(key.appkey)!.keyStores.get(key.keyStoreName)!;
  call.services.clientAuth.check(call.ctx, store);
}

/**
 * A readable key that is not In Service (the mock's STOPPED): the solution guide gives Invalid Key Status
 * (decrypt and verify pass `notInService`) and, for a key not In Service, Invalid Key Id.
 */
export function requireInService(call: Call, key: Key, notInService?: 'Invalid Key Status'): void {
  if (key.status !== 'STOPPED') return;
  throw new SkmError(notInService && !call.services.personality.has('stopped-key-invalid-key-id') ? notInService : 'Invalid Key Id');
}

/** The version encryption and signing use: the newest In Service one. */
export function currentVersion(call: Call, key: Key): number {
  return inServiceVersion(key, call.services.faults.has('encrypt-uses-oldest-version') ? 'oldest' : 'newest');
}

export function inServiceVersion(key: Key, which: 'newest' | 'oldest'): number {
  const { versions } = key;
  for (let i = 0; i < versions.length; i++) {
    const v = which === 'oldest' ? i : versions.length - 1 - i;
    if (versions[v].status === 'In Service') return v;
  }
  throw new Error(`key ${key.id} has no In Service version`); // the seed and create never allow this
}

/** A version named by a ciphertext, a signature or (`query`) ?keyVersion=. */
export function usableVersion(call: Call, key: Key, version: number, query = false): KeyVersion {
  const { faults, personality } = call.services;
  const found = key.versions[version];
  if (!found || found.status === 'deleted') throw new SkmError('Invalid Key Version');
  if (found.status === 'Scheduled to be Deleted' && !faults.has('scheduled-version-usable')) {
    const asQuery = query && personality.has('scheduled-version-query-invalid-key-version');
    throw new SkmError(asQuery ? 'Invalid Key Version' : 'Invalid Key Version Status');
  }
  return found;
}

/** keyVersion as the response reports it. */
export function reportedVersion(call: Call, version: number): number | string {
  return call.services.faults.has('keyversion-string') ? String(version) : version;
}

/** A key's bytes as the key queries list them. */
export function listing(call: Call, bytes: Buffer): string {
  const { faults, personality } = call.services;
  if (faults.has('hex-listing-uppercase-no-space')) return hexListing(bytes, 'uppercase-no-space');
  return hexListing(bytes, personality.has('hex-listing-uppercase-wrapped') ? 'uppercase-wrapped' : 'documented');
}
