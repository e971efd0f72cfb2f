// The secret scan: every secret of a target profile, plus key material fetched from the target, looked
// for as plain substrings in every file a run wrote. Zip containers (Playwright's HTML report embeds
// its data as a Base64 zip; blobs and traces are zips) are unpacked so their text is scanned too;
// nothing else is decoded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { LoadedTarget } from '../../harness/profile/load-target.ts';
import { SkmClient } from '../../harness/http/skm-client.ts';
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

/** The profile's secrets: appkeys, credentials, passphrases, the secret value. */
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
  return s;
}

/** Key material the target hands out (secret values, symmetric keys, private keys as Base64 and
 *  as hex listing), and the public keys' encodings: a private key embeds its public modulus, which
 *  may appear anywhere. */
export async function fetchedSecrets(target: LoadedTarget): Promise<{ secrets: Map<string, string>; publicTexts: string[] }> {
  const client = new SkmClient(target, new Redactor());
  const p = target.profile;
  const s = new Map<string, string>();
  const publicTexts: string[] = [];
  const grab = async (label: string, op: string, keyId: string | undefined, field: string, opts: { appkey?: string; query?: Record<string, number> } = {}) => {
    if (!keyId) return;
    const ex = await client.call(op, { keyId, ...opts });
    const body = ex.body as Record<string, unknown> | undefined;
    // A private key comes as Base64 DER (encodedKey) and as a hex listing (key).
    const fields = field === 'privateKey' ? { encodedKey: 'Base64', key: 'hex listing' } : { [field]: '' };
    for (const [name, form] of Object.entries(fields)) {
      const v = body?.[name];
      if (typeof v === 'string' && v.length >= 8) s.set(v, `${label}${form ? ` (${form})` : ''}`);
    }
    if (field === 'privateKey') {
      const pub = (await client.call(op.replace('getPrivateKey', 'getPublicKey'), { keyId, ...opts })).body as Record<string, unknown> | undefined;
      for (const name of ['encodedKey', 'key']) if (typeof pub?.[name] === 'string') publicTexts.push(pub[name] as string);
    }
  };
  try {
    await grab('secret', 'getSecret_v1_0', p.keys.secret?.id, 'secret');
    await grab('symmetric key', 'getSymmetricKey_v1_0', p.keys.symmetric?.id, 'symmetricKey');
    await grab('private key', 'getPrivateKey_v1_0', p.keys.asymmetric?.id, 'privateKey');
    const rotated = p.fixtures?.rotated;
    for (const v of rotated?.inService ?? []) {
      await grab(`rotated symmetric key v${v}`, 'getSymmetricKey_v1_1', rotated?.symmetric, 'symmetricKey', { query: { keyVersion: v } });
      await grab(`rotated private key v${v}`, 'getPrivateKey_v1_2', rotated?.asymmetric, 'privateKey', { query: { keyVersion: v } });
    }
    const other = p.fixtures?.otherTenant;
    if (other) {
      await grab('other tenant secret', 'getSecret_v1_0', other.keys.secret, 'secret', { appkey: other.appkey });
      await grab('other tenant symmetric key', 'getSymmetricKey_v1_0', other.keys.symmetric, 'symmetricKey', { appkey: other.appkey });
      await grab('other tenant private key', 'getPrivateKey_v1_0', other.keys.asymmetric, 'privateKey', { appkey: other.appkey });
    }
  } finally {
    await client.close();
  }
  return { secrets: s, publicTexts };
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
