// AES-256 with the version-prefixed layout SKM's ciphertexts appear to have (FACTS.md: both examples
// start with four zero bytes). GCM (the reference): 4-byte big-endian key version | 12-byte IV |
// ciphertext | 16-byte tag. CBC (the alternate personality; the mode is unpublished): 4-byte version |
// 16-byte IV | PKCS#7-padded blocks. The version travels inside the ciphertext because decrypt is never
// told which version made it.
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';

const VERSION_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BLOCK_BYTES = 16;
export const AES_KEY_BYTES = 32;

export interface SealedParts {
  version: number;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function newAesKey(): Buffer {
  return randomBytes(AES_KEY_BYTES);
}

// One random fill per 1,024 IVs instead of one per encryption: the per-call cost of randomBytes is a
// visible part of an encrypt. Each IV is copied by createCipheriv and into the output before the pool
// is refilled, so handing out views is safe.
const IV_POOL = Buffer.alloc(IV_BYTES * 1024);
let ivOffset = IV_POOL.length;

function randomIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return IV_POOL.subarray(ivOffset - IV_BYTES, ivOffset);
}

export function seal(key: Buffer, version: number, plaintext: Buffer, iv: Buffer = randomIv()): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const out = Buffer.allocUnsafe(VERSION_BYTES + IV_BYTES + body.length + TAG_BYTES);
  out.writeUInt32BE(version, 0);
  iv.copy(out, VERSION_BYTES);
  body.copy(out, VERSION_BYTES + IV_BYTES);
  cipher.getAuthTag().copy(out, VERSION_BYTES + IV_BYTES + body.length);
  return out;
}

/** The fixed IV of the `deterministic-encryption` fault. */
export const FIXED_IV = Buffer.alloc(IV_BYTES);

/** Splits a decoded ciphertext; undefined when it is too short to be one. */
export function parseSealed(blob: Buffer): SealedParts | undefined {
  if (blob.length < VERSION_BYTES + IV_BYTES + TAG_BYTES) return undefined;
  return {
    version: blob.readUInt32BE(0),
    iv: blob.subarray(VERSION_BYTES, VERSION_BYTES + IV_BYTES),
    ciphertext: blob.subarray(VERSION_BYTES + IV_BYTES, blob.length - TAG_BYTES),
    tag: blob.subarray(blob.length - TAG_BYTES),
  };
}

/** The plaintext, or undefined when the tag does not authenticate the ciphertext. */
export function open(key: Buffer, parts: SealedParts): Buffer | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, parts.iv);
  decipher.setAuthTag(parts.tag);
  const head = decipher.update(parts.ciphertext);
  try {
    return Buffer.concat([head, decipher.final()]);
  } catch {
    return undefined; // authentication failed: tampered or not ours
  }
}

/** The fixed IV of the `deterministic-encryption` fault under CBC. */
export const FIXED_CBC_IV = Buffer.alloc(BLOCK_BYTES);

export function sealCbc(key: Buffer, version: number, plaintext: Buffer, iv: Buffer = randomBytes(BLOCK_BYTES)): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const prefix = Buffer.allocUnsafe(VERSION_BYTES);
  prefix.writeUInt32BE(version, 0);
  return Buffer.concat([prefix, iv, cipher.update(plaintext), cipher.final()]);
}

/** The version a CBC ciphertext names; undefined when it is not a version, an IV and whole blocks. */
export function cbcVersion(blob: Buffer): number | undefined {
  const body = blob.length - VERSION_BYTES - BLOCK_BYTES;
  return body > 0 && body % BLOCK_BYTES === 0 ? blob.readUInt32BE(0) : undefined;
}

/**
 * The plaintext of a blob cbcVersion accepted, or undefined when its padding is wrong. CBC has no tag:
 * an altered ciphertext whose padding survives decrypts to altered text.
 */
export function openCbc(key: Buffer, blob: Buffer): Buffer | undefined {
  const body = blob.subarray(VERSION_BYTES + BLOCK_BYTES);
  const decipher = createDecipheriv('aes-256-cbc', key, blob.subarray(VERSION_BYTES, VERSION_BYTES + BLOCK_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return undefined; // bad padding
  }
}

/** GCM's keystream without the tag check (the `decrypt-ignores-tag` fault): CTR from counter block 2. */
export function openIgnoringTag(key: Buffer, parts: SealedParts): Buffer {
  const counter = Buffer.concat([parts.iv, Buffer.from([0, 0, 0, 2])]);
  const decipher = createDecipheriv('aes-256-ctr', key, counter);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
}
