// Symmetric-key operations: AES-256-GCM under the key version the ciphertext names (crypto/symmetric.ts).
import { randomBytes } from 'node:crypto';
import { decodeBase64Strict, hexListing } from '../crypto/encoding.ts';
import { AES_KEY_BYTES, FIXED_IV, open, openIgnoringTag, parseSealed, seal } from '../crypto/symmetric.ts';
import { SkmError } from '../errors.ts';
import type { Faults } from '../faults.ts';
import type { Key } from '../store/model.ts';
import type { Call } from './call.ts';
import { jsonBody } from './body.ts';
import { authorise, currentVersion, findKey, reportedVersion, requireInService, usableVersion } from './lookup.ts';

/** A symmetric key the caller may use right now. */
function usableSymmetricKey(call: Call, notInService?: 'Invalid Key Status'): Key {
  const key = findKey(call, 'symmetric');
  authorise(call, key);
  requireInService(key, notInService);
  return key;
}

function encryptText(call: Call, key: Key, version: number, text: string): string {
  const { faults } = call.services;
  const iv = faults.has('deterministic-encryption') ? FIXED_IV : undefined;
  return encodeCiphertext(seal(key.versions[version].aes!, version, Buffer.from(text, 'utf8'), iv), faults);
}

function encodeCiphertext(blob: Buffer, faults: Faults): string {
  const b64 = blob.toString('base64');
  return faults.has('ciphertext-not-base64') ? `${b64.replace(/.{76}/g, '$&\r\n')}\r\n` : b64;
}

function decodeCiphertext(text: string, faults: Faults): Buffer | undefined {
  return decodeBase64Strict(faults.has('ciphertext-not-base64') ? text.replace(/\r\n/g, '') : text);
}

export function symmetricEncrypt(call: Call): unknown {
  const key = usableSymmetricKey(call);
  const { plaintext } = jsonBody<{ plaintext: string }>(call);
  const version = currentVersion(call, key);
  const ciphertext = encryptText(call, key, version, plaintext);
  return call.services.faults.has('missing-keyversion') ? { ciphertext } : { ciphertext, keyVersion: reportedVersion(call, version) };
}

export function symmetricDecrypt(call: Call): unknown {
  const { faults } = call.services;
  const key = usableSymmetricKey(call, 'Invalid Key Status');
  const { ciphertext } = jsonBody<{ ciphertext: string }>(call);
  const blob = decodeCiphertext(ciphertext, faults);
  const parts = blob && parseSealed(blob);
  if (!parts) throw new SkmError('Invalid User Data');
  if (faults.has('old-version-decrypt-fails') && parts.version !== currentVersion(call, key)) throw new SkmError('Invalid Key Version');
  const aes = usableVersion(call, key, parts.version).aes!;
  const plaintext = faults.has('decrypt-ignores-tag') ? openIgnoringTag(aes, parts) : open(aes, parts);
  if (!plaintext) throw new SkmError('Invalid User Data');
  return { plaintext: plaintext.toString('utf8'), keyVersion: reportedVersion(call, parts.version) };
}

/** Local keys the `local-key-reused` fault hands out again, per stored key. */
const reusedLocalKeys = new WeakMap<Key, Buffer>();

/**
 * localKeyCiphertext is the encryption of the localKeyPlaintext text (the Base64 of the key), so the
 * decrypt API turns it back into exactly localKeyPlaintext, as the documents describe its use.
 */
export function createLocalKey(call: Call): unknown {
  const { faults } = call.services;
  const key = usableSymmetricKey(call);
  const version = currentVersion(call, key);
  const size = faults.has('local-key-16-bytes') ? 16 : AES_KEY_BYTES;
  let localKey: Buffer = randomBytes(size);
  if (faults.has('local-key-reused')) {
    localKey = reusedLocalKeys.get(key) ?? localKey;
    reusedLocalKeys.set(key, localKey);
  }
  const localKeyPlaintext = localKey.toString('base64');
  const encrypted = faults.has('local-key-ciphertext-mismatch') ? randomBytes(size).toString('base64') : localKeyPlaintext;
  return { localKeyPlaintext, localKeyCiphertext: encryptText(call, key, version, encrypted), keyVersion: version };
}

/** v1.0 answers with the newest version and no keyVersion; v1.1 and v1.2 take ?keyVersion=. */
export function getSymmetricKey(call: Call): unknown {
  const { faults } = call.services;
  const key = usableSymmetricKey(call);
  const versioned = call.route.op.version !== 'v1.0';
  const asked = call.params.keyVersion as number | undefined;
  const version = asked === undefined || faults.has('v11-keyversion-ignored') ? currentVersion(call, key) : asked;
  const material = usableVersion(call, key, version).aes!;
  const symmetricKey = hexListing(material, faults.has('hex-listing-uppercase-no-space') ? 'uppercase-no-space' : 'documented');
  return versioned ? { symmetricKey, keyVersion: version } : { symmetricKey };
}
