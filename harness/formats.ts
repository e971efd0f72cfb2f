// Decoders for the documented value formats, each strict and each explaining a refusal, so a test
// can say exactly why a value is not what the documents describe. node:crypto is the oracle for
// DER, independent of the target.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

export class FormatError extends Error {}

const HEX_LISTING = /^0x[0-9a-fA-F]{2}(, 0x[0-9a-fA-F]{2})*$/;

/** "0x30, 0x82, ..." → bytes. */
export function decodeHexListing(s: string): Buffer {
  if (!HEX_LISTING.test(s)) throw new FormatError(`not a "0xNN, 0xNN, ..." listing: ${JSON.stringify(s.slice(0, 40))}`);
  return Buffer.from(s.split(', ').map((b) => parseInt(b.slice(2), 16)));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard padded Base64 → bytes. */
export function decodeBase64(s: string): Buffer {
  if (!BASE64.test(s)) throw new FormatError(`not standard padded Base64: ${JSON.stringify(s.slice(0, 40))}`);
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
