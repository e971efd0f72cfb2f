// Symmetric-key operations: AES-256 under the key version the ciphertext names, in the personality's
// cipher (crypto/suite.ts).
import { randomBytes } from 'node:crypto';
import { AES_KEY_BYTES } from '../crypto/symmetric.ts';
import { SkmError } from '../errors.ts';
import type { Key } from '../store/model.ts';
import type { Call } from './call.ts';
import { jsonBody } from './body.ts';
import {
  authorise, currentVersion, findKey, inServiceVersion, listing, reportedVersion, requireInService, usableVersion,
} from './lookup.ts';

/** A symmetric key the caller may use right now. */
function usableSymmetricKey(call: Call, notInService?: 'Invalid Key Status'): Key {
  const key = findKey(call, 'symmetric');
  authorise(call, key);
  requireInService(call, key, notInService);
  return key;
}

function encrypt(call: Call, key: Key, version: number, bytes: Buffer): Buffer {
  const { faults, suite } = call.services;
  return suite.seal(key.versions[version].aes!, version, bytes, faults.has('deterministic-encryption'));
}

function mimeWrapped(b64: string, call: Call): string {
  return call.services.faults.has('ciphertext-not-base64') ? `${b64.replace(/.{76}/g, '$&\r\n')}\r\n` : b64;
}

function decodeCiphertext(call: Call, text: string): Buffer | undefined {
  const { faults, suite } = call.services;
  return suite.decode(faults.has('ciphertext-not-base64') ? text.replace(/\r\n/g, '') : text);
}

export function symmetricEncrypt(call: Call): unknown {
  const { faults, personality, suite } = call.services;
  const key = usableSymmetricKey(call);
  const { plaintext } = jsonBody<{ plaintext: string }>(call);
  if (plaintext === '' && personality.has('empty-plaintext-refused')) throw new SkmError('Invalid User Data');
  const version = currentVersion(call, key);
  const ciphertext = mimeWrapped(suite.encode(encrypt(call, key, version, Buffer.from(plaintext, 'utf8'))), call);
  return faults.has('missing-keyversion') ? { ciphertext } : { ciphertext, keyVersion: reportedVersion(call, version) };
}

export function symmetricDecrypt(call: Call): unknown {
  const { faults, personality, suite } = call.services;
  const key = usableSymmetricKey(call, 'Invalid Key Status');
  const { ciphertext } = jsonBody<{ ciphertext: string }>(call);
  const blob = decodeCiphertext(call, ciphertext);
  const version = blob && suite.sealedVersion(blob);
  if (version === undefined) throw new SkmError('Invalid User Data');
  // A version the key never had marks data SKM did not make; one it had and lost is Invalid Key Version.
  if (version >= key.versions.length && personality.has('unknown-version-invalid-user-data')) throw new SkmError('Invalid User Data');
  if (faults.has('old-version-decrypt-fails') && version !== currentVersion(call, key)) throw new SkmError('Invalid Key Version');
  const aes = usableVersion(call, key, version).aes!;
  const plaintext = suite.open(aes, blob!, faults.has('decrypt-ignores-tag'));
  if (!plaintext) throw new SkmError('Invalid User Data');
  return { plaintext: suite.plaintextOf(plaintext), keyVersion: reportedVersion(call, version) };
}

/** Local keys the `local-key-reused` fault hands out again, per stored key. */
const reusedLocalKeys = new WeakMap<Key, Buffer>();

/**
 * localKeyCiphertext is the encryption of the localKeyPlaintext text (the Base64 of the key), so the
 * decrypt API turns it back into exactly localKeyPlaintext, as the documents describe its use (or, under
 * local-key-raw-bytes, of the key bytes themselves). It stays padded Base64: only the encrypt ciphertext's
 * form is open (SKM-SYM-ENC-005).
 */
export function createLocalKey(call: Call): unknown {
  const { faults, suite } = call.services;
  const key = usableSymmetricKey(call);
  const version = currentVersion(call, key);
  const size = faults.has('local-key-16-bytes') ? 16 : AES_KEY_BYTES;
  let localKey: Buffer = randomBytes(size);
  if (faults.has('local-key-reused')) {
    localKey = reusedLocalKeys.get(key) ?? localKey;
    reusedLocalKeys.set(key, localKey);
  }
  const encrypted = faults.has('local-key-ciphertext-mismatch') ? randomBytes(size) : localKey;
  const localKeyCiphertext = mimeWrapped(encrypt(call, key, version, suite.localKeyText(encrypted)).toString('base64'), call);
  return { localKeyPlaintext: localKey.toString('base64'), localKeyCiphertext, keyVersion: version };
}

/**
 * v1.0 answers with one version and no keyVersion: the newest (or, v10-symmetric-key-oldest-version, the
 * oldest In Service one, version 0 of an unrotated key); v1.1 and v1.2 take ?keyVersion=.
 */
export function getSymmetricKey(call: Call): unknown {
  const { faults, personality } = call.services;
  const key = usableSymmetricKey(call);
  const versioned = call.route.op.version !== 'v1.0';
  const asked = call.params.keyVersion as number | undefined;
  let version = asked === undefined || faults.has('v11-keyversion-ignored') ? currentVersion(call, key) : asked;
  if (!versioned && personality.has('v10-symmetric-key-oldest-version')) version = inServiceVersion(key, 'oldest');
  const symmetricKey = listing(call, usableVersion(call, key, version, true).aes!);
  return versioned ? { symmetricKey, keyVersion: version } : { symmetricKey };
}
