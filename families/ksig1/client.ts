// A minimal KSig1 client: one request, correctly signed or broken as a named breaking says, with the
// answer as received. node:http rather than fetch, so a breaking can send what fetch refuses (a GET with
// a body). The family's tests and, later, its auth-failure suite share this one way of making requests.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brokenRequest, FULL_ELEMENTS, type Breaking, type BreakingContext } from './auth/breakings.ts';
import { signRequest, type Conventions, type Credentials, type ElementName, type RequestToSign, type SignedRequest } from './auth/signer.ts';

/** A protected request of the target profile (`controls`). */
export interface ProtectedRequest {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

export interface ClientOptions {
  baseUrl: string;
  credentials: Credentials;
  conventions?: Partial<Conventions>;
  /** the signing clock in epoch milliseconds; default Date.now */
  clock?: () => number;
  /** the whole request, connection to last byte; default 20 s, so a target that stops answering fails the request, not the run */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export interface Answer {
  status: number;
  contentType: string | undefined;
  /** the parsed JSON body, or the text when it is not JSON */
  body: unknown;
}

export class Ksig1Client {
  constructor(private readonly options: ClientOptions) {}

  /** What `target` is, signed with these credentials over `elements` (default every element). */
  toSign(target: ProtectedRequest, elements: readonly ElementName[] = FULL_ELEMENTS): RequestToSign {
    const { credentials, conventions } = this.options;
    return { ...target, credentials, conventions, elements, now: (this.options.clock ?? Date.now)() };
  }

  /** `target` correctly signed. */
  signed(target: ProtectedRequest, elements?: readonly ElementName[]): Promise<Answer> {
    return this.send(signRequest(this.toSign(target, elements)), target.contentType);
  }

  /** `target` broken as `breaking` says. */
  broken(target: ProtectedRequest, breaking: Breaking, ctx: BreakingContext): Promise<Answer> {
    return this.send(brokenRequest(breaking, this.toSign(target), ctx), target.contentType);
  }

  send(signed: SignedRequest, contentType = 'application/json'): Promise<Answer> {
    const url = new URL(`${this.options.baseUrl}${signed.path}`);
    const headers: Record<string, string> = { ...signed.headers };
    if (signed.body !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = String(Buffer.byteLength(signed.body)); // node sends a GET's body unframed otherwise
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, { method: signed.method, headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: parseJson(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(signed.body);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
