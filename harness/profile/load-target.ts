// Reads a target profile: YAML, ${ENV} substitution, the generated schema validator, and files it
// names (resolved against the profile's folder), which must exist and, for TLS, open. Every problem is one
// ConfigError line naming the field.
import { readFileSync, existsSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { dirname, resolve, isAbsolute } from 'node:path';
import validateTarget from '../../generated/targets/validate-target.js';
import type { TargetProfile } from '../../generated/targets/types.ts';
import { ConfigError } from '../config-error.ts';
import { profileDocument } from './profile-document.ts';
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

type ClientCertificateFiles = { pkcs12?: string; passphrase?: string; cert?: string; key?: string };

/** The client certificates of the profile, by field. */
function clientCertificates(p: TargetProfile): [string, ClientCertificateFiles][] {
  const certs = p.fixtures?.certificate;
  const named: [string, unknown][] = [
    ...(['valid', 'expired', 'notInService'] as const).map((w): [string, unknown] => [`fixtures.certificate.${w}`, certs?.[w]]),
    ['fixtures.allMethods.certificate', p.fixtures?.allMethods?.certificate],
  ];
  return named.filter((n): n is [string, ClientCertificateFiles] => n[1] !== undefined);
}

/** The profile's fields that name files, so a missing file is reported before any test runs. */
function filesNamed(p: TargetProfile): [string, string][] {
  const out: [string, string][] = [];
  if (p.tls?.ca) out.push(['tls.ca', p.tls.ca]);
  for (const [field, c] of clientCertificates(p)) {
    for (const k of ['pkcs12', 'cert', 'key'] as const) if (c[k]) out.push([`${field}.${k}`, c[k]]);
  }
  return out;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Why the CA file cannot be trusted as one, if it cannot. */
function caProblem(path: string): string | undefined {
  try {
    const blocks = readFileSync(path, 'utf8').match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0) return 'holds no PEM certificate';
    for (const block of blocks) new X509Certificate(block);
  } catch (e) {
    return `cannot be read as PEM certificates (${(e as Error).message})`;
  }
  return undefined;
}

/** Why the client certificate cannot be presented, if it cannot: TLS opens it as the client would. */
function certificateProblem(field: string, c: ClientCertificateFiles, file: (relative: string) => string): string | undefined {
  const passphrase = c.passphrase === undefined ? 'without a passphrase' : `with ${field}.passphrase`;
  try {
    if (c.pkcs12) createSecureContext({ pfx: readFileSync(file(c.pkcs12)), passphrase: c.passphrase });
    else createSecureContext({ cert: readFileSync(file(c.cert!)), key: readFileSync(file(c.key!)), passphrase: c.passphrase });
  } catch (e) {
    const what = c.pkcs12 ? `${field}.pkcs12 names ${c.pkcs12}, which does not open as PKCS#12` : `${field}.cert and .key name ${c.cert} and ${c.key}, which do not open as a certificate and its key`;
    return `field ${what} ${passphrase} (${(e as Error).message})`;
  }
  return undefined;
}

/** The first TLS file of the profile that exists but cannot be used. */
function tlsProblem(p: TargetProfile, file: (relative: string) => string): string | undefined {
  const ca = p.tls?.ca && caProblem(file(p.tls.ca));
  if (ca) return `field tls.ca names ${p.tls!.ca}, which ${ca}`;
  for (const [field, c] of clientCertificates(p)) {
    const problem = certificateProblem(field, c, file);
    if (problem) return problem;
  }
  return undefined;
}

export function loadTarget(path: string, env: NodeJS.ProcessEnv = process.env): LoadedTarget {
  const { source, doc } = profileDocument(path);
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
  const tls = tlsProblem(value, file);
  if (tls) throw new ConfigError(`${source}: ${tls}`);
  if (value.apiVersions.includes('v1.2') && !value.credentials) {
    throw new ConfigError(`${source}: field credentials is required when apiVersions includes v1.2`);
  }
  return { path: resolve(path), profile: value, fromEnv, file };
}
