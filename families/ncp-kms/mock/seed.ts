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
  /** where the key pairs come from; default fresh ones */
  keyPairs?: KeyPairs;
}

const generate = promisify(generateKeyPair);

type PairMaterial = Extract<Material, { kind: 'rsa' | 'ec' }>;

/**
 * Key pairs by slot. RSA-2048 generation costs most of a start (about a second on two cores), so tests
 * that start many mocks share one instance; each mock still gets fresh tags, AES keys and credentials.
 */
export class KeyPairs {
  private readonly made = new Map<string, Promise<PairMaterial>>();

  get(type: 'RSA2048' | 'ECDSA', slot: string): Promise<PairMaterial> {
    const id = `${type}/${slot}`;
    if (!this.made.has(id)) this.made.set(id, generatePair(type));
    return this.made.get(id)!;
  }
}

async function generatePair(type: 'RSA2048' | 'ECDSA'): Promise<PairMaterial> {
  const pair = type === 'RSA2048' ? await generate('rsa', { modulusLength: 2048 }) : await generate('ec', { namedCurve: 'prime256v1' });
  return { kind: type === 'RSA2048' ? 'rsa' : 'ec', ...pair };
}

async function material(type: KeyType, slot: string, keyPairs: KeyPairs): Promise<Material> {
  return type === 'AES256' ? { kind: 'aes', secret: randomBytes(32) } : keyPairs.get(type, slot);
}

async function makeKey(role: KeyRole, firstVersion: number, keyPairs: KeyPairs): Promise<Key> {
  const plan = PLAN[role];
  const versions: KeyVersion[] = await Promise.all(
    plan.versions.map(async (enabled, i) => ({ number: firstVersion + i, enabled, material: await material(plan.type, `${role}/${i}`, keyPairs) })),
  );
  return { tag: randomBytes(16).toString('hex'), type: plan.type, enabled: plan.enabled ?? true, convergent: plan.convergent ?? false, versions };
}

/** Access key, secret key and API key in the shapes NAVER Cloud issues (20, 40 and 40 characters). */
export function newCredentials(): GatewayCredentials {
  const text = (length: number) => randomBytes(length).toString('base64').replace(/[+/=]/g, '').slice(0, length).padEnd(length, 'A');
  return { accessKey: text(20).toUpperCase(), secretKey: text(40), apiKey: text(40) };
}

export async function seed(options: SeedOptions): Promise<Seeded> {
  const keyPairs = options.keyPairs ?? new KeyPairs();
  const made = await Promise.all(KEY_ROLES.map(async (role) => [role, await makeKey(role, options.firstVersion, keyPairs)] as const));
  const roles = Object.fromEntries(made) as Record<KeyRole, Key>;
  const credentials = options.credentials ?? newCredentials();
  return {
    keys: new Map(made.map(([, key]) => [key.tag, key])),
    roles,
    accounts: new Map([[credentials.accessKey, credentials]]),
  };
}
