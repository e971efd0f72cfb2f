// The keys at work: seal and open data under a key version with the KMS prefix, sign and verify, with the
// version and state rules of the documents (a disabled key or version no longer decrypts or verifies;
// the prefix names the version that decrypts). Faults and personality bend these rules here, where the
// rules live.
import { randomBytes } from 'node:crypto';
import { aesOpen, aesSeal, CipherError, rsaOpen, rsaSeal, signData, verifyData, type NonceRule, type OaepHash } from './cipher.ts';
import { KmsRefusal, type KmsErrorCode } from './errors.ts';
import type { Faults } from './faults.ts';
import { parsePrefixed, prefixed } from './input.ts';
import { newestEnabled, oldestEnabled, versionNumbered, type Key, type KeyVersion } from './keys.ts';
import type { Personality } from './personality.ts';

export class Vault {
  constructor(
    readonly keys: ReadonlyMap<string, Key>,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {}

  /** The key a keyTag names, if it is usable (or the disabled-key-usable fault is on). */
  usableKey(tag: string): Key {
    const key = this.keys.get(tag);
    if (!key) throw new KmsRefusal(this.unknownKeyCode(), 'no such key');
    if (!key.enabled && !this.faults.has('disabled-key-usable')) throw new KmsRefusal(this.statusCode(), 'the key is disabled');
    return key;
  }

  /** The version new ciphertexts and signatures are made with: the newest enabled one. */
  sealingVersion(key: Key): KeyVersion {
    const version = this.faults.has('encrypt-uses-oldest-version') ? oldestEnabled(key) : newestEnabled(key);
    if (!version) throw new KmsRefusal(this.statusCode(), 'the key has no enabled version');
    return version;
  }

  /** A convergent key needs context on every call (FACTS.md); others take it when given. */
  context(key: Key, context: Buffer | undefined): Buffer {
    if (key.convergent && !context && !this.faults.has('convergent-context-optional')) {
      throw new KmsRefusal('INVALID_REQUEST', 'a convergent key needs context');
    }
    return this.faults.has('context-ignored') ? Buffer.alloc(0) : (context ?? Buffer.alloc(0));
  }

  seal(key: Key, version: KeyVersion, plaintext: Buffer, context: Buffer): string {
    const sealed = version.material.kind === 'aes'
      ? aesSeal(version.material.secret, plaintext, context, this.nonceRule(key))
      : rsaSeal(version.material, plaintext, this.oaepHash());
    return this.faults.has('no-prefix') ? sealed.toString('base64') : prefixed(version.number, sealed);
  }

  /** The plaintext of a KMS ciphertext of `key`, and the version that opened it. */
  open(key: Key, text: string, context: Buffer): { plaintext: Buffer; version: KeyVersion } {
    const candidates = this.openingVersions(key, text, this.faults.has('no-prefix') || this.faults.has('prefix-ignored'));
    for (const { version, sealed } of candidates) {
      const plaintext = this.tryOpen(version, sealed, context);
      if (plaintext) return { plaintext, version };
    }
    if (this.faults.has('cross-key-decrypt')) {
      const found = this.openWithOtherKeys(key, candidates.map((c) => c.sealed), context);
      if (found) return found;
    }
    throw new KmsRefusal('INVALID_REQUEST', 'the ciphertext does not decrypt under this key');
  }

  sign(version: KeyVersion, data: Buffer): string {
    const signature = signData(version.material, data);
    return this.personality.has('signature-without-prefix') ? signature.toString('base64') : prefixed(version.number, signature);
  }

  verify(key: Key, data: Buffer, text: string): boolean {
    const bareAllowed = this.personality.has('signature-without-prefix') || this.faults.has('prefix-ignored');
    const verifies = ({ version, sealed }: { version: KeyVersion; sealed: Buffer }) =>
      this.faults.has('verify-always-true') || verifyData(version.material, data, sealed);
    const valid = this.openingVersions(key, text, bareAllowed).some(verifies);
    if (!valid && this.personality.has('wrong-signature-refused')) throw new KmsRefusal('INVALID_REQUEST', 'the signature does not verify');
    return valid;
  }

  private unknownKeyCode(): KmsErrorCode {
    if (this.faults.has('unknown-key-invalid-request')) return 'INVALID_REQUEST';
    return this.personality.has('unknown-key-forbidden') ? 'FORBIDDEN' : 'NOT_FOUND';
  }

  statusCode(): KmsErrorCode {
    return this.personality.has('disabled-unprocessable') ? 'UNPROCESSABLE_ENTITY' : 'INVALID_STATUS';
  }

  /** The versions that may open a ciphertext or signature, by its prefix: the one it names, if usable.
   *  A value without the prefix is tried under every enabled version where `bareAllowed`. */
  private openingVersions(key: Key, text: string, bareAllowed: boolean): { version: KeyVersion; sealed: Buffer }[] {
    const parsed = parsePrefixed(text);
    if (!parsed && !bareAllowed) throw new KmsRefusal('INVALID_REQUEST', 'no KMS prefix');
    const sealed = parsed ? parsed.sealed : Buffer.from(text, 'base64');
    if (!parsed || this.faults.has('prefix-ignored')) return this.enabledVersions(key).map((version) => ({ version, sealed }));
    const version = versionNumbered(key, parsed.version);
    if (!version) throw new KmsRefusal('INVALID_REQUEST', 'the prefix names no version of this key');
    if (!version.enabled && !this.faults.has('disabled-version-usable')) throw new KmsRefusal(this.statusCode(), 'the key version is disabled');
    if (this.faults.has('old-version-refused') && version !== newestEnabled(key)) throw new KmsRefusal(this.statusCode(), 'only the newest version is usable');
    return [{ version, sealed }];
  }

  private enabledVersions(key: Key): KeyVersion[] {
    return key.versions.filter((v) => v.enabled || this.faults.has('disabled-version-usable'));
  }

  private tryOpen(version: KeyVersion, sealed: Buffer, context: Buffer): Buffer | undefined {
    try {
      return version.material.kind === 'aes'
        ? aesOpen(version.material.secret, sealed, context, !this.faults.has('decrypt-ignores-tag'))
        : rsaOpen(version.material, sealed, this.oaepHash());
    } catch (e) {
      if (e instanceof CipherError) return undefined;
      throw e;
    }
  }

  private openWithOtherKeys(key: Key, sealedValues: Buffer[], context: Buffer): { plaintext: Buffer; version: KeyVersion } | undefined {
    for (const other of this.keys.values()) {
      if (other === key || other.type !== key.type) continue;
      for (const version of other.versions) {
        for (const sealed of sealedValues) {
          const plaintext = this.tryOpen(version, sealed, context);
          if (plaintext) return { plaintext, version };
        }
      }
    }
    return undefined;
  }

  private nonceRule(key: Key): NonceRule {
    if (key.convergent) return this.faults.has('convergent-random') ? 'random' : 'convergent';
    return this.faults.has('deterministic-encryption') ? 'fixed' : 'random';
  }

  oaepHash(): OaepHash {
    return this.faults.has('rsa-oaep-sha1') ? 'sha1' : 'sha256';
  }
}

/** A data key for createCustomKey; the custom-key-reused fault hands out the same one every time. */
export class DataKeys {
  private readonly reused = randomBytes(64);

  constructor(private readonly faults: Faults) {}

  make(bytes: number): Buffer {
    return this.faults.has('custom-key-reused') ? this.reused.subarray(0, bytes) : randomBytes(bytes);
  }
}
