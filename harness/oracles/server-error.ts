// The floor under every check: an answer came, and it is not a server error.
import type { Exchange } from '../http/exchange.ts';
import { ConformanceFailure } from './conformance-failure.ts';

export function answered(ex: Exchange): void {
  if (ex.response) return;
  throw new ConformanceFailure({ oracle: 'answered', title: 'No answer', expected: 'an HTTP response', received: ex.error ?? 'nothing', exchange: ex });
}

export function notAServerError(ex: Exchange): void {
  answered(ex);
  if (ex.response!.status < 500) return;
  throw new ConformanceFailure({ oracle: 'notAServerError', title: 'Server error', expected: 'a status below 500', received: `HTTP ${ex.response!.status}`, exchange: ex });
}
