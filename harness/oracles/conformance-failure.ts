// A failed check: a stable title (the oracle's rule), what was expected, what came back, and the
// exchanges that prove it, masked, with a way to reproduce. It also says whom it blames, the
// requirements of the check it broke (`attribute`), and travels to the report as data (`data()`),
// never as text to re-parse. A failed precondition blames nobody: its test is not covered.
import { test } from '@playwright/test';
import type { Exchange } from '../http/exchange.ts';

export interface FailureInit {
  oracle: string;
  title: string;
  expected: string;
  received: string;
  exchange?: Exchange;
  /** the requirements the failed check violates, when the oracle knows them better than the test */
  requirements?: string[];
}

/** What the report needs of a failure, masked. */
export interface FailureData {
  title: string;
  oracle: string;
  expected: string;
  received: string;
  /** the requirements the failed check was about; absent: every requirement of the test */
  requirements?: string[];
  request?: string;
  response?: string;
  reproduce?: string;
}

let lastThrown: ConformanceFailure | undefined;

function remember(failure: ConformanceFailure): void {
  lastThrown = failure;
}

export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
  readonly oracle: string;
  readonly title: string;
  requirements?: string[];
  private readonly init: FailureInit;

  constructor(init: FailureInit) {
    const evidence = init.exchange ? `\n${init.exchange.describe()}` : '';
    super(`${init.title}  [oracle ${init.oracle}]\nExpected: ${init.expected}\nReceived: ${init.received}${evidence}`);
    this.oracle = init.oracle;
    this.title = init.title;
    this.init = init;
    this.requirements = init.requirements;
    // Failures are made only to be thrown: the last one of a test is the one that ended it.
    remember(this);
  }

  data(): FailureData {
    const d: FailureData = { title: this.title, oracle: this.oracle, expected: this.init.expected, received: this.init.received };
    if (this.requirements) d.requirements = [...this.requirements];
    const ex = this.init.exchange;
    if (ex) {
      const m = ex.masked();
      d.request = `${m.request.method} ${m.request.url}${m.request.body === undefined ? '' : `\nbody ${m.request.body.slice(0, 300)}`}`;
      d.response = m.error ? `(none) ${m.error}` : `HTTP ${m.response!.status} ${m.response!.text.slice(0, 600)}`;
      d.reproduce = ex.curl();
    }
    return d;
  }
}

/** The failure thrown last in this worker, cleared before each test. */
export function takeLastFailure(): ConformanceFailure | undefined {
  const f = lastThrown;
  lastThrown = undefined;
  return f;
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

/** Runs checks about these requirements: a failure inside blames them and nothing else of the test. */
export async function attribute<T>(ids: string | readonly string[], checks: () => T | Promise<T>): Promise<T> {
  try {
    return await checks();
  } catch (e) {
    if (e instanceof ConformanceFailure && !e.requirements) e.requirements = typeof ids === 'string' ? [ids] : [...ids];
    throw e;
  }
}

/** Runs a precondition (a positive control, a preparation): when it fails, the test's requirements
 *  cannot be judged, so the test ends as "not covered" with the evidence in its reason. It is not a
 *  failure of the test: that belongs to the requirement of the operation that failed, in its own test. */
export async function precondition<T>(steps: () => T | Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (e) {
    if (e instanceof ConformanceFailure && !e.requirements) {
      const d = e.data();
      const request = d.request ? `; ${d.request.split('\n')[0]}` : '';
      test.skip(true, `not covered: its positive control failed: ${d.title} (expected ${d.expected}; received ${d.received}${request})`);
    }
    throw e;
  }
}
