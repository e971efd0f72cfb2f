// One request and what came back: the unit of evidence. Its printable forms are masked by the
// client's redactor, so evidence can go anywhere (failure messages, report, console).
import type { Redactor } from '../redaction.ts';
import { SECRET_HEADERS } from '../redaction.ts';

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

export class Exchange {
  constructor(
    readonly operationId: string | undefined,
    readonly request: SentRequest,
    readonly response: ReceivedResponse | undefined,
    /** a network or TLS error instead of a response */
    readonly error: string | undefined,
    readonly ms: number,
    private readonly redactor: Redactor,
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
    const maskHeader = (k: string, v: string) => {
      const t = r.text(v);
      return SECRET_HEADERS.has(k.toLowerCase()) && t === v ? '[masked]' : t;
    };
    const headers = Object.fromEntries(Object.entries(this.request.headers).map(([k, v]) => [k, maskHeader(k, v)]));
    const request = { ...this.request, url: r.text(this.request.url), headers, body: this.request.body === undefined ? undefined : r.text(maskBodyText(this.request.body, r)) };
    const response = this.response && {
      ...this.response,
      text: this.response.json === undefined ? r.text(this.response.text) : JSON.stringify(r.json(this.response.json)),
      json: r.json(this.response.json),
    };
    return { request, response, error: this.error && r.text(this.error), ms: Math.round(this.ms) };
  }

  /** A curl command that repeats the request, secrets as the environment variables they came from. */
  curl(): string {
    const m = this.masked().request;
    const parts = ['curl', '-sS', '-X', m.method];
    for (const [k, v] of Object.entries(m.headers)) parts.push('-H', shellQuote(`${k}: ${v}`));
    if (m.certificate) parts.push('--cert-type', 'P12', '--cert', shellQuote(`<${m.certificate}>`));
    if (m.body !== undefined) parts.push('--data-binary', shellQuote(truncate(m.body, 300)));
    parts.push(shellQuote(m.url));
    return parts.join(' ');
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
}

function maskBodyText(body: string, r: Redactor): string {
  try {
    return JSON.stringify(r.json(JSON.parse(body)));
  } catch {
    return body;
  }
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n)}… (${s.length} characters)`;
}

function shellQuote(s: string): string {
  // $ stays unquoted inside double quotes so ${ENV} placeholders expand for whoever has them set.
  return `"${s.replace(/(["\\`])/g, '\\$1')}"`;
}
