// The target profile of a NAVER Cloud KMS run (spec/target.schema.json): YAML, ${ENV} substitution, the
// family's schema. The run names it in NCP_KMS_TARGET, or the global setup starts the embedded mock and
// points it at the profile the mock wrote.
import type { CalibrationBlock } from '../../../harness/family-plugin.ts';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { ConfigError } from '../../../harness/config-error.ts';
import { loadFamilyTarget, type FamilyTarget } from '../../../harness/profile/family-target.ts';
import type { SignatureVersion, V1StringToSign } from '../auth/signer.ts';
import type { RotatedFixture } from '../mock/samples.ts';

export const NCP_TARGET_ENV = 'NCP_KMS_TARGET';

export type KeyType = 'AES256' | 'RSA2048' | 'ECDSA';
export type KeyRole = 'aes256' | 'aes256Second' | 'rsa2048' | 'ecdsa' | 'convergent';

export interface KeyRef {
  keyTag: string;
  /** the public key as PEM (RSA2048 and ECDSA), for a check of signatures independent of verify */
  publicKey?: string;
}

// The fixtures' shapes are the ones the mock writes (spec/target.schema.json holds both to the same shape).
export type { RotatedFixture, VersionSample } from '../mock/samples.ts';

export type LimitReading = 'decoded-1024' | 'decoded-1000' | 'base64-1024' | 'base64-1000';

export interface NcpTargetProfile {
  name: string;
  baseUrl: string;
  signatureVersions: SignatureVersion[];
  credentials: { accessKey: string; secretKey: string; apiKey?: string };
  gateway?: { clockMarginMs?: number; v1StringToSign?: V1StringToSign };
  keys: Partial<Record<KeyRole, KeyRef>> & { aes256: KeyRef };
  fixtures?: {
    rotated?: RotatedFixture[];
    disabledKey?: { keyTag: string; keyType: KeyType; plaintext: string; ciphertext: string };
  };
  calibration?: CalibrationBlock;
  expectations?: {
    strict?: string[];
    kmsErrorStatus?: Record<string, number>;
    limitReading?: LimitReading;
    reencryptSpelling?: 'reencrypt' | 're-encrypt' | 'both';
  };
}

export type NcpTarget = FamilyTarget<NcpTargetProfile>;

const SCHEMA = JSON.parse(readFileSync(new URL('../spec/target.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020.default({ allErrors: true }).compile(SCHEMA);

export function loadNcpTarget(path: string): NcpTarget {
  return loadFamilyTarget<NcpTargetProfile>(path, validate, 'a NAVER Cloud KMS target profile');
}

export function ncpTargetPath(): string {
  const path = process.env[NCP_TARGET_ENV];
  if (!path) throw new ConfigError(`${NCP_TARGET_ENV} is not set: point it at a NAVER Cloud KMS target profile`);
  return path;
}
