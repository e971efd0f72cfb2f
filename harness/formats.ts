// Decoders for the documented value formats, each strict and each explaining a refusal, so a test
// can say exactly why a value is not what the documents describe. node:crypto is the oracle for
// DER, independent of the target.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export class FormatError extends Error {}

// Strict: the examples' exact form. Lenient (the default): what the documents guarantee, hex digits
// in either case and any whitespace after each comma, Base64 with or without padding; a profile pins
// the strict form per requirement (expectations.strict).
const HEX_LISTING = { strict: /^0x[0-9a-f]{2}(, 0x[0-9a-f]{2})*$/, lenient: /^0x[0-9a-fA-F]{2}(,\s*0x[0-9a-fA-F]{2})*$/ };

/** What a refused value looks like, without any of it: it may be key material. */
function shape(s: string): string {
  const odd = [...new Set(s.replace(/[0-9A-Za-z]/g, ''))].map((c) => JSON.stringify(c)).join(' ');
  return `${s.length} characters${odd ? `, punctuation ${odd}` : ''} (the value is not shown: it may be key material)`;
}

/** "0x30, 0x82, ..." → bytes. */
export function decodeHexListing(s: string, strict = false): Buffer {
  if (!HEX_LISTING[strict ? 'strict' : 'lenient'].test(s)) throw new FormatError(`not a "0xNN, 0xNN, ..." listing${strict ? ' (strict form pinned)' : ''}: ${shape(s)}`);
  return Buffer.from(s.split(',').map((b) => parseInt(b.trim().slice(2), 16)));
}

const BASE64 = { strict: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, lenient: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/ };

/** Standard Base64 → bytes (padded, when strict). */
export function decodeBase64(s: string, strict = false): Buffer {
  if (!BASE64[strict ? 'strict' : 'lenient'].test(s)) throw new FormatError(`not standard ${strict ? 'padded ' : ''}Base64: ${shape(s)}`);
  return Buffer.from(s, 'base64');
}

export function rsaModulusBits(key: KeyObject): number | undefined {
  return key.asymmetricKeyType === 'rsa' ? key.asymmetricKeyDetails?.modulusLength : undefined;
}

export function parsePkcs8(der: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw new FormatError(`not a DER PKCS#8 PrivateKeyInfo: ${(e as Error).message}`);
  }
}

export function parseSpki(der: Buffer): KeyObject {
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (e) {
    throw new FormatError(`not a DER SubjectPublicKeyInfo: ${(e as Error).message}`);
  }
}

/** Whether a decrypt of a local key's ciphertext returned that key. Strictly: its Base64 text, as
 *  localKeyPlaintext is. Leniently (SKM-SYM-LCL-004: decrypt's string form is not documented): also
 *  the raw key bytes read as Base64, Latin-1 or UTF-8 text. */
export function isLocalKeyText(decrypted: string, localKeyPlaintext: string, strict = false): boolean {
  if (decrypted === localKeyPlaintext) return true;
  if (strict) return false;
  const raw = Buffer.from(localKeyPlaintext, 'base64');
  return (['base64', 'latin1', 'utf8'] as const).some((encoding) => Buffer.from(decrypted, encoding).equals(raw));
}
