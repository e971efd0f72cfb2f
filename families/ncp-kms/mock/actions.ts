// The six KMS actions: a request body in, the `data` of the success envelope out, or a KmsRefusal.
// Limits (FACTS.md): plaintext 32 KB in all, RSA2048 190 bytes per item, sign data 8 KB, context 50 bytes.
import { KmsRefusal } from './errors.ts';
import type { DeviationName, Faults } from './faults.ts';
import { decodeBase64, oneOrList, optionalBase64, requiredBase64, stringField, type Body, type Encoded } from './input.ts';
import { canEncrypt, canSign, type Key } from './keys.ts';
import type { Personality } from './personality.ts';
import { rsaCapacity } from './cipher.ts';
import type { DataKeys, Vault } from './vault.ts';

export const PLAINTEXT_LIMIT = 32 * 1024;
export const SIGN_LIMIT = 8 * 1024;
export const CONTEXT_LIMIT = 50;
const CUSTOM_KEY_BITS = [128, 256, 512];

/** A limit as a fault bends it: lifted, or lowered to `lowered`. */
type LimitFaults = { lifted: DeviationName; lowered: DeviationName; to: number };

const SIGN_FAULTS: LimitFaults = { lifted: 'sign-limit-ignored', lowered: 'sign-limit-4-kb', to: 4 * 1024 };
const CONTEXT_FAULTS: LimitFaults = { lifted: 'context-limit-ignored', lowered: 'context-limit-32', to: 32 };

export type Data = Record<string, unknown>;

