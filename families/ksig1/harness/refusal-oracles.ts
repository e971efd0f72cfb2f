// The oracles of a refusal, used only by the control-first refusal check (refusal-check.ts), so that no
// suite judges a refusal without its positive control. One rule each; the caller decides whom it blames.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import { answered } from '../../../harness/oracles/server-error.ts';
import { AUTH_ERROR_STATUS, type AuthErrorCode } from '../auth/errors.ts';
import { isServed, shown } from './oracles.ts';

/** The first error of a documented refusal body, or undefined. */
export function firstError(ex: Exchange): { code: string; message: string } | undefined {
  const errors = (ex.response?.json as { errors?: unknown } | undefined)?.errors;
  const first = Array.isArray(errors) ? (errors[0] as { code?: unknown; message?: unknown } | undefined) : undefined;
  const shaped = typeof first?.code === 'string' && typeof first.message === 'string' && first.message.length > 0;
  return shaped ? { code: first.code as string, message: first.message as string } : undefined;
}

export function notServed(ex: Exchange, what: string): void {
  answered(ex);
  ensure(!isServed(ex), { oracle: 'refused', title: 'Broken request served', expected: `a refusal (${what})`, received: shown(ex), exchange: ex });
}

/** KSIG-ERR-STS-001: every refusal is HTTP 401. */
export function refusalStatus(ex: Exchange): void {
  const status = ex.response!.status;
  ensure(status === AUTH_ERROR_STATUS, { oracle: 'refusalStatus', title: 'Refusal other than HTTP 401', expected: `HTTP ${AUTH_ERROR_STATUS}`, received: shown(ex), exchange: ex });
}

/** KSIG-ERR-BODY-001: {"errors": [{"code", "message"}]}. */
export function refusalBody(ex: Exchange): { code: string; message: string } {
  const error = firstError(ex);
  ensure(error, { oracle: 'refusalBody', title: 'Refusal without the documented body', expected: '{"errors": [{"code": "...", "message": "..."}]}', received: shown(ex), exchange: ex });
  return error;
}

/** The refusal's code is one of `accepted`. */
export function refusalCode(ex: Exchange, code: string, accepted: readonly AuthErrorCode[]): void {
  ensure((accepted as readonly string[]).includes(code), { oracle: 'refusalCode', title: 'Refusal with the wrong code', expected: accepted.join(' or '), received: code, exchange: ex });
}
