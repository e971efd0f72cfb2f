// Writes the target profile of this mock (spec/target.schema.json): its URL, its credentials, its
// controls and its revoked key. The reference pins its own signing choices and every ambiguity of the
// catalogue; the alternate pins nothing, so a run against it takes every lenient branch and detects the
// signing choices. The file holds secrets, so only its owner may read it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Conventions, Credentials } from '../auth/signer.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import type { PersonalityName } from './personality.ts';
import { EXAMPLE_ID } from './resource.ts';

export const PROFILE_FILE = 'profile.yaml';

export interface ProfileInput {
  baseUrl: string;
  credentials: Credentials;
  revoked: Credentials;
  personality: PersonalityName;
  conventions: Conventions;
}

export function buildProfile({ baseUrl, credentials, revoked, personality, conventions }: ProfileInput): Record<string, unknown> {
  const reference = personality === 'reference';
  const pinned = {
    signing: { joining: { ...conventions.joining }, contentMd5: conventions.contentMd5 },
    expectations: { strict: loadCatalogue().requirements.filter((r) => r.ambiguity).map((r) => r.id) },
  };
  return {
    profileVersion: 1,
    family: 'ksig1',
    name: reference ? 'embedded-ksig1-mock' : `embedded-ksig1-mock (${personality} personality)`,
    baseUrl,
    credentials: { ...credentials },
    controls: [
      { method: 'GET', path: `/applications/${EXAMPLE_ID}` },
      { method: 'POST', path: '/applications', body: '{"legalName":"Conformance Test LLC"}' },
    ],
    fixtures: { revokedKey: { ...revoked } },
    ...(reference ? pinned : {}),
  };
}

export function writeProfile(dir: string, input: ProfileInput): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, PROFILE_FILE);
  const unpinned = input.personality === 'reference' ? '' : '# Unpinned (no signing, no expectations): it plays other readings of the documents.\n';
  const header = `# Written by the KSig1 mock at start-up (families/ksig1/README.md). Rewritten on every start.\n${unpinned}`;
  writeFileSync(path, header + stringify(buildProfile(input)), { mode: 0o600 });
  return path;
}
