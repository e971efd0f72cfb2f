// Writes the target profile of this mock (targets/PROFILE-FORMAT.md) with the files it names: ca.pem
// and every client certificate as certs/<name>.p12. Fixtures come from the seed's fixture tags. The
// reference pins its own behaviour in `expectations`; the alternate personality pins nothing, so a run
// against it takes every lenient branch the harness has.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { apiVersions } from '../generated/skm/operations.ts';
import type { TargetProfile } from '../generated/targets/types.ts';
import type { ErrorTransport } from './envelope.ts';
import type { ErrorMessage } from './errors.ts';
import type { PersonalityName } from './personality.ts';
import type { CertificateRecord, Key, KeyFixture, KeyStore, Tenant } from './store/model.ts';
import type { State } from './store/state.ts';

export interface ProfileInput {
  state: State;
  baseUrl: string;
  plainBaseUrl: string;
  errorTransport: ErrorTransport;
  resultCodes: Readonly<Record<ErrorMessage, number>>;
  personality: PersonalityName;
}

type Fixtures = NonNullable<TargetProfile['fixtures']>;
type KeyIds = { secret?: string; symmetric?: string; asymmetric?: string };

const PROFILE_FILE = 'profile.yaml';

export function writeProfile(dir: string, input: ProfileInput): string {
  const { state } = input;
  mkdirSync(join(dir, 'certs'), { recursive: true });
  writeFileSync(join(dir, 'ca.pem'), state.pki.ca.certPem);
  for (const tenant of state.tenants.values()) {
    for (const cert of allCertificates(tenant)) writeFileSync(join(dir, certificateFile(cert)), cert.p12);
  }
  const path = join(dir, PROFILE_FILE);
  const writer = input.personality === 'reference' ? 'the SKM reference mock' : `the SKM reference mock, ${input.personality} personality,`;
  const unpinned = input.personality === 'reference' ? '' : '# Unpinned (no expectations): it plays other readings of the documents.\n';
  const header = `# Written by ${writer} at start-up (mock/README.md). Do not edit: it is rewritten on every start.\n${unpinned}`;
  writeFileSync(path, header + stringify(buildProfile(input)));
  return path;
}

function certificateFile(cert: CertificateRecord): string {
  return `certs/${cert.name}.p12`;
}

function allCertificates(tenant: Tenant): CertificateRecord[] {
  return [...tenant.keyStores.values()].flatMap((s) => s.certificates ?? []);
}

function buildProfile({ state, baseUrl, plainBaseUrl, errorTransport, resultCodes, personality }: ProfileInput): TargetProfile {
  const tenants = [...state.tenants.values()];
  const primary = tenants.find((t) => t.role === 'primary')!;
  const other = tenants.find((t) => t.role === 'otherTenant');
  const keysOf = (tenant: Tenant, fixture: KeyFixture) =>
    [...state.keys.values()].filter((k) => k.appkey === tenant.appkey && k.fixture === fixture);
  const main = keysOf(primary, 'main');
  const mainSecret = main.find((k) => k.type === 'secret');
  const mainIds = ids(main);

  const profile: TargetProfile = {
    profileVersion: 1,
    name: personality === 'reference' ? 'embedded-mock' : `embedded-mock (${personality} personality)`,
    family: 'skm',
    baseUrl,
    plainBaseUrl,
    apiVersions: [...apiVersions],
    appkey: primary.appkey,
    credentials: primary.credentials,
    tls: { ca: 'ca.pem' },
    keys: {
      ...(mainSecret ? { secret: { id: mainSecret.id, value: mainSecret.secret! } } : {}),
      ...(mainIds.symmetric ? { symmetric: { id: mainIds.symmetric } } : {}),
      ...(mainIds.asymmetric ? { asymmetric: { id: mainIds.asymmetric } } : {}),
    },
    fixtures: fixtures(state, primary, other, keysOf),
    provisioning: { allowed: true, ...(mainSecret ? { keyStoreName: mainSecret.keyStoreName } : {}) },
  };
  // The reference makes a new key usable at once, and its profile says so; the alternate leaves the
  // wait to the harness's default (its keys take a moment, SKM-MGT-CRT-006).
  if (personality === 'reference') profile.provisioning!.readyWithinSeconds = 0;
  if (personality === 'reference') {
    profile.expectations = {
      errorTransport,
      resultCodes: { ...resultCodes },
      messages: {},
      plaintextLimitUnit: 'bytes',
      certificateField: 'clientSentCertificate',
    };
  }
  return profile;
}

function ids(keys: Key[]): KeyIds {
  const out: KeyIds = {};
  for (const k of keys) out[k.type] ??= k.id;
  return out;
}

