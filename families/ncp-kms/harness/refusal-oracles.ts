// The refusal oracles, for refusal-check.ts alone: a suite judges a refusal only through it, after the
// positive control (tests/ncp-kms/suites.test.ts checks that no suite imports this file).
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, ConformanceFailure, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { answered, notAServerError } from '../../../harness/oracles/server-error.ts';
import { bodyOf, GATEWAY_ERRORS, gatewayError, KMS_ERROR_MESSAGES, kmsErrorCode, successData } from './answers.ts';
import type { Expectations } from './expectations.ts';
import { received } from './oracles.ts';

/** Refused as the documents allow: never a success or a 5xx; the KMS envelope with a documented code
 *  (HTTP 200 or 4xx) or the gateway's error body (4xx). */
export function refused(ex: Exchange): void {
  notAServerError(ex);
  const status = ex.response!.status;
  if (successData(ex) || (status < 300 && bodyOf(ex)?.code === undefined && !gatewayError(ex))) {
    throw new ConformanceFailure({ oracle: 'refused', title: 'Accepted where a refusal was due', expected: 'a refusal (a KMS error code or the gateway\'s error body)', received: received(ex), exchange: ex });
  }
  if (gatewayError(ex) && status >= 400) return;
  const code = kmsErrorCode(ex);
  const documented = code !== undefined && code !== 'INTERNAL_SERVER_ERROR' && Object.hasOwn(KMS_ERROR_MESSAGES, code);
  ensure(documented, { oracle: 'refused', title: 'Refusal without a documented code', expected: 'code one of the documented KMS error codes (not INTERNAL_SERVER_ERROR)', received: received(ex), exchange: ex });
  ensure(status === 200 || (status >= 400 && status < 500), { oracle: 'refused', title: 'Refusal with an unexpected status', expected: 'HTTP 200 or 4xx', received: `HTTP ${status}`, exchange: ex });
}

/** The gateway refused the request (NCP-GW-ERR-001): a 4xx, not a success. */
function refusedByGateway(ex: Exchange): void {
  answered(ex);
  const status = ex.response!.status;
  ensure(status >= 400 && status < 500 && !successData(ex), { oracle: 'refusedByGateway', title: 'Request not refused by the gateway', expected: 'an HTTP 4xx refusal before KMS answers', received: received(ex), exchange: ex });
}

/** The gateway's refusal in its documented body (NCP-GW-ERR-002, NCP-GW-ERR-003), strict where pinned. */
function gatewayBody(ex: Exchange, e: Expectations): void {
  const error = gatewayError(ex);
  const status = ex.response!.status;
  const shaped = typeof error?.errorCode === 'string' && typeof error.message === 'string';
  ensure(shaped, { oracle: 'gatewayBody', title: 'Gateway refusal without its error body', expected: '{"error": {"errorCode", "message", "details"}}', received: received(ex), exchange: ex, requirements: ['NCP-GW-ERR-003'] });
  e.pinned('NCP-GW-ERR-003', typeof error!.details === 'string', { oracle: 'gatewayBody', title: 'Gateway refusal without details', expected: 'error.details, a string', received: JSON.stringify(error), exchange: ex });
  const auth = (code: string) => GATEWAY_ERRORS.find((g) => g.errorCode === code)!;
  const allowed = ['200', '210', '230', '100'].map(auth);
  const matches = (g: { status: number; errorCode: string; message: string }) => g.status === status && g.errorCode === error!.errorCode && g.message === error!.message;
  ensure(allowed.some(matches), { oracle: 'gatewayBody', title: 'Authentication refusal outside the gateway table', expected: allowed.map((g) => `${g.status} ${g.errorCode} ${g.message}`).join(' or '), received: `${status} ${JSON.stringify(error)}`, exchange: ex, requirements: ['NCP-GW-ERR-002'] });
  e.pinned('NCP-GW-ERR-002', matches(auth('200')), { oracle: 'gatewayBody', title: 'Authentication refusal other than 401 Authentication Failed', expected: '401 {"errorCode":"200","message":"Authentication Failed"}', received: `${status} ${JSON.stringify(error)}`, exchange: ex });
}

/** An authentication refusal: not served (the breaking's own requirements), a 4xx from the gateway
 *  (NCP-GW-ERR-001), in its documented body (NCP-GW-ERR-002, NCP-GW-ERR-003). */
export async function refusedAtGateway(ex: Exchange, own: string | readonly string[] | undefined, e: Expectations): Promise<void> {
  const notServed = () => {
    if (successData(ex)) throw new ConformanceFailure({ oracle: 'refusedAtGateway', title: 'Broken request served', expected: 'a refusal by the gateway', received: received(ex), exchange: ex });
  };
  await (own ? attribute(own, notServed) : notServed());
  await attribute('NCP-GW-ERR-001', () => refusedByGateway(ex));
  gatewayBody(ex, e);
}
