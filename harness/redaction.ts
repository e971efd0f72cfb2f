// Keeps secrets out of every output. Known secrets come from the target profile; secret-bearing
// response fields are masked by name, and their values are learnt so they are masked wherever else
// they turn up (a local key plaintext echoed by decrypt, a secret echoed in an error). Key material
// is masked by value in every form it may be written in, not only the one it arrived in.
import type { LoadedTarget } from './profile/load-target.ts';

type KeyEncoding = 'base64' | 'hex listing';

/** Response fields whose value is secret text. */
const TEXT_FIELDS = new Set(['secret', 'secretValue']);
/** Response fields whose value is key material, by encoding. `key`/`encodedKey` only for a PrivateKey body. */
const KEY_FIELDS = new Map<string, KeyEncoding>([['localKeyPlaintext', 'base64'], ['symmetricKey', 'hex listing']]);
const PRIVATE_KEY_FIELDS = new Map<string, KeyEncoding>([['key', 'hex listing'], ['encodedKey', 'base64']]);
/** Request headers that carry credentials. */
export const SECRET_HEADERS = new Set(['x-tc-authentication-id', 'x-tc-authentication-secret']);

const MIN_SECRET_LENGTH = 4;
/** Shorter key material is not masked in its other forms: they would be too short to be its own. */
const MIN_KEY_BYTES = 8;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX_LISTING = /^0x[0-9a-f]{2}(?:\s*,\s*0x[0-9a-f]{2})*$/i;

function decodeKey(value: string, encoding: KeyEncoding): Buffer | undefined {
  if (encoding === 'base64') return BASE64.test(value) ? Buffer.from(value, 'base64') : undefined;
  return HEX_LISTING.test(value) ? Buffer.from(value.replace(/0x|[\s,]/gi, ''), 'hex') : undefined;
}

/** Every way the bytes of a key may be written: Base64 (padded or not, URL-safe, PEM lines), the
 *  documents' hex listing and its variants, plain hex, and the raw bytes. */
export function keyMaterialForms(bytes: Buffer): string[] {
  const hex = bytes.toString('hex');
  const pairs = hex.match(/../g) ?? [];
  const listings = [', ', ','].flatMap((sep) => [pairs.map((h) => `0x${h}`), pairs.map((h) => `0x${h.toUpperCase()}`), pairs.map((h) => `0X${h.toUpperCase()}`)].map((items) => items.join(sep)));
  const base64 = bytes.toString('base64');
  const pem = base64.match(/.{1,64}/g)!.join('\n');
  return [base64, base64.replace(/=+$/, ''), bytes.toString('base64url'), pem, ...listings, hex, hex.toUpperCase(), bytes.toString('latin1')];
}

export class Redactor {
  private readonly labels = new Map<string, string>();
  /** For curl lines: secrets that came from an environment variable, as `${NAME}`. */
  private readonly shellLabels = new Map<string, string>();
  private readonly localKeyCiphertexts = new Set<string>();
  private sorted: string[] | undefined;

