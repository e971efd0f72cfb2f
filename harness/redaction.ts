// Keeps secrets out of every output. Known secrets come from the target profile; secret-bearing
// response fields are masked by name, and their values are learnt so they are masked wherever else
// they turn up (a local key plaintext echoed by decrypt, a secret echoed in an error).
import type { LoadedTarget } from './profile/load-target.ts';

/** Response fields whose value is secret material. `key`/`encodedKey` only for a PrivateKey body. */
const SECRET_FIELDS = new Set(['secret', 'secretValue', 'localKeyPlaintext', 'symmetricKey']);
const PRIVATE_KEY_FIELDS = new Set(['key', 'encodedKey']);
/** Request headers that carry credentials. */
export const SECRET_HEADERS = new Set(['x-tc-authentication-id', 'x-tc-authentication-secret']);

const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly labels = new Map<string, string>();

  add(value: string | undefined, label = '[masked]'): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.labels.has(value)) return;
    this.labels.set(value, label);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) this.labels.set(encoded, label);
  }

  /** Every secret value known, longest first (so a secret containing another is masked whole). */
  values(): string[] {
    return [...this.labels.keys()].sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s;
    for (const v of this.values()) out = out.split(v).join(this.labels.get(v)!);
    return out;
  }

  /** Learns the secret fields of a response body. */
  learn(body: unknown): void {
    this.visit(body, (field, value) => this.add(value, `[masked ${field}]`));
  }

  json(body: unknown): unknown {
    if (typeof body === 'string') return this.text(body);
    if (Array.isArray(body)) return body.map((v) => this.json(v));
    if (body === null || typeof body !== 'object') return body;
    const rec = body as Record<string, unknown>;
    const privateKey = rec.keyType === 'PrivateKey';
    return Object.fromEntries(
      Object.entries(rec).map(([k, v]) => {
        const secret = SECRET_FIELDS.has(k) || (privateKey && PRIVATE_KEY_FIELDS.has(k));
        return [k, secret && typeof v === 'string' ? `[masked ${k}]` : this.json(v)];
      }),
    );
  }

  private visit(node: unknown, found: (field: string, value: string) => void): void {
    if (Array.isArray(node)) return node.forEach((v) => this.visit(v, found));
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    const privateKey = rec.keyType === 'PrivateKey';
    for (const [k, v] of Object.entries(rec)) {
      if (typeof v === 'string' && (SECRET_FIELDS.has(k) || (privateKey && PRIVATE_KEY_FIELDS.has(k)))) found(k, v);
      else this.visit(v, found);
    }
  }
}

export function maskAppkey(appkey: string): string {
  return `****${appkey.slice(-4)}`;
}

/** A redactor that knows every secret of the profile: appkeys (all but the last 4 characters),
 *  credentials, passphrases and the expected secret value. */
export function redactorFor(target: LoadedTarget): Redactor {
  const r = new Redactor();
  const p = target.profile;
  const label = (value: string, fallback: string) => {
    const env = target.fromEnv.get(value);
    return env ? `\${${env}}` : fallback;
  };
  r.add(p.appkey, maskAppkey(p.appkey));
  r.add(p.credentials?.accessKeyId, label(p.credentials?.accessKeyId ?? '', '[masked accessKeyId]'));
  r.add(p.credentials?.secretAccessKey, label(p.credentials?.secretAccessKey ?? '', '[masked secretAccessKey]'));
  r.add(p.keys.secret?.value, label(p.keys.secret?.value ?? '', '[masked secret]'));
  const other = p.fixtures?.otherTenant;
  if (other) {
    r.add(other.appkey, maskAppkey(other.appkey));
    r.add(other.credentials?.accessKeyId, '[masked accessKeyId]');
    r.add(other.credentials?.secretAccessKey, '[masked secretAccessKey]');
  }
  const certs = [...Object.values(p.fixtures?.certificate ?? {}), p.fixtures?.allMethods?.certificate];
  for (const c of certs) {
    const pass = (c as { passphrase?: string } | undefined)?.passphrase;
    r.add(pass, label(pass ?? '', '[masked passphrase]'));
  }
  for (const [value, name] of target.fromEnv) r.add(value, `\${${name}}`);
  return r;
}
