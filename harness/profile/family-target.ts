// Reads a family's target profile: YAML, ${ENV} substitution (remembering which secret came from which
// variable, for masking and curl lines), then the family's schema. Every mistake is one ConfigError line.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { ConfigError } from '../config-error.ts';
import { substituteEnv } from './env-substitution.ts';

export interface FamilyTarget<Profile> {
  path: string;
  profile: Profile;
  /** secret value -> the environment variable it came from */
  fromEnv: Map<string, string>;
}

/** `what` names the profile's kind in the error ("a KSig1 target profile"). */
export function loadFamilyTarget<Profile>(path: string, validate: ValidateFunction, what: string): FamilyTarget<Profile> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${path}: cannot read the target profile: ${(e as Error).message}`, { cause: e });
  }
  const { value, fromEnv } = substituteEnv(raw, process.env, path);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new ConfigError(`${path}: not ${what}: ${first?.instancePath || '(top level)'} ${first?.message ?? ''}`);
  }
  return { path, profile: value as Profile, fromEnv };
}
