// Reading a KMS request body: a JSON object whose fields are standard Base64 (single values, or lists
// where the documents allow them) and KMS ciphertexts with their prefix. Anything else is INVALID_REQUEST.
import { KmsRefusal } from './errors.ts';

export type Body = Record<string, unknown>;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const PREFIXED = /^ncpkms:v(0|[1-9][0-9]{0,8}):(.*)$/s;

/** A Base64 value as sent, with its decoded bytes: limits count one or the other (personality). */
export interface Encoded {
  text: string;
  bytes: Buffer;
}

export function parseBody(raw: Buffer | undefined): Body {
  let value: unknown;
  try {
    value = JSON.parse((raw ?? Buffer.alloc(0)).toString('utf8'));
  } catch {
    throw new KmsRefusal('INVALID_REQUEST', 'the body is not JSON', 'not-json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KmsRefusal('INVALID_REQUEST', 'the body is not a JSON object', 'not-json');
  return value as Body;
}

export function decodeBase64(text: unknown, field: string): Encoded {
  if (typeof text !== 'string') throw new KmsRefusal('INVALID_REQUEST', `${field} is not a string`, 'wrong-type');
  if (!BASE64.test(text)) throw new KmsRefusal('INVALID_REQUEST', `${field} is not Base64`, 'not-base64');
  return { text, bytes: Buffer.from(text, 'base64') };
}

export function optionalBase64(body: Body, field: string): Encoded | undefined {
  return body[field] === undefined ? undefined : decodeBase64(body[field], field);
}

export function requiredBase64(body: Body, field: string): Encoded {
  if (body[field] === undefined) throw new KmsRefusal('INVALID_REQUEST', `${field} is missing`);
  return decodeBase64(body[field], field);
}

/** A field that takes one value or a non-empty list of them; `isList` says which way it came. */
export function oneOrList<T>(body: Body, field: string, read: (value: unknown, name: string) => T): { items: T[]; isList: boolean } {
  const value = body[field];
  if (value === undefined) throw new KmsRefusal('INVALID_REQUEST', `${field} is missing`);
  if (!Array.isArray(value)) return { items: [read(value, field)], isList: false };
  if (value.length === 0) throw new KmsRefusal('INVALID_REQUEST', `${field} is an empty list`, 'wrong-type');
  return { items: value.map((v, i) => read(v, `${field}[${i}]`)), isList: true };
}

export interface Prefixed {
  version: number;
  sealed: Buffer;
}

/** "ncpkms:v{N}:" and Base64; undefined when the prefix is missing or malformed. */
export function parsePrefixed(text: string): Prefixed | undefined {
  const match = PREFIXED.exec(text);
  if (!match || !BASE64.test(match[2])) return undefined;
  return { version: Number(match[1]), sealed: Buffer.from(match[2], 'base64') };
}

export function prefixed(version: number, sealed: Buffer): string {
  return `ncpkms:v${version}:${sealed.toString('base64')}`;
}

export function stringField(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new KmsRefusal('INVALID_REQUEST', `${field} is not a non-empty string`, 'wrong-type');
  return value;
}
