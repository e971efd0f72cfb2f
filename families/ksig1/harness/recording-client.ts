// The suites' client: a protected request correctly signed or broken, sent by the family's client
// (node:http, so a breaking may give a GET a body) and recorded as the core's Exchange, so evidence,
// masking and curl lines work as for every family. Every signature it sends is taught to the redactor
// before the exchange can be printed: no output shows one, nor the secret key or the auth token.
import { randomBytes } from 'node:crypto';
import { Exchange, type ReceivedResponse } from '../../../harness/http/exchange.ts';
import { Redactor } from '../../../harness/redaction.ts';
import { brokenRequest, type Breaking, type BreakingContext } from '../auth/breakings.ts';
import { HEADERS, signRequest, type Conventions, type ElementName, type RequestToSign, type SignedRequest } from '../auth/signer.ts';
import { Ksig1Client, type Answer, type ProtectedRequest } from '../client.ts';
import type { Ksig1Target } from './target.ts';

const OPERATION = 'protectedRequest';

/** The redactor of a run: the profile's secrets, named after their environment variables where they came from one. */
export function ksig1Redactor(target: Ksig1Target): Redactor {
  const r = new Redactor();
  for (const [value, name] of target.fromEnv) r.fromEnv(value, name);
  const { credentials, fixtures } = target.profile;
  r.add(credentials.secretKey, '[masked secretKey]');
  r.add(credentials.authToken, '[masked authToken]');
  r.add(fixtures?.revokedKey?.secretKey, '[masked revoked secretKey]');
  r.add(fixtures?.revokedKey?.authToken, '[masked revoked authToken]');
  return r;
}

/** Stand-ins the breakings send: fresh per client, masked like real secrets since they play one. */
function breakingContext(target: Ksig1Target, redactor: Redactor): BreakingContext {
  const ctx: BreakingContext = {
    otherSecretKey: randomBytes(33).toString('base64'),
    unknownApiKey: `sb_unknown${randomBytes(8).toString('hex')}`,
    otherAuthToken: `other-token-${randomBytes(12).toString('hex')}`,
    revoked: target.profile.fixtures?.revokedKey,
  };
  redactor.add(ctx.otherSecretKey, '[masked other secretKey]');
  redactor.add(ctx.otherAuthToken, '[masked other authToken]');
  return ctx;
}

export class RecordingClient {
  readonly exchanges: Exchange[] = [];
  readonly ctx: BreakingContext;
  private readonly client: Ksig1Client;

  constructor(private readonly target: Ksig1Target, readonly conventions: Conventions, readonly redactor: Redactor) {
    const { baseUrl, credentials } = target.profile;
    this.client = new Ksig1Client({ baseUrl, credentials, conventions });
    this.ctx = breakingContext(target, redactor);
  }

  /** `request` as signed at one instant with one nonce: a control and its breaking share both. */
  toSign(request: ProtectedRequest, elements: readonly ElementName[]): RequestToSign {
    return { ...this.client.toSign(request, elements), nonce: randomBytes(16).toString('hex') };
  }

  signed(request: ProtectedRequest, toSign: RequestToSign): Promise<Exchange> {
    return this.send(signRequest(toSign), request.contentType);
  }

  broken(request: ProtectedRequest, toSign: RequestToSign, breaking: Breaking): Promise<Exchange> {
    return this.send(brokenRequest(breaking, toSign, this.ctx), request.contentType);
  }

  async send(signed: SignedRequest, contentType?: string): Promise<Exchange> {
    // The part after the scheme word: a bare scheme word (a breaking) is no secret, and masking it would hide it everywhere.
    const auth = signed.headers[HEADERS.authorization] ?? '';
    if (auth.includes(' ')) this.redactor.add(auth.slice(auth.indexOf(' ') + 1), '[masked signature]');
    const sent = { method: signed.method, url: `${this.target.profile.baseUrl}${signed.path}`, headers: { ...signed.headers }, body: signed.body };
    const started = performance.now();
    try {
      const answer = await this.client.send(signed, contentType);
      return this.record(new Exchange(OPERATION, sent, received(answer), undefined, performance.now() - started, this.redactor));
    } catch (e) {
      return this.record(new Exchange(OPERATION, sent, undefined, (e as Error).message, performance.now() - started, this.redactor));
    }
  }

  private record(ex: Exchange): Exchange {
    this.exchanges.push(ex);
    return ex;
  }
}

/** The family client's answer in the core's shape (it keeps the parsed body; the text is rebuilt from it). */
function received(answer: Answer): ReceivedResponse {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const json = typeof answer.body === 'string' ? undefined : answer.body;
  const headers: Record<string, string> = answer.contentType ? { 'content-type': answer.contentType } : {};
  return { status: answer.status, headers, text, json };
}
