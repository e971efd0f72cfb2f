// The secret scan: every secret of a target profile, plus key material fetched from the target (in every
// form it may be written in), looked for as plain substrings in every file a run wrote. Zip containers (Playwright's HTML report embeds
// its data as a Base64 zip; blobs and traces are zips) are unpacked so their text is scanned too;
// nothing else is decoded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { LoadedTarget } from '../../harness/profile/load-target.ts';
import { SkmClient, type ClientCertificate } from '../../harness/http/skm-client.ts';
import { Redactor } from '../../harness/redaction.ts';

/** Entries of a zip archive (stored or deflated), by the central directory. */
export function unzip(buf: Buffer): { name: string; data: Buffer }[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g;

/** Every text a folder holds: files, zip entries, and the zips embedded in HTML reports. */
export function textsUnder(dir: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const add = (name: string, data: Buffer) => {
    if (name.endsWith('.zip') || (data.length > 4 && data.readUInt32LE(0) === 0x04034b50)) {
      for (const e of unzip(data)) add(`${name}!${e.name}`, e.data);
      return;
    }
    const text = data.toString('utf8');
    out.push({ name, text });
    for (const m of text.matchAll(EMBEDDED_ZIP)) add(`${name}!embedded`, Buffer.from(m[1], 'base64'));
  };
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else add(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Every form key material may be written in: Base64, the hex listing (as documented, and upper case
 *  without spaces), hex, and the raw bytes. */
export function keyForms(bytes: Buffer): Record<string, string> {
  const pairs = bytes.toString('hex').match(/../g) ?? [];
  return {
    Base64: bytes.toString('base64'),
    'hex listing': pairs.map((h) => `0x${h}`).join(', '),
    'HEX LISTING': pairs.map((h) => `0X${h.toUpperCase()}`).join(','),
    hex: bytes.toString('hex'),
    raw: bytes.toString('latin1'),
  };
}

function addKey(s: Map<string, string>, label: string, bytes: Buffer): void {
  for (const [form, value] of Object.entries(keyForms(bytes))) s.set(value, `${label} (${form})`);
}

const listingBytes = (listing: string) => Buffer.from(listing.replace(/0x|[\s,]/gi, ''), 'hex');

/** The profile's secrets: appkeys, credentials, passphrases, the secret value, the rotated fixture's
 *  local keys. */
export function profileSecrets(target: LoadedTarget): Map<string, string> {
  const p = target.profile;
  const s = new Map<string, string>();
  const add = (label: string, v: string | undefined) => v && s.set(v, label);
  add('appkey', p.appkey);
  add('accessKeyId', p.credentials?.accessKeyId);
  add('secretAccessKey', p.credentials?.secretAccessKey);
  add('keys.secret.value', p.keys.secret?.value);
  const other = p.fixtures?.otherTenant;
  add('otherTenant.appkey', other?.appkey);
  add('otherTenant.accessKeyId', other?.credentials?.accessKeyId);
  add('otherTenant.secretAccessKey', other?.credentials?.secretAccessKey);
  for (const [name, c] of Object.entries(p.fixtures?.certificate ?? {})) add(`certificate.${name}.passphrase`, (c as { passphrase?: string }).passphrase);
  add('allMethods.passphrase', (p.fixtures?.allMethods?.certificate as { passphrase?: string } | undefined)?.passphrase);
  const rotated = p.fixtures?.rotated;
  for (const slot of ['olderVersion', 'scheduledVersion', 'deletedVersion'] as const) {
    const local = rotated?.[slot]?.localKeyPlaintext;
    if (local) addKey(s, `rotated.${slot}.localKeyPlaintext`, Buffer.from(local, 'base64'));
  }
  return s;
}

type Grab = { appkey?: string; query?: Record<string, number>; mac?: string; certificate?: ClientCertificate };

/** Key material the target hands out (secret values, symmetric keys, private keys, each in every
 *  form), and the public keys in every form: a private key embeds its public modulus, which may
 *  appear anywhere. Every store the profile names is asked, with the MAC or certificate it needs. */
export async function fetchedSecrets(target: LoadedTarget): Promise<{ secrets: Map<string, string>; publicTexts: string[] }> {
  const client = new SkmClient(target, new Redactor());
  const p = target.profile;
  const s = new Map<string, string>();
  const publicTexts: string[] = [];
  const body = async (op: string, keyId: string, opts: Grab) => (await client.call(op, { keyId, ...opts })).body as Record<string, unknown> | undefined;
  const grab = async (label: string, version: string, keys: { secret?: string; symmetric?: string; asymmetric?: string } | undefined, opts: Grab = {}) => {
    const secret = keys?.secret && (await body(`getSecret_${version}`, keys.secret, opts))?.secret;
    if (typeof secret === 'string') s.set(secret, `${label} secret`);
    const symmetric = keys?.symmetric && (await body(`getSymmetricKey_${version}`, keys.symmetric, opts))?.symmetricKey;
    if (typeof symmetric === 'string') addKey(s, `${label} symmetric key`, listingBytes(symmetric));
    const der = keys?.asymmetric && (await body(`getPrivateKey_${version}`, keys.asymmetric, opts))?.encodedKey;
    if (typeof der === 'string') addKey(s, `${label} private key`, Buffer.from(der, 'base64'));
    const pub = keys?.asymmetric && (await body(`getPublicKey_${version}`, keys.asymmetric, opts))?.encodedKey;
    if (typeof pub === 'string') publicTexts.push(...Object.values(keyForms(Buffer.from(pub, 'base64'))));
  };
  const cert = (name: string, c: unknown) => c && 'pkcs12' in (c as object) ? { name, ...(c as { pkcs12: string; passphrase?: string }) } : undefined;
  const f = p.fixtures;
  try {
    await grab('main', 'v1_0', { secret: p.keys.secret?.id, symmetric: p.keys.symmetric?.id, asymmetric: p.keys.asymmetric?.id });
    for (const v of f?.rotated?.inService ?? []) await grab(`rotated v${v}`, 'v1_2', { symmetric: f?.rotated?.symmetric, asymmetric: f?.rotated?.asymmetric }, { query: { keyVersion: v } });
    if (f?.otherTenant) await grab('other tenant', 'v1_0', f.otherTenant.keys, { appkey: f.otherTenant.appkey });
    if (f?.mac) await grab('MAC store', 'v1_0', f.mac.keys, { mac: f.mac.registered });
    if (f?.certificate) await grab('certificate store', 'v1_0', f.certificate.keys, { certificate: cert('valid', f.certificate.valid) });
    if (f?.allMethods) await grab('all-methods store', 'v1_0', f.allMethods.keys, { mac: f.allMethods.mac, certificate: cert('all', f.allMethods.certificate) });
  } finally {
    await client.close();
  }
  return { secrets: s, publicTexts };
}

/** The local keys of the profile's symmetric keys, for a target whose create-local-key returns the
 *  same local key for a key every time (the mock's local-key-reused fault): those the run gets too. */
export async function reusedLocalKeys(target: LoadedTarget): Promise<Map<string, string>> {
  const client = new SkmClient(target, new Redactor());
  const s = new Map<string, string>();
  try {
    for (const [label, keyId] of [['keys.symmetric', target.profile.keys.symmetric?.id], ['rotated.symmetric', target.profile.fixtures?.rotated?.symmetric]]) {
      const local = keyId && ((await client.call('createLocalKey_v1_0', { keyId })).body as { localKeyPlaintext?: string } | undefined)?.localKeyPlaintext;
      if (local) addKey(s, `local key of ${label}`, Buffer.from(local, 'base64'));
    }
  } finally {
    await client.close();
  }
  return s;
}

/** Needles for one secret: the whole value, and for long ones (keys) a 48-character slice every 144
 *  characters that is not public (a private key embeds its modulus), so that any copy of 288
 *  characters or more (the report shortens bodies to 400) is still found. */
function needles(secret: string, publicTexts: string[]): string[] {
  if (secret.length < 64) return [secret];
  const out = [secret];
  for (let i = 0; i + 48 <= secret.length; i += 144) {
    const slice = secret.slice(i, i + 48);
    if (!publicTexts.some((p) => p.includes(slice))) out.push(slice);
  }
  return out;
}

export function scan(texts: { name: string; text: string }[], secrets: Map<string, string>, publicTexts: string[] = []): string[] {
  const hits: string[] = [];
  const all = texts.map((t) => t.text).join('\u0000');
  for (const [secret, label] of secrets) {
    const needle = needles(secret, publicTexts).find((n) => all.includes(n));
    if (needle) hits.push(`${label} in ${texts.find((t) => t.text.includes(needle))!.name}`);
  }
  return hits;
}
