// A minimal NAVER Cloud KMS client: one signed POST of an action, with the answer as received. It signs
// with auth/signer.ts and can send a named breaking of the signature instead (auth/breakings.ts), so the
// family's tests and, later, its valid calls and auth-failure suite share one way of making requests.
import { brokenHeaders, DEFAULT_CLOCK_MARGIN_MS, type Breaking } from './auth/breakings.ts';
import { signedHeaders, signingInput, type GatewayCredentials, type SignatureVersion, type V1StringToSign } from './auth/signer.ts';

export type Action = 'encrypt' | 'decrypt' | 'createCustomKey' | 'reencrypt' | 're-encrypt' | 'sign' | 'verify';

export interface ClientOptions {
  baseUrl: string;
  credentials: GatewayCredentials;
  v1StringToSign?: V1StringToSign;
  /** the signing clock; default Date.now */
  clock?: () => number;
}

export interface CallOptions {
  version?: SignatureVersion;
  /** send this breaking of the signature instead of a correct one */
  breaking?: Breaking;
  /** a body sent as is (a string is not JSON-encoded) */
  rawBody?: string;
  /** the request target to sign and send instead of /keys/{version}/{keyTag}/{action} */
  target?: string;
}

export interface Answer {
  status: number;
  contentType: string | null;
  /** the parsed JSON body, or the text when it is not JSON */
  body: unknown;
}

export class NcpKmsClient {
  constructor(private readonly options: ClientOptions) {}

  async call(keyTag: string, action: Action, body: unknown, call: CallOptions = {}): Promise<Answer> {
    const version = call.version ?? 'v2';
    const target = call.target ?? `/keys/${version}/${encodeURIComponent(keyTag)}/${action}`;
    const { credentials, v1StringToSign } = this.options;
    const now = (this.options.clock ?? Date.now)();
    const input = signingInput({ version, method: 'POST', pathWithQuery: target, credentials, v1StringToSign, now });
    const context = { now, marginMs: DEFAULT_CLOCK_MARGIN_MS, otherSecretKey: `${credentials.secretKey}x`, unknownAccessKey: 'NCPUNKNOWNACCESSKEY0' };
    const headers = call.breaking ? brokenHeaders(call.breaking, input, context) : signedHeaders(input);
    const response = await fetch(`${this.options.baseUrl}${target}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: call.rawBody ?? JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type'), body: parseJson(text) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
