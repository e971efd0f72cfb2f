// The family's oracles: one rule each, a ConformanceFailure with expected, received and the exchange.
// Whom a failure blames is decided by the caller (`attribute`), so one oracle serves several requirements.
// The refusal oracles live apart (refusal-oracles.ts): only the control-first refusal check uses them.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import { answered } from '../../../harness/oracles/server-error.ts';
import { authErrorCode } from '../auth/errors.ts';

export const shown = (ex: Exchange): string => {
  const m = ex.masked();
  return m.response ? `HTTP ${m.response.status} ${m.response.text.slice(0, 300)}` : `no answer: ${m.error}`;
};

/** Served: a 2xx that is not an authentication error body. */
export function isServed(ex: Exchange): boolean {
  const status = ex.response?.status ?? 0;
  return status >= 200 && status < 300 && authErrorCode(ex.response?.json) === undefined;
}

export function served(ex: Exchange, what: string): void {
  answered(ex);
  ensure(isServed(ex), { oracle: 'served', title: `${what} not served`, expected: 'a 2xx answer, no authentication error', received: shown(ex), exchange: ex });
}