  add(value: string | undefined, label = '[masked]'): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.labels.has(value)) return;
    for (const v of new Set([value, encodeURIComponent(value)])) this.labels.set(v, label);
    this.sorted = undefined;
  }

  /** A secret the profile took from an environment variable: a curl line names the variable. */
  fromEnv(value: string, name: string): void {
    if (value.length < MIN_SECRET_LENGTH) return;
    this.add(value, `\${${name}}`);
    for (const v of new Set([value, encodeURIComponent(value)])) this.shellLabels.set(v, `\${${name}}`);
  }

  /** Key material: the value as it came, and its bytes in every other form. */
  addKey(value: string | undefined, encoding: KeyEncoding, label: string): void {
    if (!value) return;
    this.add(value, label);
    const bytes = decodeKey(value, encoding);
    if (bytes && bytes.length >= MIN_KEY_BYTES) for (const form of keyMaterialForms(bytes)) this.add(form, label);
  }

  /** A ciphertext of a local key: decrypting it gives key material, whatever the target answers. */
  addLocalKeyCiphertext(value: string | undefined): void {
    if (value) this.localKeyCiphertexts.add(value);
  }

  /** Every secret value known, longest first (so a secret containing another is masked whole). */
  values(): string[] {
    this.sorted ??= [...this.labels.keys()].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  text(s: string): string {
    return this.replace(s, (v) => this.labels.get(v)!);
  }

  /** As text, but for a shell command: secrets from the environment as their variables. */
  shell(s: string): string {
    return this.replace(s, (v) => this.shellLabels.get(v) ?? this.labels.get(v)!);
  }

  /** Learns the secrets of a response body; with the request body, the local key a decrypt returns. */
  learn(body: unknown, requestBody?: string): void {
    this.visit(body, (field, value, encoding) => {
      if (encoding) this.addKey(value, encoding, `[masked ${field}]`);
      else if (field === 'localKeyCiphertext') this.addLocalKeyCiphertext(value);
      else this.add(value, `[masked ${field}]`);
    });
    const plaintext = (body as { body?: { plaintext?: unknown } } | undefined)?.body?.plaintext;
    if (typeof plaintext === 'string' && this.localKeyCiphertexts.has(ciphertextOf(requestBody) ?? '')) this.addKey(plaintext, 'base64', '[masked local key]');
  }

  json(body: unknown): unknown {
    if (typeof body === 'string') return this.text(body);
    if (Array.isArray(body)) return body.map((v) => this.json(v));
    if (body === null || typeof body !== 'object') return body;
    const rec = body as Record<string, unknown>;
    return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, typeof v === 'string' && secretField(rec, k) ? `[masked ${k}]` : this.json(v)]));
  }

  private replace(s: string, labelOf: (value: string) => string): string {
    let out = s;
    for (const v of this.values()) if (out.includes(v)) out = out.split(v).join(labelOf(v));
    return out;
  }

  private visit(node: unknown, found: (field: string, value: string, encoding?: KeyEncoding) => void): void {
    if (Array.isArray(node)) return node.forEach((v) => this.visit(v, found));
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(rec)) {
      if (typeof v === 'string' && (secretField(rec, k) || k === 'localKeyCiphertext')) found(k, v, keyEncoding(rec, k));
      else this.visit(v, found);
    }
  }
}

function keyEncoding(rec: Record<string, unknown>, field: string): KeyEncoding | undefined {
  return KEY_FIELDS.get(field) ?? (rec.keyType === 'PrivateKey' ? PRIVATE_KEY_FIELDS.get(field) : undefined);
}

function secretField(rec: Record<string, unknown>, field: string): boolean {
  return TEXT_FIELDS.has(field) || keyEncoding(rec, field) !== undefined;
}

function ciphertextOf(requestBody: string | undefined): string | undefined {
  try {
    const c = (JSON.parse(requestBody ?? '') as { ciphertext?: unknown } | null)?.ciphertext;
    return typeof c === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

/** All but the last 4 characters masked: enough to tell two credentials apart. */
export function maskCredential(appkey: string): string {
  return `****${appkey.slice(-4)}`;
}

/** A redactor that knows every secret of the profile: appkeys (all but the last 4 characters),
 *  credentials, passphrases, the expected secret value, and the local keys of the rotated fixture. */
export function redactorFor(target: LoadedTarget): Redactor {
  const r = new Redactor();
  const p = target.profile;
  const other = p.fixtures?.otherTenant;
  // Before the variables: an appkey keeps its last 4 characters even where it came from one.
  r.add(p.appkey, maskCredential(p.appkey));
  if (other) r.add(other.appkey, maskCredential(other.appkey));
  for (const [value, name] of target.fromEnv) r.fromEnv(value, name);
  r.add(p.credentials?.accessKeyId, '[masked accessKeyId]');
  r.add(p.credentials?.secretAccessKey, '[masked secretAccessKey]');
  r.add(p.keys.secret?.value, '[masked secret]');
  r.add(other?.credentials?.accessKeyId, '[masked accessKeyId]');
  r.add(other?.credentials?.secretAccessKey, '[masked secretAccessKey]');
  for (const c of [...Object.values(p.fixtures?.certificate ?? {}), p.fixtures?.allMethods?.certificate]) {
    r.add((c as { passphrase?: string } | undefined)?.passphrase, '[masked passphrase]');
  }
  const rotated = p.fixtures?.rotated;
  for (const m of [rotated?.olderVersion, rotated?.scheduledVersion, rotated?.deletedVersion]) {
    r.addKey(m?.localKeyPlaintext, 'base64', '[masked localKeyPlaintext]');
    r.addLocalKeyCiphertext(m?.localKeyCiphertext);
  }
  return r;
}
