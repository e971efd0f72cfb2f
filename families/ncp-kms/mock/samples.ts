// Values only the service itself can make, for the profile's fixtures: ciphertexts and signatures of an
// older enabled version, of a disabled version, and of a key made before it was disabled. Made at each
// start with the vault's own sealing, so they are in the running personality's format.
import { randomBytes } from 'node:crypto';
import type { Key, KeyType, KeyVersion } from './keys.ts';
import type { KeyRole } from './seed.ts';
import type { Vault } from './vault.ts';

export interface VersionSample {
  version: number;
  enabled: boolean;
  /** Base64, with ciphertext (AES256 keys) */
  plaintext?: string;
  ciphertext?: string;
  /** Base64, with signature (RSA2048 and ECDSA keys) */
  data?: string;
  signature?: string;
}

export interface RotatedFixture {
  keyTag: string;
  keyType: KeyType;
  newestVersion: number;
  samples: VersionSample[];
}

export interface DisabledKeyFixture {
  keyTag: string;
  keyType: KeyType;
  plaintext: string;
  ciphertext: string;
}

export interface Samples {
  rotated: RotatedFixture[];
  disabledKey: DisabledKeyFixture;
}

function sample(vault: Vault, key: Key, version: KeyVersion): VersionSample {
  const bytes = randomBytes(24);
  if (version.material.kind === 'aes') {
    return { version: version.number, enabled: version.enabled, plaintext: bytes.toString('base64'), ciphertext: vault.seal(key, version, bytes, Buffer.alloc(0)) };
  }
  return { version: version.number, enabled: version.enabled, data: bytes.toString('base64'), signature: vault.sign(version, bytes) };
}

/** Every version but the newest of a key, each with a sample. */
function rotated(vault: Vault, key: Key): RotatedFixture {
  const newest = key.versions.at(-1)!;
  return { keyTag: key.tag, keyType: key.type, newestVersion: newest.number, samples: key.versions.slice(0, -1).map((v) => sample(vault, key, v)) };
}

export function makeSamples(vault: Vault, roles: Record<KeyRole, Key>): Samples {
  const disabled = roles.disabledKey;
  const made = sample(vault, disabled, disabled.versions[0]);
  return {
    rotated: [rotated(vault, roles.aes256), rotated(vault, roles.rsa2048), rotated(vault, roles.ecdsa)],
    disabledKey: { keyTag: disabled.tag, keyType: disabled.type, plaintext: made.plaintext!, ciphertext: made.ciphertext! },
  };
}
