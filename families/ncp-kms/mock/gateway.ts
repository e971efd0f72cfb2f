// The API Gateway in front of KMS: it routes /keys/{v1|v2}/{keyTag}/{action} and authenticates every call
// by its dedicated headers and signature (auth/signer.ts) before KMS sees it, answering what it refuses with
// its own error body {"error": {errorCode, message, details}}.
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  GATEWAY_HEADERS, signature, signatureHeader, TIMESTAMP_WINDOW_MS,
  type GatewayCredentials, type SignatureVersion, type SigningInput,
} from '../auth/signer.ts';
import { GATEWAY_ERRORS, KMS_ERRORS, type GatewayErrorName } from './errors.ts';
import type { Faults } from './faults.ts';
import type { Operation, Reply } from './kms.ts';
import type { Personality } from './personality.ts';

export interface Route {
  version: SignatureVersion;
  keyTag: string;
  operation: Operation;
}

const ACTIONS: Readonly<Record<string, Operation>> = {
  encrypt: 'encrypt', decrypt: 'decrypt', createCustomKey: 'createCustomKey', reencrypt: 'reencrypt', 're-encrypt': 'reencrypt', sign: 'sign', verify: 'verify',
};
const PATH = /^\/keys\/(v1|v2)\/([^/]+)\/([^/]+)$/;

export interface GatewayRequest {
  method: string;
  /** path and query as received */
  target: string;
  headers: IncomingHttpHeaders;
}

/** Why a request was refused; the detail goes into `details` and helps whoever reads the mock's answers. */
class Refusal {
  constructor(readonly error: GatewayErrorName, readonly details: string) {}
}

export class Gateway {
  constructor(
    private readonly accounts: ReadonlyMap<string, GatewayCredentials>,
    private readonly clock: () => number,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {}

  /** The route of an authenticated request, or the gateway's refusal. */
  admit(request: GatewayRequest): Route | Reply {
    const route = this.route(request);
    if (route instanceof Refusal) return this.refuse(route, this.faults.has('5xx-on-unknown-action') ? 500 : undefined);
    if (this.faults.isDead(route.version)) return this.refuse(new Refusal('authenticationFailed', `/keys/${route.version}/ is out of order`));
    const refusal = this.authenticate(request, route.version);
    return refusal ? this.refuse(refusal, this.faults.has('auth-failure-500') ? 500 : undefined) : route;
  }

  /** An answer in the gateway's own shape, for what it refuses outside authentication (a body too large). */
  refuse(refusal: { error: GatewayErrorName; details: string }, status?: number): Reply {
    const { status: documented, errorCode, message } = GATEWAY_ERRORS[refusal.error];
    if (this.faults.has('gateway-error-as-kms') && documented === 401) return { status: 401, body: { code: 'UNAUTHORIZED', msg: KMS_ERRORS.UNAUTHORIZED } };
    const details = this.personality.has('gateway-refusals-vary') ? {} : { details: refusal.details };
    return { status: status ?? documented, body: { error: { errorCode, message, ...details } } };
  }

  private route(request: GatewayRequest): Route | Refusal {
    const path = request.target.split('?')[0];
    const match = PATH.exec(path);
    const action = match?.[3];
    const served = action !== undefined && Object.hasOwn(ACTIONS, action) && !(action === 're-encrypt' && this.personality.has('reencrypt-one-spelling'));
    if (!match || !served || request.method !== 'POST') return new Refusal('notFound', `no API ${request.method} ${path}`);
    let keyTag: string;
    try {
      keyTag = decodeURIComponent(match[2]);
    } catch {
      return new Refusal('notFound', 'the key tag is not a valid URL segment');
    }
    return { version: match[1] as SignatureVersion, keyTag, operation: ACTIONS[action] };
  }

  private authenticate(request: GatewayRequest, version: SignatureVersion): Refusal | undefined {
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const timestamp = header(GATEWAY_HEADERS.timestamp);
    const presented = header(signatureHeader(version));
    const missing = this.missingHeader();
    if (timestamp === undefined) return this.faults.has('missing-timestamp-accepted') ? undefined : new Refusal(missing, 'no timestamp');
    if (presented === undefined) return this.faults.has('missing-signature-accepted') ? undefined : new Refusal(missing, 'no signature');
    const account = this.account(header(GATEWAY_HEADERS.accessKey));
    if (account instanceof Refusal) return account;
    const timing = this.checkTimestamp(timestamp);
    if (timing) return timing;
    if (version === 'v1' && header(GATEWAY_HEADERS.apiKey) !== account.apiKey && !this.faults.has('v1-api-key-unchecked')) {
      return new Refusal(header(GATEWAY_HEADERS.apiKey) === undefined ? missing : 'forbidden', 'the API key is missing or not the account\'s');
    }
    return this.checkSignature({ version, method: request.method, pathWithQuery: request.target, timestamp, credentials: account }, presented);
  }

  private account(accessKey: string | undefined): GatewayCredentials | Refusal {
    const primary = [...this.accounts.values()][0];
    if (accessKey === undefined) {
      return this.faults.has('missing-access-key-accepted') ? primary : new Refusal(this.missingHeader(), 'no access key');
    }
    const account = this.accounts.get(accessKey);
    if (account) return account;
    // The fault keeps the access key that was sent, so a signature made with it and the account's secret passes.
    if (this.faults.has('unknown-access-key-accepted')) return { ...primary, accessKey };
    return new Refusal(this.personality.has('gateway-refusals-vary') ? 'permissionDenied' : 'authenticationFailed', 'unknown access key');
  }

  /** A missing dedicated header: 401 Authentication Failed, or 400 Bad Request Exception in the alternate. */
  private missingHeader(): GatewayErrorName {
    return this.personality.has('gateway-refusals-vary') ? 'badRequest' : 'authenticationFailed';
  }

  /** Epoch milliseconds as digits, less than 5 minutes away from the gateway's clock either way. */
  private checkTimestamp(timestamp: string): Refusal | undefined {
    if (this.faults.has('timestamp-unchecked')) return undefined;
    if (!/^[0-9]{1,16}$/.test(timestamp)) return new Refusal('authenticationFailed', 'the timestamp is not epoch milliseconds');
    const drift = Number(timestamp) - this.clock();
    const window = this.faults.has('window-one-minute') ? 60_000 : TIMESTAMP_WINDOW_MS;
    const ahead = drift >= window && !this.faults.has('future-timestamp-unchecked');
    if (ahead) return new Refusal('authenticationFailed', 'the timestamp is 5 minutes or more ahead');
    if (-drift >= window) return new Refusal('authenticationFailed', 'the timestamp is 5 minutes or more behind');
    return undefined;
  }

  private checkSignature(input: SigningInput, presented: string): Refusal | undefined {
    if (this.faults.has('signature-unchecked')) return undefined;
    const v1StringToSign = this.personality.has('v1-sign-without-api-key') ? 'without-api-key' : 'with-api-key';
    const methods = this.faults.has('method-not-signed') ? ['POST', 'GET', 'PUT', 'DELETE'] : [input.method];
    const matches = methods.some((method) => sameText(signature({ ...input, method, v1StringToSign }), presented));
    return matches ? undefined : new Refusal('authenticationFailed', 'the signature does not match');
  }
}

function sameText(expected: string, presented: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
