// The target profile of a KSig1 run (spec/target.schema.json): YAML, ${ENV} substitution, the family's
// schema. The run names it in KSIG1_TARGET, or the global setup starts the embedded mock and points the
// run at the profile the mock wrote.
import type { CalibrationBlock } from '../../../harness/family-plugin.ts';
import { ConfigError } from '../../../harness/config-error.ts';
import { loadFamilyTarget, type FamilyTarget } from '../../../harness/profile/family-target.ts';
import type { ContentMd5Encoding, Credentials, Joining } from '../auth/signer.ts';
import type { ProtectedRequest } from '../client.ts';
import { schemaValidator, TARGET_SCHEMA_FILE } from '../spec/catalogue.ts';

export const KSIG1_TARGET_ENV = 'KSIG1_TARGET';

export interface Ksig1TargetProfile {
  name: string;
  baseUrl: string;
  credentials: Credentials;
  controls: ProtectedRequest[];
  fixtures?: { revokedKey?: Pick<Credentials, 'apiKey'> & Partial<Credentials> };
  signing?: { joining?: Joining; contentMd5?: ContentMd5Encoding; apiVersion?: { value: string; header?: string } };
  calibration?: CalibrationBlock;
  expectations?: { strict?: string[] };
}

export type Ksig1Target = FamilyTarget<Ksig1TargetProfile>;

const validate = schemaValidator(TARGET_SCHEMA_FILE);

export function loadKsig1Target(path: string): Ksig1Target {
  return loadFamilyTarget<Ksig1TargetProfile>(path, validate, 'a KSig1 target profile');
}

export function ksig1TargetPath(): string {
  const path = process.env[KSIG1_TARGET_ENV];
  if (!path) throw new ConfigError(`${KSIG1_TARGET_ENV} is not set: point it at a KSig1 target profile`);
  return path;
}
