// One request and what came back: the unit of evidence. Its printable forms are masked by the
// client's redactor, so evidence can go anywhere (failure messages, report, console).
import { isDeepStrictEqual } from 'node:util';
import type { Redactor } from '../redaction.ts';
import { SECRET_HEADERS } from '../redaction.ts';
import { curlBody, shellWord } from './shell.ts';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** what the harness presented as client certificate, by name (never the material) */
  certificate?: string;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** the parsed body, or undefined when it is not JSON */
  json: unknown;
}

/** A client certificate as the files curl reads. */
export type CertificateFiles = { pkcs12: string; passphrase?: string } | { cert: string; key: string; passphrase?: string };

/** What a curl line needs, beyond the request, to reach the target as the harness did: file paths
 *  (never material) and the passphrase, which is masked as any secret. */
export interface CurlTls {
  /** the CA file to trust (the profile's tls.ca), absolute */
  ca?: string;
  insecure?: boolean;
  certificate?: CertificateFiles;
}

export class Exchange {
  constructor(
    readonly operationId: string | undefined,
    readonly request: SentRequest,
    readonly response: ReceivedResponse | undefined,
    /** a network or TLS error instead of a response */
    readonly error: string | undefined,
    readonly ms: number,
    private readonly redactor: Redactor,
    private readonly tls: CurlTls = {},
  ) {}

  /** The header's resultMessage, when the body is an envelope. */
  get resultMessage(): string | undefined {
    const m = (this.response?.json as { header?: { resultMessage?: unknown } } | undefined)?.header?.resultMessage;
    return typeof m === 'string' ? m : undefined;
  }

  get body(): unknown {
    return (this.response?.json as { body?: unknown } | undefined)?.body;
  }

  /** The exchange with every secret masked, as data (for reports). */
  masked(): { request: SentRequest; response?: ReceivedResponse; error?: string; ms: number } {
    const r = this.redactor;
    const request = { ...this.request, url: r.text(this.request.url), headers: this.maskedHeaders((v) => r.text(v)), body: this.maskedBody() };
    const response = this.response && {
      ...this.response,
      text: this.response.json === undefined ? r.text(this.response.text) : JSON.stringify(r.json(this.response.json)),
      json: r.json(this.response.json),
    };
    return { request, response, error: this.error && r.text(this.error), ms: Math.round(this.ms) };
  }

  /** A curl command that repeats the request, TLS files and the whole body included, secrets as the
   *  environment variables they came from (or masked, when they came from the profile itself). */
  curl(): string {
    const r = this.redactor;
    const parts = ['curl', '-sS', ...(this.request.url.startsWith('https:') ? this.tlsOptions() : []), '-X', this.request.method];
    for (const [k, v] of Object.entries(this.maskedHeaders((h) => r.shell(h)))) parts.push('-H', shellWord(`${k}: ${v}`));
    const body = this.maskedBody();
    const sent = body === undefined ? undefined : curlBody(body);
    if (sent) parts.push(...sent.args);
    parts.push(shellWord(r.shell(this.request.url)));
    return sent?.stdin ? `${sent.stdin} | ${parts.join(' ')}` : parts.join(' ');
  }

  /** Multi-line evidence for a failure message. */
  describe(): string {
    const m = this.masked();
    const lines = [`Request:  ${m.request.method} ${m.request.url}`];
    if (m.request.body !== undefined) lines.push(`          body ${truncate(m.request.body, 300)}`);
    if (m.error) lines.push(`Response: (none) ${m.error}`);
    else lines.push(`Response: HTTP ${m.response!.status} ${truncate(m.response!.text, 600)}`);
    lines.push(`Reproduce with:\n  ${this.curl()}`);
    return lines.join('\n');
  }

  private maskedHeaders(mask: (value: string) => string): Record<string, string> {
    // A credential header is never shown, even when its value is no secret the redactor knows.
    const masked = (k: string, v: string) => (SECRET_HEADERS.has(k.toLowerCase()) && mask(v) === v ? '[masked]' : mask(v));
    return Object.fromEntries(Object.entries(this.request.headers).map(([k, v]) => [k, masked(k, v)]));
  }

  private maskedBody(): string | undefined {
    return this.request.body === undefined ? undefined : this.redactor.text(maskBodyText(this.request.body, this.redactor));
  }

  private tlsOptions(): string[] {
    const { ca, insecure, certificate: c } = this.tls;
    const out = [...(insecure ? ['-k'] : []), ...(ca ? ['--cacert', shellWord(ca)] : [])];
    if (c && 'pkcs12' in c) out.push('--cert-type', 'P12', '--cert', shellWord(`${curlFile(c.pkcs12)}${this.passphrase(c.passphrase, ':')}`));
    else if (c) out.push('--cert', shellWord(curlFile(c.cert)), '--key', shellWord(c.key), ...(c.passphrase ? ['--pass', shellWord(this.passphrase(c.passphrase, ''))] : []));
    // A certificate the harness made in memory has no file to name.
    else if (this.request.certificate) out.push('--cert', shellWord(`<${this.request.certificate}>`));
    return out;
  }

  private passphrase(value: string | undefined, prefix: string): string {
    if (value === undefined) return '';
    const masked = this.redactor.shell(value);
    return `${prefix}${masked === value ? '[masked passphrase]' : masked}`;
  }
}

/** The body as sent, unless a secret field in it had to be masked: written again, a JSON body may differ
 *  from the bytes sent (spacing, escapes, repeated names), and the curl line must send those bytes. */
function maskBodyText(body: string, r: Redactor): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const masked = r.json(parsed);
    return isDeepStrictEqual(masked, parsed) ? body : JSON.stringify(masked);
  } catch {
    return body;
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n)}… (${s.length} characters)`;
}

/** curl reads "file:passphrase" after --cert: a colon in the file's path is escaped. */
function curlFile(path: string): string {
  return path.replaceAll(':', '\\:');
}
