// The six KMS actions: a request body in, the `data` of the success envelope out, or a KmsRefusal.
// Limits (FACTS.md): plaintext 32 KB in all, RSA2048 190 bytes per item, sign data 8 KB, context 50 bytes.
import { KmsRefusal } from './errors.ts';
import type { Faults } from './faults.ts';
import { decodeBase64, oneOrList, optionalBase64, requiredBase64, stringField, type Body, type Encoded } from './input.ts';
import { canEncrypt, canSign, type Key } from './keys.ts';
import type { Personality } from './personality.ts';
import { rsaCapacity } from './cipher.ts';
import type { DataKeys, Vault } from './vault.ts';

export const PLAINTEXT_LIMIT = 32 * 1024;
export const SIGN_LIMIT = 8 * 1024;
export const CONTEXT_LIMIT = 50;
const CUSTOM_KEY_BITS = [128, 256, 512];

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
    const plaintexts = items.map((c) => this.vault.open(key, c, context).plaintext.toString('base64'));
    return this.answer(isList, 'plaintext', plaintexts);
  }

  createCustomKey(key: Key, body: Body): Data {
    if (!canEncrypt(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not wrap data keys`);
    const requestPlainKey = body.requestPlainKey;
    if (requestPlainKey !== undefined && typeof requestPlainKey !== 'boolean') throw new KmsRefusal('INVALID_REQUEST', 'requestPlainKey is not a boolean', 'wrong-type');
    const bits = body.bits ?? 256;
    if (typeof bits !== 'number' || !CUSTOM_KEY_BITS.includes(bits)) throw new KmsRefusal('INVALID_REQUEST', 'bits is not 128, 256 or 512', 'wrong-type');
    const context = this.context(key, body);
    const dataKey = this.dataKeys.make(this.faults.has('custom-key-bits-ignored') ? 32 : bits / 8);
    const wrapped = this.faults.has('custom-key-mismatch') ? this.dataKeys.make(dataKey.length) : dataKey;
    const version = this.vault.sealingVersion(key);
    const data: Data = {
      ciphertext: this.vault.seal(key, version, wrapped, context),
      [this.faults.has('key-version-camel-case') ? 'keyVersion' : 'key_version']: version.number,
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
    if (this.size(data) > SIGN_LIMIT && !this.faults.has('sign-limit-ignored')) throw new KmsRefusal('INVALID_REQUEST', 'data is over 8 KB');
    return { signature: this.vault.sign(this.vault.sealingVersion(key), data.bytes) };
  }

  verify(key: Key, body: Body): Data {
    if (!canSign(key)) throw new KmsRefusal('INVALID_REQUEST', `a ${key.type} key does not verify`);
    const data = requiredBase64(body, 'data');
    if (this.size(data) > SIGN_LIMIT && !this.faults.has('sign-limit-ignored')) throw new KmsRefusal('INVALID_REQUEST', 'data is over 8 KB');
    if (body.signature === undefined) throw new KmsRefusal('INVALID_REQUEST', 'signature is missing');
    const signature = stringField(body.signature, 'signature');
    const valid = this.vault.verify(key, data.bytes, signature);
    return { valid: this.personality.has('valid-as-string') ? String(valid) : valid };
  }

  /** What limits count: decoded bytes, or (alternate reading) the Base64 text. */
  private size(value: Encoded): number {
    return this.personality.has('limits-count-base64-text') ? value.text.length : value.bytes.length;
  }

  private context(key: Key, body: Body): Buffer {
    const context = optionalBase64(body, 'context');
    if (context && this.size(context) > CONTEXT_LIMIT && !this.faults.has('context-limit-ignored')) throw new KmsRefusal('INVALID_REQUEST', 'context is over 50 bytes');
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
    const limit = this.faults.has('limit-accepts-over') ? 2 * PLAINTEXT_LIMIT : PLAINTEXT_LIMIT;
    const over = this.faults.has('limit-off-by-one') ? counted >= limit : counted > limit;
    if (over) throw new KmsRefusal('INVALID_REQUEST', 'plaintext is over 32 KB');
    const capacity = rsaCapacity(this.vault.oaepHash());
    if (key.type === 'RSA2048' && items.some((p) => p.bytes.length > capacity)) throw new KmsRefusal('INVALID_REQUEST', `an RSA2048 key encrypts at most ${capacity} bytes`);
  }

  private answer(isList: boolean, field: string, values: string[]): Data {
    if (!isList) return { [field]: values[0] };
    const ordered = this.faults.has('list-order-reversed') ? [...values].reverse() : values;
    return { [this.faults.has('list-answer-misnamed') ? field : `${field}List`]: ordered };
  }
}