function fixtures(state: State, primary: Tenant, other: Tenant | undefined, keysOf: (t: Tenant, f: KeyFixture) => Key[]): Fixtures {
  const out: Fixtures = {};
  const storeOf = (keys: Key[]): KeyStore | undefined => keys.length > 0 ? primary.keyStores.get(keys[0].keyStoreName) : undefined;

  const ipv4Denied = keysOf(primary, 'ipv4Denied');
  if (ipv4Denied.length > 0) out.ipv4Denied = { keys: ids(ipv4Denied) };
  const ipv4NotInService = keysOf(primary, 'ipv4NotInService');
  if (ipv4NotInService.length > 0) out.ipv4NotInService = { keys: ids(ipv4NotInService) };
  // The main keys' store admits the loopback runner through a CIDR range, when its seed says so.
  const main = keysOf(primary, 'main');
  const range = storeOf(main)?.ipv4?.find((e) => e.status === 'In Service' && !e.cidr.endsWith('/32'));
  if (range) out.ipv4Allowed = { keys: ids(main), cidr: range.cidr };

  const macKeys = keysOf(primary, 'mac');
  const macs = storeOf(macKeys)?.mac ?? [];
  const registered = macs.find((m) => m.fixture === 'registered');
  if (registered) {
    const notInService = macs.find((m) => m.fixture === 'notInService');
    out.mac = { keys: ids(macKeys), registered: registered.address, unregistered: unregisteredMac(state), ...(notInService ? { notInService: notInService.address } : {}) };
  }

  const certKeys = keysOf(primary, 'certificate');
  const certs = storeOf(certKeys)?.certificates ?? [];
  const cert = (fixture: CertificateRecord['fixture']) => {
    const c = certs.find((r) => r.fixture === fixture);
    return c ? { pkcs12: certificateFile(c), passphrase: c.password } : undefined;
  };
  const valid = cert('valid');
  if (valid) {
    const expired = cert('expired');
    const notInService = cert('notInService');
    out.certificate = { keys: ids(certKeys), valid, ...(expired ? { expired } : {}), ...(notInService ? { notInService } : {}) };
  }

  const allKeys = keysOf(primary, 'allMethods');
  const allStore = storeOf(allKeys);
  const allMac = allStore?.mac?.find((m) => m.status === 'In Service');
  const allCert = allStore?.certificates?.find((c) => c.status === 'In Service');
  if (allMac && allCert) out.allMethods = { keys: ids(allKeys), mac: allMac.address, certificate: { pkcs12: certificateFile(allCert), passphrase: allCert.password } };

  const scheduled = keysOf(primary, 'scheduledForDeletion');
  if (scheduled.length > 0) out.scheduledForDeletion = { keys: ids(scheduled) };

  const rotated = keysOf(primary, 'rotated');
  if (rotated.length > 0) {
    const versions = rotated[0].versions;
    out.rotated = {
      ...ids(rotated),
      latestVersion: versions.length - 1,
      inService: versions.flatMap((v, i) => (v.status === 'In Service' ? [i] : [])),
      ...(state.samples.olderVersion ? { olderVersion: state.samples.olderVersion } : {}),
      ...(state.samples.scheduledVersion ? { scheduledVersion: state.samples.scheduledVersion } : {}),
      ...(state.samples.deletedVersion ? { deletedVersion: state.samples.deletedVersion } : {}),
    };
  }

  const stopped = keysOf(primary, 'invalidKeyStatus');
  const sample = state.samples.invalidKeyStatus;
  if (stopped.length > 0 && sample) {
    out.invalidKeyStatus = { ...ids(stopped), plaintext: sample.plaintext, ...pick(sample, 'ciphertext'), ...pick(sample, 'signature') };
  }

  if (other) out.otherTenant = { appkey: other.appkey, credentials: other.credentials, keys: ids(keysOf(other, 'main')) };
  return out;
}

function pick<T extends object, K extends keyof T>(o: T, k: K): Partial<Pick<T, K>> {
  return o[k] === undefined ? {} : ({ [k]: o[k] } as Partial<Pick<T, K>>);
}

/** A locally administered MAC that no key store registers. */
function unregisteredMac(state: State): string {
  const registered = new Set([...state.tenants.values()].flatMap((t) => [...t.keyStores.values()].flatMap((s) => (s.mac ?? []).map((m) => m.address))));
  for (let i = 0; ; i++) {
    const mac = `02:00:00:00:00:${i.toString(16).padStart(2, '0')}`;
    if (!registered.has(mac)) return mac;
  }
}
