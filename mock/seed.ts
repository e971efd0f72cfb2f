// Reads and checks the seed file: appkeys, credentials, key stores and their client authentication,
// keys with statuses and versions. Every problem is reported as one line naming the field.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseCidr } from './auth/ipv4.ts';
import { normaliseMac } from './auth/mac.ts';
import {
  ENTRY_STATUSES, KEY_FIXTURES, KEY_STATUSES, KEY_TYPES, VERSION_STATUSES,
  type CertificateFixture, type EntryStatus, type Ipv4Entry, type KeyFixture, type KeyStatus, type KeyType, type MacEntry,
  type TenantRole, type VersionStatus,
} from './store/model.ts';

export interface SeedCertificate {
  name: string;
  password: string;
  /** validity period in days relative to when the certificate is issued: [from, to] */
  validDays: [number, number];
  status: EntryStatus;
  fixture?: CertificateFixture;
}

export interface SeedKeyStore {
  name: string;
  ipv4?: Ipv4Entry[];
  mac?: MacEntry[];
  certificates?: SeedCertificate[];
}

export interface SeedKey {
  id: string;
  type: KeyType;
  name: string;
  description: string;
  keyStore: string;
  status: KeyStatus;
  secret?: string;
  versions: VersionStatus[];
  fixture?: KeyFixture;
}

export interface SeedTenant {
  appkey: string;
  role?: TenantRole;
  credentials: { accessKeyId: string; secretAccessKey: string };
  keyStores: SeedKeyStore[];
  keys: SeedKey[];
}

export interface Seed {
  fixturePlaintext: string;
  tenants: SeedTenant[];
}

export class SeedError extends Error {}

export function readSeed(path: string): { seed: Seed; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SeedError(`seed ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { seed: parseSeed(text, `seed ${path}`), text };
}

type Obj = Record<string, unknown>;

/** Small typed readers: each failure names the field's path. */
class Reader {
  constructor(private readonly source: string) {}

  fail(at: string, problem: string): never {
    throw new SeedError(`${this.source}: ${at} ${problem}`);
  }

  object(v: unknown, at: string): Obj {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(at, 'must be a mapping');
    return v as Obj;
  }

  list(v: unknown, at: string): unknown[] {
    if (!Array.isArray(v)) this.fail(at, 'must be a list');
    return v;
  }

  string(v: unknown, at: string, nonEmpty = true): string {
    if (typeof v !== 'string' || (nonEmpty && v === '')) this.fail(at, nonEmpty ? 'must be a non-empty string' : 'must be a string');
    return v;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], at: string): T {
    if (!allowed.includes(v as T)) this.fail(at, `must be one of: ${allowed.join(', ')}`);
    return v as T;
  }
}

export function parseSeed(text: string, source: string): Seed {
  const r = new Reader(source);
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    r.fail('', `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const root = r.object(doc, '(top level)');
  const tenants = r.list(root.tenants, 'tenants').map((t, i) => readTenant(r, t, `tenants[${i}]`));
  if (tenants.filter((t) => t.role === 'primary').length !== 1) r.fail('tenants', 'must have exactly one tenant with role: primary');
  unique(r, tenants.map((t) => t.appkey), 'tenants[].appkey');
  const keyIds = tenants.flatMap((t) => t.keys.map((k) => k.id));
  unique(r, keyIds, 'key id');
  unique(r, tenants.flatMap((t) => t.keyStores.flatMap((s) => (s.certificates ?? []).map((c) => c.name))), 'certificate name');
  const rotated = tenants.flatMap((t) => t.keys).filter((k) => k.fixture === 'rotated');
  if (rotated.some((k) => k.versions.join() !== rotated[0].versions.join())) {
    r.fail('keys with fixture rotated', 'must have the same versions (the profile gives one version list for both)');
  }
  const fixturePlaintext = root.fixturePlaintext === undefined ? 'SKM conformance fixture' : r.string(root.fixturePlaintext, 'fixturePlaintext');
  return { fixturePlaintext, tenants };
}

function unique(r: Reader, values: string[], what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) r.fail(what, `"${v}" is used twice`);
    seen.add(v);
  }
}

function readTenant(r: Reader, v: unknown, at: string): SeedTenant {
  const o = r.object(v, at);
  const appkey = r.string(o.appkey, `${at}.appkey`);
  const creds = r.object(o.credentials, `${at}.credentials`);
  const keyStores = r.list(o.keyStores, `${at}.keyStores`).map((s, i) => readKeyStore(r, s, `${at}.keyStores[${i}]`));
  unique(r, keyStores.map((s) => s.name), `${at}.keyStores[].name`);
  const storeNames = new Set(keyStores.map((s) => s.name));
  const keys = r.list(o.keys ?? [], `${at}.keys`).map((k, i) => readKey(r, k, `${at}.keys[${i}]`, appkey, storeNames));
  return {
    appkey,
    ...(o.role === undefined ? {} : { role: r.oneOf(o.role, ['primary', 'otherTenant'] as const, `${at}.role`) }),
    credentials: {
      accessKeyId: r.string(creds.accessKeyId, `${at}.credentials.accessKeyId`),
      secretAccessKey: r.string(creds.secretAccessKey, `${at}.credentials.secretAccessKey`),
    },
    keyStores,
    keys,
  };
}

