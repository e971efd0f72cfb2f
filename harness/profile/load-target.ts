// Reads a target profile: YAML, ${ENV} substitution, the generated schema validator, and files it
// names (resolved against the profile's folder). Every problem is one ConfigError line naming the field.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve, isAbsolute } from 'node:path';
import { parse } from 'yaml';
import validateTarget from '../../generated/targets/validate-target.js';
import type { TargetProfile } from '../../generated/targets/types.ts';
import { ConfigError } from '../config-error.ts';
import { substituteEnv } from './env-substitution.ts';

export type { TargetProfile };

export interface LoadedTarget {
  path: string;
  profile: TargetProfile;
  /** secret value -> environment variable it came from */
  fromEnv: Map<string, string>;
  /** absolute path of a file the profile names */
  file(relative: string): string;
}

function fieldOf(instancePath: string, params: Record<string, unknown>): string {
  const base = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  return [base, extra].filter(Boolean).join('.') || '(top level)';
}

/** The profile's fields that name files, so a missing file is reported before any test runs. */
function filesNamed(p: TargetProfile): [string, string][] {
  const out: [string, string][] = [];
  if (p.tls?.ca) out.push(['tls.ca', p.tls.ca]);
  const certs = p.fixtures?.certificate;
  const named: [string, unknown][] = [
    ...(['valid', 'expired', 'notInService'] as const).map((w): [string, unknown] => [`fixtures.certificate.${w}`, certs?.[w]]),
    ['fixtures.allMethods.certificate', p.fixtures?.allMethods?.certificate],
  ];
  for (const [field, cert] of named) {
    const c = cert as { pkcs12?: string; cert?: string; key?: string } | undefined;
    for (const k of ['pkcs12', 'cert', 'key'] as const) if (c?.[k]) out.push([`${field}.${k}`, c[k]]);
  }
  return out;
}

export function loadTarget(path: string, env: NodeJS.ProcessEnv = process.env): LoadedTarget {
  const source = `target profile ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${source}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ConfigError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || typeof doc !== 'object') throw new ConfigError(`${source}: expected a YAML mapping`);
  const { value, fromEnv } = substituteEnv(doc, env, source);
  if (!validateTarget(value)) {
    const err = validateTarget.errors![0];
    throw new ConfigError(`${source}: field ${fieldOf(err.instancePath, err.params)} ${err.message}`);
  }
  const dir = dirname(resolve(path));
  const file = (relative: string) => (isAbsolute(relative) ? relative : resolve(dir, relative));
  for (const [field, name] of filesNamed(value)) {
    if (!existsSync(file(name))) throw new ConfigError(`${source}: field ${field} names ${name}, which does not exist`);
  }
  if (value.apiVersions.includes('v1.2') && !value.credentials) {
    throw new ConfigError(`${source}: field credentials is required when apiVersions includes v1.2`);
  }
  return { path: resolve(path), profile: value, fromEnv, file };
}
