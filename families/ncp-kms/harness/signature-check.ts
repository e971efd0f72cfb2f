// A check of KMS signatures that does not trust verify: with the public key the profile names, node:crypto
// tries the schemes a KMS may use (RSA PKCS#1 v1.5 or PSS, ECDSA in DER or IEEE P1363, over SHA-256) on
// the signature without its prefix. The format is unpublished, so finding none is recorded; once one
// scheme verified a signature of the key, every other signature of that key must verify under it.
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { PREFIX } from './answers.ts';

interface Scheme {
  name: string;
  check: (key: KeyObject, data: Buffer, signature: Buffer) => boolean;
}

const sha256 = (options: Record<string, unknown>) => (key: KeyObject, data: Buffer, signature: Buffer) => {
  try {
    return verify('sha256', data, { key, ...options }, signature);
  } catch {
    return false;
  }
};

const SCHEMES: Scheme[] = [
  { name: 'RSA PKCS#1 v1.5, SHA-256', check: sha256({ padding: constants.RSA_PKCS1_PADDING }) },
  { name: 'RSA PSS, SHA-256', check: sha256({ padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }) },
  { name: 'ECDSA DER, SHA-256', check: sha256({ dsaEncoding: 'der' }) },
  { name: 'ECDSA IEEE P1363, SHA-256', check: sha256({ dsaEncoding: 'ieee-p1363' }) },
];

export type IndependentVerdict = { scheme: string; verified: boolean } | { scheme: undefined };

export class IndependentVerifier {
  private readonly key: KeyObject;
  /** the scheme the first signature verified under */
  private scheme: Scheme | undefined;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }

  /** The scheme found, once a signature verified under one. */
  get schemeName(): string | undefined {
    return this.scheme?.name;
  }

  /** Whether `signature` (with its prefix or not) verifies `data` under the key's scheme; no scheme
   *  while none has verified a signature yet. */
  check(data: Buffer, signature: string): IndependentVerdict {
    const bytes = Buffer.from(signature.replace(PREFIX, ''), 'base64');
    if (this.scheme) return { scheme: this.scheme.name, verified: this.scheme.check(this.key, data, bytes) };
    this.scheme = SCHEMES.find((s) => s.check(this.key, data, bytes));
    return this.scheme ? { scheme: this.scheme.name, verified: true } : { scheme: undefined };
  }
}
