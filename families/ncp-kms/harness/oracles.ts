// The family's oracles: one rule each, a ConformanceFailure with expected, received and the exchange.
// Whom a failure blames is decided by the caller (`attribute`), so one oracle serves several requirements.
// The refusal oracles are refusal-oracles.ts, for harness/refusal-check.ts alone.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { ConformanceFailure, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { answered } from '../../../harness/oracles/server-error.ts';
import { shownBody, successData, type Json } from './answers.ts';

export const received = (ex: Exchange): string => (ex.response ? `HTTP ${ex.response.status} ${shownBody(ex)}` : `no answer: ${ex.error}`);

/** A documented request was served: an answer that is a success by the lenient reading. */
export function succeeds(ex: Exchange, what = 'the call'): Json {
  answered(ex);
  const data = successData(ex);
  if (data) return data;
  throw new ConformanceFailure({ oracle: 'succeeds', title: `${what} was not served`, expected: 'a success: 2xx, code SUCCESS, a data object', received: received(ex), exchange: ex });
}

/** A non-empty string field of a success's data. */
export function field(ex: Exchange, data: Json, name: string): string {
  const value = data[name];
  ensure(typeof value === 'string' && value.length > 0, { oracle: 'field', title: `data.${name} missing`, expected: `data.${name}, a non-empty string`, received: shownBody(ex), exchange: ex });
  return value;
}

/** A list field of a success's data: `length` strings. */
export function listField(ex: Exchange, data: Json, name: string, length: number): string[] {
  const value = data[name];
  const ok = Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string');
  ensure(ok, { oracle: 'listField', title: `data.${name} missing or of the wrong length`, expected: `data.${name}, ${length} strings`, received: shownBody(ex), exchange: ex });
  return value as string[];
}
