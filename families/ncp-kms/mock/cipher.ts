// The cryptography behind the keys, node:crypto only: AES-256-GCM (nonce, ciphertext and tag in one
// buffer), RSA-2048 OAEP with SHA-256 (190 bytes at most, the documented limit), RSA PKCS#1 v1.5 and
// ECDSA P-256 signatures over SHA-256. Layouts are the mock's own: the documents publish none.
import { constants, createCipheriv, createDecipheriv, createHmac, privateDecrypt, publicEncrypt, randomBytes, sign, verify } from 'node:crypto';
import type { Material } from './keys.ts';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type NonceRule = 'random' | 'convergent' | 'fixed';

export class CipherError extends Error {}

/** A convergent key derives its nonce from context and plaintext: equal inputs give equal ciphertexts. */
function nonceFor(rule: NonceRule, secret: Buffer, plaintext: Buffer, context: Buffer): Buffer {
  if (rule === 'random') return randomBytes(NONCE_BYTES);
  if (rule === 'fixed') return Buffer.alloc(NONCE_BYTES);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(context.length);
  return createHmac('sha256', secret).update(length).update(context).update(plaintext).digest().subarray(0, NONCE_BYTES);
}

export function aesSeal(secret: Buffer, plaintext: Buffer, context: Buffer, rule: NonceRule): Buffer {
  const nonce = nonceFor(rule, secret, plaintext, context);
  const cipher = createCipheriv('aes-256-gcm', secret, nonce);
  cipher.setAAD(context);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** `checkTag: false` is the decrypt-ignores-tag fault: GCM's keystream without its authentication. */
export function aesOpen(secret: Buffer, sealed: Buffer, context: Buffer, checkTag = true): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new CipherError('too short');
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const body = sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES);
  if (!checkTag) {
    const counter = Buffer.concat([nonce, Buffer.from([0, 0, 0, 2])]);
    const ctr = createDecipheriv('aes-256-ctr', secret, counter);
    return Buffer.concat([ctr.update(body), ctr.final()]);
  }
  const decipher = createDecipheriv('aes-256-gcm', secret, nonce);
  decipher.setAAD(context);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new CipherError('authentication failed');
  }
}

export type OaepHash = 'sha256' | 'sha1';

/** The most an RSA-2048 OAEP block takes: 256 - 2 * hash length - 2 (190 for SHA-256). */
export function rsaCapacity(hash: OaepHash): number {
  return 256 - 2 * (hash === 'sha256' ? 32 : 20) - 2;
}

export function rsaSeal(material: Material, plaintext: Buffer, hash: OaepHash): Buffer {
  if (material.kind !== 'rsa') throw new CipherError('not an RSA key');
  return publicEncrypt({ key: material.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, plaintext);
}

export function rsaOpen(material: Material, sealed: Buffer, hash: OaepHash): Buffer {
  if (material.kind !== 'rsa') throw new CipherError('not an RSA key');
  try {
    return privateDecrypt({ key: material.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, sealed);
  } catch {
    throw new CipherError('RSA decryption failed');
  }
}

export function signData(material: Material, data: Buffer): Buffer {
  if (material.kind === 'aes') throw new CipherError('not a signing key');
  return sign('sha256', data, material.privateKey);
}

export function verifyData(material: Material, data: Buffer, signature: Buffer): boolean {
  if (material.kind === 'aes') throw new CipherError('not a signing key');
  try {
    return verify('sha256', data, material.publicKey, signature);
  } catch {
    return false; // a signature of the wrong length or shape is simply not valid
  }
}
