// The mock's domain: appkeys (tenants) with credentials and key stores, keys with versions and statuses.
import type { RsaMaterial } from '../crypto/asymmetric.ts';

/** Status of a registered IPv4 range, MAC address or certificate (the console's two states). */
export type EntryStatus = 'In Service' | 'Scheduled to be Deleted';
export const ENTRY_STATUSES: readonly EntryStatus[] = ['In Service', 'Scheduled to be Deleted'];

/**
 * `STOPPED` is the mock's own: readable but not In Service, the state behind Invalid Key Status, which
 * the documents name as a message but describe no state for.
 */
export type KeyStatus = 'In Service' | 'Scheduled to be Deleted' | 'STOPPED';
export const KEY_STATUSES: readonly KeyStatus[] = ['In Service', 'Scheduled to be Deleted', 'STOPPED'];

/** A `deleted` version keeps its number (so its ciphertexts fail with Invalid Key Version) but no material. */
export type VersionStatus = 'In Service' | 'Scheduled to be Deleted' | 'deleted';
export const VERSION_STATUSES: readonly VersionStatus[] = ['In Service', 'Scheduled to be Deleted', 'deleted'];

export type KeyType = 'secret' | 'symmetric' | 'asymmetric';
export const KEY_TYPES: readonly KeyType[] = ['secret', 'symmetric', 'asymmetric'];

/** Which target-profile fixture a seeded key stands for (targets/PROFILE-FORMAT.md). */
export type KeyFixture = 'main' | 'ipv4Denied' | 'ipv4NotInService' | 'mac' | 'certificate' | 'allMethods' | 'scheduledForDeletion' | 'rotated' | 'invalidKeyStatus';
export const KEY_FIXTURES: readonly KeyFixture[] = ['main', 'ipv4Denied', 'ipv4NotInService', 'mac', 'certificate', 'allMethods', 'scheduledForDeletion', 'rotated', 'invalidKeyStatus'];
export type MacFixture = 'registered' | 'notInService';
export type CertificateFixture = 'valid' | 'expired' | 'notInService';
export type TenantRole = 'primary' | 'otherTenant';

export interface Ipv4Entry {
  cidr: string;
  status: EntryStatus;
}

export interface MacEntry {
  address: string;
  status: EntryStatus;
  fixture?: MacFixture;
}

export interface CertificateRecord {
  name: string;
  status: EntryStatus;
  password: string;
  /** SHA-256 of the certificate DER, lowercase hex: how a presented certificate finds its record */
  fingerprint: string;
  notBefore: number;
  notAfter: number;
  p12: Buffer;
  fixture?: CertificateFixture;
}

/** Each authentication list that is present is an enabled method; all enabled methods must pass. */
export interface KeyStore {
  name: string;
  ipv4?: Ipv4Entry[];
  mac?: MacEntry[];
  certificates?: CertificateRecord[];
}

export interface Tenant {
  appkey: string;
  role?: TenantRole;
  credentials: { accessKeyId: string; secretAccessKey: string };
  keyStores: Map<string, KeyStore>;
}

export interface KeyVersion {
  status: VersionStatus;
  aes?: Buffer;
  rsa?: RsaMaterial;
}

export interface Key {
  id: string;
  appkey: string;
  keyStoreName: string;
  type: KeyType;
  name: string;
  description: string;
  autoRotationPeriod: number;
  status: KeyStatus;
  /** epoch ms; set while Scheduled to be Deleted */
  deletionAt?: number;
  secret?: string;
  /** index = key version; empty for secrets */
  versions: KeyVersion[];
  fixture?: KeyFixture;
}

export interface Pem {
  certPem: string;
  keyPem: string;
}

/** Ciphertexts and signatures made at materialisation for the profile's fixtures. */
export interface SampleMaterial {
  version: number;
  plaintext: string;
  ciphertext?: string;
  signature?: string;
  localKeyPlaintext?: string;
  localKeyCiphertext?: string;
}

export interface Samples {
  olderVersion?: SampleMaterial;
  scheduledVersion?: SampleMaterial;
  deletedVersion?: SampleMaterial;
  invalidKeyStatus?: SampleMaterial;
}

export interface Pki {
  ca: Pem;
  server: Pem;
}
