// RSA-2048 keys and SKM's signature: PKCS#1 v1.5 type-1 padding applied to the raw text, without
// hashing (FACTS.md, inferred from the 245 = 256 - 11 byte limit), prefixed by the 4-byte key version.
// The scheme is unpublished, so the alternate personality signs with RSASSA-PKCS1-v1_5 over SHA-256.
import {
  constants, createPrivateKey, createPublicKey, generateKeyPair, privateEncrypt, publicDecrypt, sign, timingSafeEqual, verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

export const RSA_BYTES = 256;
const VERSION_BYTES = 4;
export const SIGNATURE_BYTES = VERSION_BYTES + RSA_BYTES;

export interface RsaMaterial {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PKCS#8 PrivateKeyInfo DER */
  pkcs8: Buffer;
  /** X.509 SubjectPublicKeyInfo DER */
  spki: Buffer;
}

/** Runs on the libuv thread pool, so several keys are made in parallel. */
export async function generateRsa(): Promise<RsaMaterial> {
  const { privateKey } = await generate('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return rsaFromPrivateKey(privateKey);
}

export function rsaFromPkcs8(der: Buffer): RsaMaterial {
  return rsaFromPrivateKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
}

function rsaFromPrivateKey(privateKey: KeyObject): RsaMaterial {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }),
    spki: publicKey.export({ format: 'der', type: 'spki' }),
  };
}

/** The bare RSA value: type-1 padded `data` (at most 245 bytes) raised to the private exponent. */
export function rsaSignRaw(key: RsaMaterial, data: Buffer): Buffer {
  return privateEncrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_PADDING }, data);
}

export function withVersionPrefix(version: number, value: Buffer): Buffer {
  const out = Buffer.allocUnsafe(VERSION_BYTES + value.length);
  out.writeUInt32BE(version, 0);
  value.copy(out, VERSION_BYTES);
  return out;
}

/** Whether `rsaValue` is a type-1 signature of exactly `data` under the key. */
export function rsaVerifyRaw(key: RsaMaterial, rsaValue: Buffer, data: Buffer): boolean {
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key: key.publicKey, padding: constants.RSA_PKCS1_PADDING }, rsaValue);
  } catch {
    return false; // not a valid type-1 block under this key: a wrong signature, not malformed input
  }
  return recovered.length === data.length && timingSafeEqual(recovered, data);
}

export function rsaSignSha256(key: RsaMaterial, data: Buffer): Buffer {
  return sign('sha256', data, { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING });
}

export function rsaVerifySha256(key: RsaMaterial, rsaValue: Buffer, data: Buffer): boolean {
  try {
    return verify('sha256', data, { key: key.publicKey, padding: constants.RSA_PKCS1_PADDING }, rsaValue);
  } catch {
    return false; // e.g. a value not below the modulus: a wrong signature, as for rsaVerifyRaw
  }
}

export function splitSignature(blob: Buffer): { version: number; value: Buffer } {
  return { version: blob.readUInt32BE(0), value: blob.subarray(VERSION_BYTES) };
}
