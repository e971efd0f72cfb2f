// Finding the key a call names and the version it may use, with the documented failure for each way
// that can go wrong (solution guide; FACTS.md).
import { SkmError, type ErrorMessage } from '../errors.ts';
import type { Key, KeyType, KeyVersion } from '../store/model.ts';
import type { Call } from './call.ts';

/**
 * The key named by {keyid}, if this appkey owns it and it has the type the operation works on. A key
 * Scheduled to be Deleted cannot be queried (v1.2 guide) unless `includeScheduled`; one past its
 * deletion time is gone either way.
 */
export function findKey(call: Call, type?: KeyType, includeScheduled = false): Key {
  const { store, faults, clock } = call.services;
  const key = store.state.keys.get(call.params.keyid as string);
  if (!key || (type && key.type !== type)) throw new SkmError('Invalid Key Id');
  if (key.appkey !== call.tenant.appkey && !faults.has('cross-tenant-read')) throw new SkmError('Invalid Key Id');
  if (key.status === 'Scheduled to be Deleted') {
    if (key.deletionAt !== undefined && key.deletionAt <= clock().getTime()) throw new SkmError('Invalid Key Id');
    if (!includeScheduled && !faults.has('scheduled-key-readable')) throw new SkmError('Invalid Key Id');
  }
  return key;
}

/** The client authentication of the key's store. */
export function authorise(call: Call, key: Key): void {
  const store = call.services.store.state.tenants.get(key.appkey)!.keyStores.get(key.keyStoreName)!;
  call.services.clientAuth.check(call.ctx, store);
}

/**
 * A readable key that is not In Service (the mock's STOPPED) fails with Invalid Key Status where the
 * solution guide says so (decrypt, verify) and with Invalid Key Id elsewhere ("check that the key is In Service").
 */
export function requireInService(key: Key, message: ErrorMessage = 'Invalid Key Id'): void {
  if (key.status === 'STOPPED') throw new SkmError(message);
}

/** The version encryption and signing use: the newest In Service one. */
export function currentVersion(call: Call, key: Key): number {
  const oldest = call.services.faults.has('encrypt-uses-oldest-version');
  const { versions } = key;
  for (let i = 0; i < versions.length; i++) {
    const v = oldest ? i : versions.length - 1 - i;
    if (versions[v].status === 'In Service') return v;
  }
  throw new Error(`key ${key.id} has no In Service version`); // the seed and create never allow this
}

/** A version named by a ciphertext, a signature or ?keyVersion=. */
export function usableVersion(call: Call, key: Key, version: number): KeyVersion {
  const found = key.versions[version];
  if (!found || found.status === 'deleted') throw new SkmError('Invalid Key Version');
  if (found.status === 'Scheduled to be Deleted' && !call.services.faults.has('scheduled-version-usable')) throw new SkmError('Invalid Key Version Status');
  return found;
}

/** keyVersion as the response reports it. */
export function reportedVersion(call: Call, version: number): number | string {
  return call.services.faults.has('keyversion-string') ? String(version) : version;
}
