// The shape of every negative check: run the positive control (the same request, made valid), so
// a broken fixture is never mistaken for a conformant refusal; then the broken request must be
// refused with the documented message and give away nothing the control returned.
import type { CallOptions, SkmClient } from './http/skm-client.ts';
import { operationId } from './http/skm-client.ts';
import type { Exchange } from './http/exchange.ts';
import { validCall, type KeyIds } from './valid-calls.ts';
import { succeeds } from './oracles/success.ts';
import { refusedWith, type FailureMessage } from './oracles/refusal.ts';
import { leaksNothing } from './oracles/leaks.ts';
import type { Expectations } from './oracles/expectations.ts';

export interface NegativeCheck {
  skm: SkmClient;
  expectations: Expectations;
  operation: string;
  version: string;
  keys: KeyIds;
  /** authentication that passes (used for the control and to prepare material) */
  passing?: CallOptions;
  /** what changes to make the request fail, applied over the passing request */
  breaking: CallOptions;
  message: FailureMessage | readonly FailureMessage[];
  /** a control on other keys, when no passing request exists for these (an IPv4 refusal) */
  controlKeys?: KeyIds;
}

/** Every string of the control's body: none of it may reach a refused caller. */
function protectedValues(control: Exchange): Record<string, string> {
  const body = (control.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 8));
}

export async function checkRefusal(c: NegativeCheck): Promise<Exchange> {
  const id = operationId(c.operation, c.version);
  const controlOpts = await validCall(c.skm, c.operation, c.version, c.controlKeys ?? c.keys, c.passing);
  if (!controlOpts) throw new Error(`no ${c.operation} key in the fixture`);
  const control = await c.skm.call(id, controlOpts);
  succeeds(control);
  const opts = c.controlKeys ? await validCall(c.skm, c.operation, c.version, c.keys, c.passing) : controlOpts;
  const ex = await c.skm.call(id, { ...opts, ...c.breaking });
  refusedWith(ex, c.message, c.expectations);
  leaksNothing(ex, protectedValues(control));
  return ex;
}
