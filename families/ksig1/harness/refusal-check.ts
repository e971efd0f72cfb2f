// The one way the family's suites judge a breaking, on the principles of harness/refusal-check.ts: a
// refusal means something only next to the same request, correctly signed, served in the same test. A
// Control exists only when `control()` saw that; the broken request is the control's (same instant, same
// nonce, same elements) with the breaking applied, and is judged by the breaking's outcome and code.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, precondition } from '../../../harness/oracles/conformance-failure.ts';
import { EVERY_REFUSAL, FULL_ELEMENTS, type Breaking } from '../auth/breakings.ts';
import { AUTH_ERRORS, type AuthErrorCode } from '../auth/errors.ts';
import type { ElementName, RequestToSign } from '../auth/signer.ts';
import type { ProtectedRequest } from '../client.ts';
import { observe, type Expectations } from './expectations.ts';
import { isServed, served, shown } from './oracles.ts';
import { notServed, refusalBody, refusalCode, refusalStatus } from './refusal-oracles.ts';
import type { RecordingClient } from './recording-client.ts';

const [STATUS, BODY, MESSAGE] = EVERY_REFUSAL;

/** A correctly signed request that was served in this test. */
export interface Control {
  readonly client: RecordingClient;
  readonly request: ProtectedRequest;
  readonly toSign: RequestToSign;
  readonly exchange: Exchange;
}

const issued = new WeakSet<Control>();

export class MissingControlError extends Error {}

/** Sends `request` signed over `elements`; it must be served, else the test is not covered. */
export function control(client: RecordingClient, request: ProtectedRequest, elements: readonly ElementName[] = FULL_ELEMENTS): Promise<Control> {
  return precondition(async () => {
    const toSign = client.toSign(request, elements);
    const exchange = await client.signed(request, toSign);
    served(exchange, `the positive control (${request.method} ${request.path})`);
    const c: Control = { client, request, toSign, exchange };
    issued.add(c);
    return c;
  });
}

/** The control of a breaking: the request signed over the breaking's elements. */
export const controlOf = (client: RecordingClient, request: ProtectedRequest, breaking: Breaking) => control(client, request, breaking.elements ?? FULL_ELEMENTS);

function sendBroken(c: Control, breaking: Breaking): Promise<Exchange> {
  if (!issued.has(c)) throw new MissingControlError('a breaking was judged without a positive control made by control() in this test');
  // The control's signing input: the breaking signs what the control signed, at the same instant.
  return c.client.broken(c.request, c.toSign, breaking);
}

/** The codes the check takes: the documented one when pinned (or when the documents name it), else the accepted ones. */
function acceptedCodes(breaking: Breaking, e: Expectations): readonly AuthErrorCode[] {
  return e.strict(...breaking.requirements) || !breaking.acceptedCodes ? [breaking.code] : breaking.acceptedCodes;
}

/** KSIG-ERR-MSG-001 pinned: the document's example message (a missing header's names some header;
 *  AUTH_INVALID_HEADER's only for a wrong scheme word, its details are free otherwise). */
function exampleMessage(breaking: Breaking, code: string, message: string): boolean {
  if (code === 'AUTH_MISSING_HEADER') return /^Required header '[^']+' is missing from the request\.$/.test(message);
  if (code === 'AUTH_INVALID_HEADER' && breaking.name !== 'wrong-scheme') return true;
  return AUTH_ERRORS[code as AuthErrorCode] === message;
}

/** A documented refusal: 401, the errors body, an accepted code, the message judged as pinned. */
async function judgeRefusal(ex: Exchange, breaking: Breaking, e: Expectations, blame: readonly string[]): Promise<void> {
  await attribute(STATUS, () => refusalStatus(ex));
  const error = await attribute(BODY, () => refusalBody(ex));
  await attribute(blame, () => refusalCode(ex, error.code, acceptedCodes(breaking, e)));
  e.pinned(MESSAGE, exampleMessage(breaking, error.code, error.message), {
    oracle: 'refusalMessage', title: 'Refusal message other than the document\'s example', expected: AUTH_ERRORS[error.code as AuthErrorCode] ?? 'the example', received: error.message, exchange: ex,
  });
}

/** The control's request, broken, is refused with the documented code. */
export async function expectRefused(c: Control, breaking: Breaking, e: Expectations): Promise<Exchange> {
  const ex = await sendBroken(c, breaking);
  await attribute(breaking.requirements, () => notServed(ex, breaking.description));
  await judgeRefusal(ex, breaking, e, breaking.requirements);
  return ex;
}

/** Where the documents allow either: served (what a pinned profile requires), or a documented refusal
 *  with an accepted code, recorded. Every check blames the breaking's own requirements. */
export async function expectServedOrRefused(c: Control, breaking: Breaking, e: Expectations): Promise<Exchange> {
  const ex = await sendBroken(c, breaking);
  await attribute(breaking.requirements, async () => {
    if (e.strict(...breaking.requirements) || isServed(ex)) return served(ex, breaking.description);
    refusalStatus(ex);
    refusalCode(ex, refusalBody(ex).code, acceptedCodes(breaking, e));
    observe(breaking.requirements.join(', '), `refused ${breaking.description}: ${shown(ex)}`);
  });
  return ex;
}
