// A failed check: a stable title (the oracle's rule), what was expected, what came back, and the
// exchanges that prove it, masked, with a way to reproduce.
import type { Exchange } from '../http/exchange.ts';

export interface FailureInit {
  oracle: string;
  title: string;
  expected: string;
  received: string;
  exchange?: Exchange;
}

export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  readonly oracle: string;
  readonly title: string;

  constructor(init: FailureInit) {
    const evidence = init.exchange ? `\n${init.exchange.describe()}` : '';
    super(`${init.title}  [oracle ${init.oracle}]\nExpected: ${init.expected}\nReceived: ${init.received}${evidence}`);
    this.oracle = init.oracle;
    this.title = init.title;
  }
}

/** Throws the failure unless the condition holds. */
export function ensure(condition: unknown, init: FailureInit): asserts condition {
  if (!condition) throw new ConformanceFailure(init);
}

/** Runs a decoder and turns its refusal into a conformance failure for the named field. */
export function decodeOrFail<T>(field: string, decode: () => T, exchange?: Exchange): T {
  try {
    return decode();
  } catch (e) {
    throw new ConformanceFailure({ oracle: 'format', title: `${field} is not in the documented format`, expected: `${field} in its documented format`, received: (e as Error).message, exchange });
  }
}
