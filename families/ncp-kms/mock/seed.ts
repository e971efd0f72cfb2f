// The mock's starting state: one account, and keys in every shape the catalogue needs. Each role is a
// fixture of the profile the mock writes; the versions are chosen so that every version rule shows:
//   aes256     AES256, versions 1 (enabled), 2 (disabled), 3 (enabled, newest)
//   rsa2048    RSA2048, versions 1 (disabled), 2 (enabled, newest)
//   ecdsa      ECDSA P-256, versions 1 and 2 (both enabled)
//   convergent AES256 convergent, one version
//   aes256Second  AES256, one version (another key's ciphertexts must not open under the first)
//   disabledKey   AES256, the key disabled (its one version stays enabled)
// Version numbers start at 1 (the document's example shows ncpkms:v1), or at 0 in the alternate.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { GatewayCredentials } from '../auth/signer.ts';
import type { Key, KeyType, KeyVersion, Material } from './keys.ts';

export const KEY_ROLES = ['aes256', 'aes256Second', 'rsa2048', 'ecdsa', 'convergent', 'disabledKey'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

interface KeyPlan {
  type: KeyType;
  /** enabled flag per version, oldest first */
  versions: boolean[];
  convergent?: boolean;
  enabled?: boolean;
}

const PLAN: Readonly<Record<KeyRole, KeyPlan>> = {
  aes256: { type: 'AES256', versions: [true, false, true] },
  aes256Second: { type: 'AES256', versions: [true] },
  rsa2048: { type: 'RSA2048', versions: [false, true] },
  ecdsa: { type: 'ECDSA', versions: [true, true] },
  convergent: { type: 'AES256', versions: [true], convergent: true },
  disabledKey: { type: 'AES256', versions: [true], enabled: false },
};

export interface Seeded {
  keys: Map<string, Key>;
  roles: Record<KeyRole, Key>;
  accounts: Map<string, GatewayCredentials>;
}

export interface SeedOptions {
  firstVersion: number;
  credentials?: GatewayCredentials;
}

const generate = promisify(generateKeyPair);

async function material(type: KeyType): Promise<Material> {
  if (type === 'AES256') return { kind: 'aes', secret: randomBytes(32) };
  const pair = type === 'RSA2048'
    ? await generate('rsa', { modulusLength: 2048 })
    : await generate('ec', { namedCurve: 'prime256v1' });
  return { kind: type === 'RSA2048' ? 'rsa' : 'ec', ...pair };
}

async function makeKey(plan: KeyPlan, firstVersion: number): Promise<Key> {
  const versions: KeyVersion[] = await Promise.all(
    plan.versions.map(async (enabled, i) => ({ number: firstVersion + i, enabled, material: await material(plan.type) })),
  );
  return { tag: randomBytes(16).toString('hex'), type: plan.type, enabled: plan.enabled ?? true, convergent: plan.convergent ?? false, versions };
}

/** Access key, secret key and API key in the shapes NAVER Cloud issues (20, 40 and 40 characters). */
export function newCredentials(): GatewayCredentials {
  const text = (length: number) => randomBytes(length).toString('base64').replace(/[+/=]/g, '').slice(0, length).padEnd(length, 'A');
  return { accessKey: text(20).toUpperCase(), secretKey: text(40), apiKey: text(40) };
}

export async function seed(options: SeedOptions): Promise<Seeded> {
  const made = await Promise.all(KEY_ROLES.map(async (role) => [role, await makeKey(PLAN[role], options.firstVersion)] as const));
  const roles = Object.fromEntries(made) as Record<KeyRole, Key>;
  const credentials = options.credentials ?? newCredentials();
  return {
    keys: new Map(made.map(([, key]) => [key.tag, key])),
    roles,
    accounts: new Map([[credentials.accessKey, credentials]]),
  };
}
