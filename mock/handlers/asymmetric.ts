// Asymmetric-key operations: version-prefixed RSA signatures in the personality's scheme (crypto/suite.ts)
// and the key pair of each version as DER (PKCS#8 private, SubjectPublicKeyInfo public).
import { RSA_BYTES, SIGNATURE_BYTES, splitSignature } from '../crypto/asymmetric.ts';
import { SkmError } from '../errors.ts';
import type { Key } from '../store/model.ts';
import type { Call } from './call.ts';
import { jsonBody } from './body.ts';
import { authorise, currentVersion, findKey, listing, reportedVersion, requireInService, usableVersion } from './lookup.ts';

const SIGN_MAX_BYTES = RSA_BYTES - 11; // what PKCS#1 v1.5 padding leaves of a 2048-bit block

function usableAsymmetricKey(call: Call, notInService?: 'Invalid Key Status'): Key {
  const key = findKey(call, 'asymmetric');
  authorise(call, key);
  requireInService(call, key, notInService);
  return key;
}

export function asymmetricSign(call: Call): unknown {
  const { suite } = call.services;
  const key = usableAsymmetricKey(call);
  const { plaintext } = jsonBody<{ plaintext: string }>(call);
  const version = currentVersion(call, key);
  // Only under sign-limit-ignored can the text be longer than one RSA block holds.
  const data = Buffer.from(plaintext, 'utf8').subarray(0, SIGN_MAX_BYTES);
  const signature = suite.encode(suite.sign(key.versions[version].rsa!, version, data));
  return { signature, keyVersion: reportedVersion(call, version) };
}

export function asymmetricVerify(call: Call): unknown {
  const { faults, personality, suite } = call.services;
  const key = usableAsymmetricKey(call, 'Invalid Key Status');
  const { plaintext, signature } = jsonBody<{ plaintext: string; signature: string }>(call);
  const blob = suite.decode(signature);
  if (!blob || blob.length !== SIGNATURE_BYTES) throw new SkmError('Invalid User Data');
  const { version, value } = splitSignature(blob);
  if (faults.has('old-version-decrypt-fails') && version !== currentVersion(call, key)) throw new SkmError('Invalid Key Version');
  const rsa = usableVersion(call, key, version).rsa!;
  const result = faults.has('sign-no-verify') || suite.verify(rsa, value, Buffer.from(plaintext, 'utf8'));
  // The guide's "check if the signature value is correct" (Invalid User Data) read as covering this case too.
  if (!result && personality.has('wrong-signature-invalid-user-data')) throw new SkmError('Invalid User Data');
  return { result, keyVersion: reportedVersion(call, version) };
}

function keyVersionFor(call: Call, key: Key): number {
  return (call.params.keyVersion as number | undefined) ?? currentVersion(call, key);
}

function derBody(call: Call, keyType: 'PrivateKey' | 'PublicKey', der: Buffer, version: number): unknown {
  const type = call.services.personality.has('key-type-camel-case') ? keyType[0].toLowerCase() + keyType.slice(1) : keyType;
  return { keyType: type, key: listing(call, der), encodedKey: der.toString('base64'), keyVersion: version };
}

export function getPrivateKey(call: Call): unknown {
  const key = usableAsymmetricKey(call);
  const version = keyVersionFor(call, key);
  const rsa = usableVersion(call, key, version, true).rsa!;
  const der = call.services.faults.has('private-key-pkcs1') ? rsa.privateKey.export({ format: 'der', type: 'pkcs1' }) : rsa.pkcs8;
  return derBody(call, 'PrivateKey', der, version);
}

/** Readable regardless of client authentication (both guides). */
export function getPublicKey(call: Call): unknown {
  const key = findKey(call, 'asymmetric');
  if (call.services.faults.has('public-key-needs-auth')) authorise(call, key);
  requireInService(call, key);
  const version = keyVersionFor(call, key);
  const rsa = usableVersion(call, key, version, true).rsa!;
  const der = call.services.faults.has('public-key-pkcs1') ? rsa.publicKey.export({ format: 'der', type: 'pkcs1' }) : rsa.spki;
  return derBody(call, 'PublicKey', der, version);
}
