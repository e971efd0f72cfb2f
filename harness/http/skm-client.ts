// Talks to the target: builds each call from the generated operation catalogue (path template,
// version, which credentials), sends it over real HTTP(S) with undici, and records every exchange
// as evidence. Per-call options take away or alter any credential, for the negative tests.
import { Agent, request } from 'undici';
import { readFileSync } from 'node:fs';
import { operations } from '../../generated/skm/operations.ts';
import type { OperationRecord } from '../../generators/operation-catalogue.ts';
import type { LoadedTarget } from '../profile/load-target.ts';
import { Exchange, type CurlTls, type ReceivedResponse } from './exchange.ts';
import type { Redactor } from '../redaction.ts';
import { LimitExceeded, markLimitExceeded, readBounded, responseLimits, tooSlow, type Progress, type ResponseLimits } from './limits.ts';
import { runBreaker, type Breaker } from './breaker.ts';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A client certificate: files named by the profile (PKCS#12, or PEM certificate and key), or PEM made
 *  in memory by the harness (foreign certificates). */
export type ClientCertificate =
  | { name: string; pkcs12: string; passphrase?: string }
  | { name: string; cert: string; key: string; passphrase?: string }
  | { name: string; certPem: string; keyPem: string };

/** The client certificate a profile field describes, under that field's name. */
export function profileCertificate(field: string, c: { pkcs12?: string; passphrase?: string; cert?: string; key?: string }): ClientCertificate {
  return c.pkcs12 ? { name: field, pkcs12: c.pkcs12, passphrase: c.passphrase } : { name: field, cert: c.cert!, key: c.key!, passphrase: c.passphrase };
}

export interface CallOptions {
  keyId?: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /** sent as is instead of JSON.stringify(body) */
  rawBody?: string;
  /** null sends no Content-Type */
  contentType?: string | null;
  appkey?: string;
  /** null sends no v1.2 credential headers; default: the profile's on v1.2 */
  credentials?: Credentials | null;
  /** X-TOAST-CLIENT-MAC-ADDR */
  mac?: string;
  certificate?: ClientCertificate;
  /** over the profile's plainBaseUrl */
  plain?: boolean;
  headers?: Record<string, string>;
  /** header names (lower case) to leave out of what would otherwise be sent */
  omitHeaders?: string[];
  /** housekeeping (deleting what the harness made): kept out of the test's evidence */
  housekeeping?: boolean;
}

const byId = new Map(operations.map((o) => [o.operationId, o]));

export function operationRecord(operationId: string): OperationRecord {
  const op = byId.get(operationId);
  if (!op) throw new Error(`unknown operationId ${operationId}`);
  return op;
}

export function operationId(operation: string, version: string): string {
  return `${operation}_${version.replace('.', '_')}`;
}

/** A connection that takes longer than this is not coming; undici's own header and body timers are off,
 *  as limits.responseSeconds bounds the whole request. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Evidence kept per test: the latest exchanges (a property run makes thousands). */
const KEPT_EXCHANGES = 100;

export class SkmClient {
  readonly exchanges: Exchange[] = [];
  private readonly agents = new Map<string, Agent>();
  private readonly ca: string | undefined;
  readonly limits: ResponseLimits;

  constructor(
    readonly target: LoadedTarget,
    readonly redactor: Redactor,
    private readonly breaker: Breaker = runBreaker(),
  ) {
    const ca = target.profile.tls?.ca;
    this.ca = ca ? readFileSync(target.file(ca), 'utf8') : undefined;
    this.limits = responseLimits(target.profile);
  }

  private agent(cert: ClientCertificate | undefined): Agent {
    const key = cert ? cert.name : '';
    let agent = this.agents.get(key);
    if (!agent) {
      const tls: Record<string, unknown> = { rejectUnauthorized: this.target.profile.tls?.insecureSkipVerify !== true };
      if (this.ca) tls.ca = this.ca;
      if (cert && 'pkcs12' in cert) Object.assign(tls, { pfx: readFileSync(this.target.file(cert.pkcs12)), passphrase: cert.passphrase });
      if (cert && 'cert' in cert) Object.assign(tls, { cert: readFileSync(this.target.file(cert.cert)), key: readFileSync(this.target.file(cert.key)), passphrase: cert.passphrase });
      if (cert && 'certPem' in cert) Object.assign(tls, { cert: cert.certPem, key: cert.keyPem });
      const timeout = Math.min(CONNECT_TIMEOUT_MS, this.limits.seconds * 1000);
      agent = new Agent({ connect: { ...tls, timeout }, headersTimeout: 0, bodyTimeout: 0 });
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** Calls one operation of the spec. */
  call(operationId: string, opts: CallOptions = {}): Promise<Exchange> {
    const op = operationRecord(operationId);
    const appkey = opts.appkey ?? this.target.profile.appkey;
    let path = op.path.replace('{appkey}', encodeURIComponent(appkey));
    if (op.pathParams.includes('keyid')) path = path.replace('{keyid}', encodeURIComponent(opts.keyId ?? ''));
    const query = Object.entries(opts.query ?? {});
    if (query.length > 0) path += `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)]))}`;
    const credentials = opts.credentials === undefined ? (op.version === 'v1.2' ? this.target.profile.credentials : undefined) : opts.credentials;
    return this.send(op.method, path, { ...opts, credentials }, operationId);
  }

  /** Sends any method and raw path (robustness checks); credentials only when given. */
  async send(method: string, path: string, opts: CallOptions = {}, operationId?: string): Promise<Exchange> {
    const base = opts.plain ? this.target.profile.plainBaseUrl : this.target.profile.baseUrl;
    if (!base) throw new Error('the target profile has no plainBaseUrl');
    const url = `${base}${path}`;
    const headers: Record<string, string> = {};
    const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (body !== undefined && opts.contentType !== null) headers['content-type'] = opts.contentType ?? 'application/json';
    if (opts.credentials) {
      headers['x-tc-authentication-id'] = opts.credentials.accessKeyId;
      headers['x-tc-authentication-secret'] = opts.credentials.secretAccessKey;
    }
    if (opts.mac !== undefined) headers['x-toast-client-mac-addr'] = opts.mac;
    Object.assign(headers, opts.headers);
    for (const name of opts.omitHeaders ?? []) delete headers[name];
    const sent = { method, url, headers, body, certificate: opts.certificate?.name };
    const started = performance.now();
    const tls = this.curlTls(opts.certificate);
    let exchange: Exchange;
    try {
      const received = await this.receive(url, method, headers, body, opts.certificate);
      this.redactor.learn(received.json, body);
      exchange = new Exchange(operationId, sent, received, undefined, performance.now() - started, this.redactor, tls);
    } catch (e) {
      const err = e as Error & { code?: string };
      const error = `${err.code ?? err.name}: ${err.message}`;
      exchange = new Exchange(operationId, sent, undefined, error, performance.now() - started, this.redactor, tls);
      if (e instanceof LimitExceeded) markLimitExceeded(exchange);
    }
    if (!opts.housekeeping) this.exchanges.push(exchange);
    if (this.exchanges.length > KEPT_EXCHANGES) this.exchanges.shift();
    return exchange;
  }

  /** One request within the bounds: the breaker may refuse to send it, the body is read up to
   *  limits.responseBytes, and the whole of it gets limits.responseSeconds. */
  private async receive(url: string, method: string, headers: Record<string, string>, body: string | undefined, cert: ClientCertificate | undefined): Promise<ReceivedResponse> {
    const refused = this.breaker.openReason();
    if (refused) throw new LimitExceeded('SKM_TARGET_NOT_ANSWERING', refused);
    const signal = AbortSignal.timeout(this.limits.seconds * 1000);
    const progress: Progress = { bytes: 0 };
    try {
      const res = await request(url, { method: method as 'GET', headers, body, dispatcher: this.agent(cert), signal });
      progress.status = res.statusCode;
      const text = await readBounded(res.body, headerValue(res.headers['content-length']), this.limits, progress);
      this.breaker.record(undefined);
      const resHeaders = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
      return { status: res.statusCode, headers: resHeaders, text, json: parseJson(text) };
    } catch (e) {
      const timedOut = signal.aborted || (e as { code?: string }).code === 'UND_ERR_CONNECT_TIMEOUT';
      const error = timedOut ? tooSlow(this.limits, progress) : e;
      this.breaker.record(timedOut ? (error as Error).message : undefined);
      throw error;
    }
  }

  /** The TLS files a curl line needs to reach the target as a call with this certificate did. */
  private curlTls(cert: ClientCertificate | undefined): CurlTls {
    const { ca, insecureSkipVerify } = this.target.profile.tls ?? {};
    const file = (relative: string) => this.target.file(relative);
    const certificate = cert && 'pkcs12' in cert ? { pkcs12: file(cert.pkcs12), passphrase: cert.passphrase } : cert && 'cert' in cert ? { cert: file(cert.cert), key: file(cert.key), passphrase: cert.passphrase } : undefined;
    return { ca: ca === undefined ? undefined : this.target.file(ca), insecure: insecureSkipVerify, certificate };
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close()));
    this.agents.clear();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
