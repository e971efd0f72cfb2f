// The family's oracles: one rule each, a ConformanceFailure with expected, received and the exchange.
// Whom a failure blames is decided by the caller (`attribute`), so one oracle serves several requirements.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { ConformanceFailure, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { answered, notAServerError } from '../../../harness/oracles/server-error.ts';
import { bodyOf, GATEWAY_ERRORS, gatewayError, KMS_ERROR_MESSAGES, kmsErrorCode, shownBody, successData, type Json } from './answers.ts';
import type { Expectations } from './expectations.ts';

const received = (ex: Exchange): string => (ex.response ? `HTTP ${ex.response.status} ${shownBody(ex)}` : `no answer: ${ex.error}`);

/** A documented request was served: an answer that is a success by the lenient reading. */
export function succeeds(ex: Exchange, what = 'the call'): Json {
  answered(ex);
  const data = successData(ex);
  if (data) return data;
  throw new ConformanceFailure({ oracle: 'succeeds', title: `${what} was not served`, expected: 'a success: 2xx, code SUCCESS, a data object', received: received(ex), exchange: ex });
}

/** A string field of a success's data (a list of strings with `list`). */
export function field(ex: Exchange, data: Json, name: string): string {
  const value = data[name];
  ensure(typeof value === 'string' && value.length > 0, { oracle: 'field', title: `data.${name} missing`, expected: `data.${name}, a non-empty string`, received: shownBody(ex), exchange: ex });
  return value;
}

export function listField(ex: Exchange, data: Json, name: string, length: number): string[] {
  const value = data[name];
  const ok = Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string');
  ensure(ok, { oracle: 'listField', title: `data.${name} missing or of the wrong length`, expected: `data.${name}, ${length} strings`, received: shownBody(ex), exchange: ex });
  return value as string[];
}

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
export function refusedByGateway(ex: Exchange): void {
  answered(ex);
  const status = ex.response!.status;
  ensure(status >= 400 && status < 500 && !successData(ex), { oracle: 'refusedByGateway', title: 'Request not refused by the gateway', expected: 'an HTTP 4xx refusal before KMS answers', received: received(ex), exchange: ex });
}

/** The gateway's refusal in its documented body (NCP-GW-ERR-002, NCP-GW-ERR-003), strict where pinned. */
export function gatewayBody(ex: Exchange, e: Expectations): void {
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
