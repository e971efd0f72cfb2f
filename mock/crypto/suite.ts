// The cryptography of one personality: cipher, signature scheme, Base64 form and local-key form. The
// handlers and the fixture samples (samples.ts) both go through it, so a fixture ciphertext is always
// one its own mock decrypts.
import { isUtf8 } from 'node:buffer';
import type { Personality } from '../personality.ts';
import { rsaSignRaw, rsaSignSha256, rsaVerifyRaw, rsaVerifySha256, withVersionPrefix, type RsaMaterial } from './asymmetric.ts';
import { decodeBase64, type Base64Reading } from './encoding.ts';
import { cbcVersion, FIXED_CBC_IV, FIXED_IV, open, openCbc, openIgnoringTag, parseSealed, seal, sealCbc } from './symmetric.ts';

export class CryptoSuite {
  private readonly cbc: boolean;
  private readonly sha256: boolean;
  private readonly unpadded: boolean;
  private readonly base64Reading: Base64Reading;
  private readonly rawLocalKey: boolean;

  constructor(personality: Personality) {
    this.cbc = personality.has('aes-cbc');
    this.sha256 = personality.has('sign-pkcs1-sha256');
    this.unpadded = personality.has('base64-unpadded');
    this.base64Reading = personality.has('base64-lenient') ? 'lenient' : this.unpadded ? 'padding-optional' : 'strict';
    this.rawLocalKey = personality.has('local-key-raw-bytes');
  }

  /** `fixedIv`: the deterministic-encryption fault. */
  seal(key: Buffer, version: number, plaintext: Buffer, fixedIv = false): Buffer {
    if (this.cbc) return sealCbc(key, version, plaintext, fixedIv ? FIXED_CBC_IV : undefined);
    return seal(key, version, plaintext, fixedIv ? FIXED_IV : undefined);
  }

  /** The key version a ciphertext names; undefined when it cannot be a ciphertext of this cipher. */
  sealedVersion(blob: Buffer): number | undefined {
    return this.cbc ? cbcVersion(blob) : parseSealed(blob)?.version;
  }

  /** The plaintext, or undefined when the ciphertext does not authenticate (GCM) or unpad (CBC). */
  open(key: Buffer, blob: Buffer, ignoreTag = false): Buffer | undefined {
    if (this.cbc) return openCbc(key, blob);
    const parts = parseSealed(blob)!;
    return ignoreTag ? openIgnoringTag(key, parts) : open(key, parts);
  }

  /** The signature: 4-byte version and the RSA value. */
  sign(rsa: RsaMaterial, version: number, data: Buffer): Buffer {
    return withVersionPrefix(version, this.sha256 ? rsaSignSha256(rsa, data) : rsaSignRaw(rsa, data));
  }

  verify(rsa: RsaMaterial, rsaValue: Buffer, data: Buffer): boolean {
    return this.sha256 ? rsaVerifySha256(rsa, rsaValue, data) : rsaVerifyRaw(rsa, rsaValue, data);
  }

  /** Base64 of a ciphertext or signature. */
  encode(blob: Buffer): string {
    const text = blob.toString('base64');
    return this.unpadded ? text.replace(/=+$/, '') : text;
  }

  /** A ciphertext or signature as the client sent it. */
  decode(text: string): Buffer | undefined {
    return decodeBase64(text, this.base64Reading);
  }

  /** What localKeyCiphertext encrypts: the Base64 text of the key (so decrypt returns localKeyPlaintext), or its bytes. */
  localKeyText(localKey: Buffer): Buffer {
    return this.rawLocalKey ? localKey : Buffer.from(localKey.toString('base64'));
  }

  /** Decrypted bytes as decrypt returns them: UTF-8, or (raw local keys) Latin-1 when they are not UTF-8. */
  plaintextOf(bytes: Buffer): string {
    return this.rawLocalKey && !isUtf8(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  }
}