function readKeyStore(r: Reader, v: unknown, at: string): SeedKeyStore {
  const o = r.object(v, at);
  const store: SeedKeyStore = { name: r.string(o.name, `${at}.name`) };
  if (o.ipv4 !== undefined) {
    store.ipv4 = r.list(o.ipv4, `${at}.ipv4`).map((e, i) => {
      const entry = r.object(e, `${at}.ipv4[${i}]`);
      const cidr = r.string(entry.cidr, `${at}.ipv4[${i}].cidr`);
      if (!parseCidr(cidr)) r.fail(`${at}.ipv4[${i}].cidr`, 'must be an IPv4 address or CIDR range (a.b.c.d/n)');
      return { cidr, status: r.oneOf(entry.status ?? 'In Service', ENTRY_STATUSES, `${at}.ipv4[${i}].status`) };
    });
  }
  if (o.mac !== undefined) {
    store.mac = r.list(o.mac, `${at}.mac`).map((e, i) => {
      const entry = r.object(e, `${at}.mac[${i}]`);
      const address = normaliseMac(r.string(entry.address, `${at}.mac[${i}].address`));
      if (!address) r.fail(`${at}.mac[${i}].address`, 'must be a MAC address such as 0a:00:27:00:00:01');
      return {
        address,
        status: r.oneOf(entry.status ?? 'In Service', ENTRY_STATUSES, `${at}.mac[${i}].status`),
        ...(entry.fixture === undefined ? {} : { fixture: r.oneOf(entry.fixture, ['registered', 'notInService'] as const, `${at}.mac[${i}].fixture`) }),
      };
    });
  }
  if (o.certificates !== undefined) {
    store.certificates = r.list(o.certificates, `${at}.certificates`).map((e, i) => readCertificate(r, e, `${at}.certificates[${i}]`));
  }
  if (!store.ipv4 && !store.mac && !store.certificates) r.fail(at, 'must enable at least one of ipv4, mac, certificates');
  return store;
}

function readCertificate(r: Reader, v: unknown, at: string): SeedCertificate {
  const o = r.object(v, at);
  const days = r.list(o.validDays, `${at}.validDays`);
  if (days.length !== 2 || !days.every((d) => Number.isInteger(d)) || (days[0] as number) >= (days[1] as number)) {
    r.fail(`${at}.validDays`, 'must be [from, to]: whole days relative to issue, from < to');
  }
  const name = r.string(o.name, `${at}.name`);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) r.fail(`${at}.name`, 'must be usable as a file name (letters, digits, . _ -)');
  return {
    name,
    password: r.string(o.password, `${at}.password`),
    validDays: [days[0] as number, days[1] as number],
    status: r.oneOf(o.status ?? 'In Service', ENTRY_STATUSES, `${at}.status`),
    ...(o.fixture === undefined ? {} : { fixture: r.oneOf(o.fixture, ['valid', 'expired', 'notInService'] as const, `${at}.fixture`) }),
  };
}

function readKey(r: Reader, v: unknown, at: string, appkey: string, stores: Set<string>): SeedKey {
  const o = r.object(v, at);
  const type = r.oneOf(o.type, KEY_TYPES, `${at}.type`);
  const name = r.string(o.name, `${at}.name`);
  const keyStore = r.string(o.keyStore, `${at}.keyStore`);
  if (!stores.has(keyStore)) r.fail(`${at}.keyStore`, `names no key store of this tenant ("${keyStore}")`);
  // Stable ids by default, so the same seed always yields the same key ids.
  const id = o.id === undefined ? createHash('sha256').update(`${appkey}/${name}`).digest('hex').slice(0, 32) : r.string(o.id, `${at}.id`);
  if (!/^[0-9a-f]{32}$/.test(id)) r.fail(`${at}.id`, 'must be 32 lowercase hex characters');
  const key: SeedKey = {
    id,
    type,
    name,
    description: o.description === undefined ? '' : r.string(o.description, `${at}.description`, false),
    keyStore,
    status: r.oneOf(o.status ?? 'In Service', KEY_STATUSES, `${at}.status`),
    versions: [],
  };
  if (o.fixture !== undefined) key.fixture = r.oneOf(o.fixture, KEY_FIXTURES, `${at}.fixture`);
  if (type === 'secret') {
    key.secret = r.string(o.secret, `${at}.secret`, false);
    if (o.versions !== undefined) r.fail(`${at}.versions`, 'is only for symmetric and asymmetric keys');
  } else {
    if (o.secret !== undefined) r.fail(`${at}.secret`, 'is only for secrets');
    key.versions = r.list(o.versions ?? ['In Service'], `${at}.versions`).map((s, i) => r.oneOf(s, VERSION_STATUSES, `${at}.versions[${i}]`));
    if (!key.versions.includes('In Service')) r.fail(`${at}.versions`, 'must include an In Service version');
  }
  return key;
}
