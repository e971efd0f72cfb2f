// The JSON form of the state, shared by the write-ahead log, snapshots and the seed material cache.
// Key material is Base64: raw AES key bytes, or the RSA private key as PKCS#8 DER.
import { rsaFromPkcs8 } from '../crypto/asymmetric.ts';
import type { PersonalityName } from '../personality.ts';
import type { CertificateRecord, Key, KeyStore, KeyVersion, Pki, Samples, Tenant } from './model.ts';

export interface SerialVersion {
  status: KeyVersion['status'];
  material?: string;
}

export type SerialKey = Omit<Key, 'versions'> & { versions: SerialVersion[] };
export type SerialCertificate = Omit<CertificateRecord, 'p12'> & { p12: string };
export type SerialKeyStore = Omit<KeyStore, 'certificates'> & { certificates?: SerialCertificate[] };
export type SerialTenant = Omit<Tenant, 'keyStores'> & { keyStores: SerialKeyStore[] };

export interface SerialState {
  tenants: SerialTenant[];
  keys: SerialKey[];
  pki: Pki;
  samples: Samples;
  /** absent: reference (every data directory made before personalities existed) */
  personality?: PersonalityName;
}

export function serialiseKey(key: Key): SerialKey {
  return {
    ...key,
    versions: key.versions.map((v) => {
      const material = v.aes ?? v.rsa?.pkcs8;
      return material ? { status: v.status, material: material.toString('base64') } : { status: v.status };
    }),
  };
}

export function deserialiseKey(key: SerialKey): Key {
  return {
    ...key,
    versions: key.versions.map((v): KeyVersion => {
      if (v.material === undefined) return { status: v.status };
      const der = Buffer.from(v.material, 'base64');
      return key.type === 'asymmetric' ? { status: v.status, rsa: rsaFromPkcs8(der) } : { status: v.status, aes: der };
    }),
  };
}

export function serialiseTenant(tenant: Tenant): SerialTenant {
  return {
    ...tenant,
    keyStores: [...tenant.keyStores.values()].map(({ certificates, ...rest }): SerialKeyStore => ({
      ...rest,
      ...(certificates ? { certificates: certificates.map((c) => ({ ...c, p12: c.p12.toString('base64') })) } : {}),
    })),
  };
}

export function deserialiseTenant(tenant: SerialTenant): Tenant {
  return {
    ...tenant,
    keyStores: new Map(
      tenant.keyStores.map(({ certificates, ...rest }): [string, KeyStore] => [
        rest.name,
        { ...rest, ...(certificates ? { certificates: certificates.map((c) => ({ ...c, p12: Buffer.from(c.p12, 'base64') })) } : {}) },
      ]),
    ),
  };
}