export class Actions {
  constructor(
    private readonly vault: Vault,
    private readonly dataKeys: DataKeys,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {}

  encrypt(key: Key, body: Body): Data {
    if (!canEncrypt(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not encrypt`);
    const context = this.context(key, body);
    const { items, isList } = this.list(body, 'plaintext', decodeBase64);
    this.checkPlaintextLimit(key, items);
    const version = this.vault.sealingVersion(key);
    const ciphertexts = items.map((p) => this.vault.seal(key, version, p.bytes, context));
    return this.answer(isList, 'ciphertext', ciphertexts);
  }

  decrypt(key: Key, body: Body): Data {
    const context = this.context(key, body);
    const { items, isList } = this.list(body, 'ciphertext', stringField);
    const plaintexts = items.map((c) => this.encodePlaintext(this.vault.open(key, c, context).plaintext));
    return this.answer(isList, 'plaintext', plaintexts);
  }

  createCustomKey(key: Key, body: Body): Data {
    if (!canEncrypt(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not wrap data keys`);
    const requestPlainKey = body.requestPlainKey;
    if (requestPlainKey !== undefined && typeof requestPlainKey !== 'boolean') {
      throw new KmsRefusal('INVALID_REQUEST', 'requestPlainKey is not a boolean', 'wrong-type');
    }
    if (body.bits === undefined && this.faults.has('bits-required')) throw new KmsRefusal('INVALID_REQUEST', 'bits is missing');
    const bits = body.bits ?? 256;
    if (typeof bits !== 'number' || !this.bitsAllowed(bits)) throw new KmsRefusal('INVALID_REQUEST', 'bits is not 128, 256 or 512', 'wrong-type');
    const context = this.context(key, body);
    const dataKey = this.dataKeys.make(this.faults.has('custom-key-bits-ignored') ? 32 : bits / 8);
    const wrapped = this.faults.has('custom-key-mismatch') ? this.dataKeys.make(dataKey.length) : dataKey;
    const version = this.vault.sealingVersion(key);
    const data: Data = {
      ciphertext: this.vault.seal(key, version, wrapped, context),
      [this.faults.has('key-version-camel-case') ? 'keyVersion' : 'key_version']: version.number - (this.faults.has('key-version-off-by-one') ? 1 : 0),
    };
    if (requestPlainKey === true || this.faults.has('plain-key-always')) data.plaintext = dataKey.toString('base64');
    return data;
  }

  reencrypt(key: Key, body: Body): Data {
    const context = this.context(key, body);
    const { items, isList } = this.list(body, 'ciphertext', stringField);
    const newest = this.vault.sealingVersion(key);
    const renewed = items.map((c) => {
      const { plaintext, version } = this.vault.open(key, c, context);
      return this.vault.seal(key, this.faults.has('reencrypt-keeps-version') ? version : newest, plaintext, context);
    });
    return this.answer(isList, 'newCiphertext', renewed);
  }

  sign(key: Key, body: Body): Data {
    if (!canSign(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not sign`);
    const data = requiredBase64(body, 'data');
    if (this.over(data, SIGN_LIMIT, SIGN_FAULTS)) throw new KmsRefusal('INVALID_REQUEST', 'data is over 8 KB');
    const signed = this.faults.has('sign-drops-last-byte') ? data.bytes.subarray(0, -1) : data.bytes;
    return { signature: this.vault.sign(this.vault.sealingVersion(key), signed) };
  }

  verify(key: Key, body: Body): Data {
    if (!canSign(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not verify`);
    const data = requiredBase64(body, 'data');
    if (this.over(data, SIGN_LIMIT, SIGN_FAULTS)) throw new KmsRefusal('INVALID_REQUEST', 'data is over 8 KB');
    if (body.signature === undefined) throw new KmsRefusal('INVALID_REQUEST', 'signature is missing');
    const signature = stringField(body.signature, 'signature');
    const valid = this.vault.verify(key, data.bytes, signature);
    if (this.faults.has('valid-as-number')) return { valid: valid ? 1 : 0 };
    return { valid: this.personality.has('valid-as-string') ? String(valid) : valid };
  }

  /** What limits count: decoded bytes, or (alternate reading) the Base64 text. */
  private size(value: Encoded): number {
    return this.personality.has('limits-count-base64-text') ? value.text.length : value.bytes.length;
  }

  private plaintextLimit(): number {
    if (this.faults.has('limit-accepts-over')) return 2 * PLAINTEXT_LIMIT;
    return this.faults.has('limit-16-kb') ? 16 * 1024 : PLAINTEXT_LIMIT;
  }

  /** Whether a value is over its limit, as the limit's faults bend it. */
  private over(value: Encoded, limit: number, faults: LimitFaults): boolean {
    if (this.faults.has(faults.lifted)) return false;
    return this.size(value) > (this.faults.has(faults.lowered) ? faults.to : limit);
  }

  private bitsAllowed(bits: number): boolean {
    return this.faults.has('bits-any') ? Number.isInteger(bits) && bits > 0 && bits <= 1024 && bits % 8 === 0 : CUSTOM_KEY_BITS.includes(bits);
  }

  /** Standard Base64, or URL-safe under the plaintext-base64url fault. */
  private encodePlaintext(plaintext: Buffer): string {
    const bytes = this.faults.has('decrypt-drops-last-byte') ? plaintext.subarray(0, -1) : plaintext;
    return bytes.toString(this.faults.has('plaintext-base64url') ? 'base64url' : 'base64');
  }

  private context(key: Key, body: Body): Buffer {
    const context = optionalBase64(body, 'context');
    if (context && this.over(context, CONTEXT_LIMIT, CONTEXT_FAULTS)) throw new KmsRefusal('INVALID_REQUEST', 'context is over 50 bytes');
    return this.vault.context(key, context?.bytes);
  }

  private list<T>(body: Body, field: string, read: (value: unknown, name: string) => T): { items: T[]; isList: boolean } {
    const value = oneOrList(body, field, read);
    if (value.isList && this.faults.has('list-unsupported')) throw new KmsRefusal('INVALID_REQUEST', `${field} must be a single value`);
    return value;
  }

  private checkPlaintextLimit(key: Key, items: Encoded[]): void {
    const sizes = items.map((p) => this.size(p));
    const counted = this.faults.has('list-limit-per-item') ? Math.max(...sizes) : sizes.reduce((a, b) => a + b, 0);
    const over = this.faults.has('limit-off-by-one') ? counted >= this.plaintextLimit() : counted > this.plaintextLimit();
    if (over) throw new KmsRefusal('INVALID_REQUEST', 'plaintext is over 32 KB');
    const capacity = this.faults.has('rsa-limit-128') ? 128 : rsaCapacity(this.vault.oaepHash());
    if (key.type === 'RSA2048' && items.some((p) => p.bytes.length > capacity)) {
      throw new KmsRefusal('INVALID_REQUEST', `an RSA2048 key encrypts at most ${capacity} bytes`);
    }
  }

  private answer(isList: boolean, field: string, values: string[]): Data {
    if (!isList) return { [field]: values[0] };
    const ordered = this.faults.has('list-order-reversed') ? [...values].reverse() : values;
    return { [this.faults.has('list-answer-misnamed') ? field : `${field}List`]: ordered };
  }
}
