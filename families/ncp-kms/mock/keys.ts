// The KMS's keys: a key type, a state (a disabled key has every version unusable), whether it is
// convergent, and its versions, each enabled or disabled on its own (FACTS.md, NAVER section).
import type { KeyObject } from 'node:crypto';

export type KeyType = 'AES256' | 'RSA2048' | 'ECDSA';

export type Material =
  | { kind: 'aes'; secret: Buffer }
  | { kind: 'rsa' | 'ec'; privateKey: KeyObject; publicKey: KeyObject };

export interface KeyVersion {
  number: number;
  enabled: boolean;
  material: Material;
}

export interface Key {
  tag: string;
  type: KeyType;
  enabled: boolean;
  convergent: boolean;
  /** oldest first */
  versions: KeyVersion[];
}

export function newestEnabled(key: Key): KeyVersion | undefined {
  return key.versions.findLast((v) => v.enabled);
}

export function oldestEnabled(key: Key): KeyVersion | undefined {
  return key.versions.find((v) => v.enabled);
}

export function versionNumbered(key: Key, number: number): KeyVersion | undefined {
  return key.versions.find((v) => v.number === number);
}

export function canEncrypt(key: Key): boolean {
  return key.type !== 'ECDSA';
}

export function canSign(key: Key): boolean {
  return key.type !== 'AES256';
}
