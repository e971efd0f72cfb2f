// Which RSA signature scheme a target's signature follows, found by trying each under the public
// key the target returned. FACTS.md only infers raw PKCS#1 v1.5 (no hash) behind a 4-byte version
// prefix, so the harness detects and reports rather than assumes.
import { constants, publicDecrypt, verify, type KeyObject } from 'node:crypto';

export interface SchemeMatch {
  scheme: string;
  /** the 4-byte big-endian key version before the RSA signature, when there was one */
  versionPrefix?: number;
}

type Check = (key: KeyObject, data: Buffer, sig: Buffer) => boolean;

const SCHEMES: [string, Check][] = [
  [
    'RSA PKCS#1 v1.5 over the raw data (no hash)',
    (key, data, sig) => {
      try {
        return publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, sig).equals(data);
      } catch {
        return false;
      }
    },
  ],
  ['RSA PKCS#1 v1.5 with SHA-256', (key, data, sig) => verify('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, sig)],
  ['RSA PKCS#1 v1.5 with SHA-1', (key, data, sig) => verify('sha1', data, { key, padding: constants.RSA_PKCS1_PADDING }, sig)],
  ['RSA-PSS with SHA-256', (key, data, sig) => verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, sig)],
];

export function detectSignatureScheme(publicKey: KeyObject, data: Buffer, signature: Buffer): SchemeMatch | undefined {
  const modulusBytes = (publicKey.asymmetricKeyDetails?.modulusLength ?? 2048) / 8;
  const candidates: [Buffer, number | undefined][] = [[signature, undefined]];
  if (signature.length === modulusBytes + 4) candidates.unshift([signature.subarray(4), signature.readUInt32BE(0)]);
  for (const [sig, versionPrefix] of candidates) {
    if (sig.length !== modulusBytes) continue;
    for (const [scheme, check] of SCHEMES) {
      try {
        if (check(publicKey, data, sig)) return { scheme, versionPrefix };
      } catch {
        // A scheme that cannot even run on these bytes simply does not match.
      }
    }
  }
  return undefined;
}
