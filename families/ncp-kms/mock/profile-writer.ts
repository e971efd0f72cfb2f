// Writes the target profile of this mock (spec/target.schema.json): its URL, its account, its keys and the
// fixtures only it can make. The reference pins its own reading of every ambiguity of the catalogue; the
// alternate pins nothing, so a run against it takes every lenient branch. The file holds the account's
// secret key, so only its owner may read it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { GatewayCredentials } from '../auth/signer.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { KMS_ERROR_STATUS } from './errors.ts';
import type { PersonalityName } from './personality.ts';
import type { Samples } from './samples.ts';
import type { KeyRole } from './seed.ts';
import { newestEnabled, type Key } from './keys.ts';

export const PROFILE_FILE = 'profile.yaml';

export interface ProfileInput {
  baseUrl: string;
  credentials: GatewayCredentials;
  roles: Record<KeyRole, Key>;
  samples: Samples;
  personality: PersonalityName;
}

export function buildProfile({ baseUrl, credentials, roles, samples, personality }: ProfileInput): Record<string, unknown> {
  const keyRef = (role: KeyRole) => ({ keyTag: roles[role].tag, ...publicKeyOf(roles[role]) });
  const reference = personality === 'reference';
  return {
    profileVersion: 1,
    family: 'ncp-kms',
    name: reference ? 'embedded-ncp-kms-mock' : `embedded-ncp-kms-mock (${personality} personality)`,
    baseUrl,
    signatureVersions: ['v2', 'v1'],
    credentials: { ...credentials },
    gateway: { clockMarginMs: 30_000, ...(reference ? { v1StringToSign: 'with-api-key' } : {}) },
    keys: { aes256: keyRef('aes256'), aes256Second: keyRef('aes256Second'), rsa2048: keyRef('rsa2048'), ecdsa: keyRef('ecdsa'), convergent: keyRef('convergent') },
    fixtures: samples,
    ...(reference ? { expectations: referenceExpectations() } : {}),
  };
}

/** The PEM public key of a key pair's newest enabled version, which signs: the suites check its signatures with it. */
function publicKeyOf(key: Key): { publicKey?: string } {
  const material = newestEnabled(key)?.material;
  return material && material.kind !== 'aes' ? { publicKey: material.publicKey.export({ type: 'spki', format: 'pem' }).toString() } : {};
}

let ambiguous: string[] | undefined;

/** Read once per process: the catalogue does not change while mocks start and stop. */
function referenceExpectations(): Record<string, unknown> {
  ambiguous ??= loadCatalogue().requirements.filter((r) => r.ambiguity).map((r) => r.id);
  return { strict: [...ambiguous], kmsErrorStatus: { ...KMS_ERROR_STATUS }, limitReading: 'decoded-1024', reencryptSpelling: 'both' };
}

export function writeProfile(dir: string, input: ProfileInput): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, PROFILE_FILE);
  const unpinned = input.personality === 'reference' ? '' : '# Unpinned (no expectations): it plays other readings of the documents.\n';
  const header = `# Written by the NAVER Cloud KMS mock at start-up (families/ncp-kms/README.md). Rewritten on every start.\n${unpinned}`;
  writeFileSync(path, header + stringify(buildProfile(input)), { mode: 0o600 });
  return path;
}
