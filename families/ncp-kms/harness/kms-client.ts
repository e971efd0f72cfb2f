// The suites' client: one signed POST of an action (or a named breaking of its signature), recorded as
// the core's Exchange, so evidence, masking and curl lines work as for every family. Every signature it
// sends is taught to the redactor before the exchange can be printed: no output shows one.
import { Exchange } from '../../../harness/http/exchange.ts';
import type { Redactor } from '../../../harness/redaction.ts';
import { brokenHeaders, type Breaking, type BreakingContext } from '../auth/breakings.ts';
import {
  GATEWAY_HEADERS, signedHeaders, signingInput, type SignatureVersion, type V1StringToSign,
} from '../auth/signer.ts';
import type { Action } from '../client.ts';
import type { NcpTarget } from './target.ts';

export type { Action } from '../client.ts';

/** One request: which key, action and variant, and what to send. */
export interface KmsCall {
  keyTag: string;
  action: Action;
  version: SignatureVersion;
  /** a JSON body; `rawBody` wins over it */
  body?: unknown;
  /** sent as is */
  rawBody?: string;
  /** sent instead of a correct signature */
  breaking?: Breaking;
  /** the path to sign and send instead of /keys/{version}/{keyTag}/{action} */
  path?: string;
}

const REQUEST_SECONDS = 20;
const UNKNOWN_ACCESS_KEY = 'NCPUNKNOWNACCESSKEY0';
const DEFAULT_MARGIN_MS = 30_000;

export class KmsClient {
  readonly exchanges: Exchange[] = [];
  /** how signature v1 is signed: the profile's pin, or what the gateway took (learnt by the first v1 call) */
  v1StringToSign: V1StringToSign | undefined;

  constructor(private readonly target: NcpTarget, readonly redactor: Redactor) {
    this.v1StringToSign = target.profile.gateway?.v1StringToSign;
  }

  get clockMarginMs(): number {
    return this.target.profile.gateway?.clockMarginMs ?? DEFAULT_MARGIN_MS;
  }

  async send(call: KmsCall): Promise<Exchange> {
    if (call.version === 'v1' && this.v1StringToSign === undefined && !call.breaking) return this.learnV1(call);
    return this.sendSigned(call, this.v1StringToSign);
  }

  /** Unpinned v1 (NCP-V1-GEN-001): signed with the API key, then without it if the gateway refused that. */
  private async learnV1(call: KmsCall): Promise<Exchange> {
    const first = await this.sendSigned(call, 'with-api-key');
    if (!isGatewayRefusal(first)) return this.learnt(first, 'with-api-key');
    const second = await this.sendSigned(call, 'without-api-key');
    return isGatewayRefusal(second) ? first : this.learnt(second, 'without-api-key');
  }

  private learnt(ex: Exchange, how: V1StringToSign): Exchange {
    this.v1StringToSign = how;
    return ex;
  }

  private async sendSigned(call: KmsCall, v1StringToSign: V1StringToSign | undefined): Promise<Exchange> {
    const { baseUrl, credentials } = this.target.profile;
    const path = call.path ?? `/keys/${call.version}/${encodeURIComponent(call.keyTag)}/${call.action}`;
    const now = Date.now();
    const input = signingInput({ version: call.version, method: 'POST', pathWithQuery: path, credentials, v1StringToSign, now });
    const headers = call.breaking ? brokenHeaders(call.breaking, input, this.breakingContext(now)) : signedHeaders(input);
    for (const name of [GATEWAY_HEADERS.signatureV1, GATEWAY_HEADERS.signatureV2]) {
      if (headers[name]) this.redactor.add(headers[name], '[masked signature]');
    }
    const body = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    const request = { method: 'POST', url: `${baseUrl}${path}`, headers: { ...headers, 'content-type': 'application/json' }, body };
    const started = performance.now();
    try {
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body, signal: AbortSignal.timeout(REQUEST_SECONDS * 1000) });
      const text = await response.text();
      const received = { status: response.status, headers: Object.fromEntries(response.headers), text, json: parseJson(text) };
      return this.record(new Exchange(`${call.action}_${call.version}`, request, received, undefined, performance.now() - started, this.redactor));
    } catch (e) {
      return this.record(new Exchange(`${call.action}_${call.version}`, request, undefined, (e as Error).message, performance.now() - started, this.redactor));
    }
  }

  private breakingContext(now: number): BreakingContext {
    const { secretKey } = this.target.profile.credentials;
    return { now, marginMs: this.clockMarginMs, otherSecretKey: `${secretKey}x`, unknownAccessKey: UNKNOWN_ACCESS_KEY };
  }

  private record(ex: Exchange): Exchange {
    // A data key createCustomKey hands out is key material: masked wherever it turns up later.
    const plainKey = (ex.response?.json as { data?: { plaintext?: unknown } } | undefined)?.data?.plaintext;
    if (ex.operationId?.startsWith('createCustomKey') && typeof plainKey === 'string') this.redactor.addKey(plainKey, 'base64', '[masked data key]');
    this.exchanges.push(ex);
    return ex;
  }
}

/** The gateway's own refusal: a 4xx with its {"error": {...}} body. */
export function isGatewayRefusal(ex: Exchange): boolean {
  const status = ex.response?.status ?? 0;
  return status >= 400 && status < 500 && typeof (ex.response?.json as { error?: unknown } | undefined)?.error === 'object';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
