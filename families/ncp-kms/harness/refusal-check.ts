// The one way the family's suites judge a refusal, on the principles of harness/refusal-check.ts: a
// refusal means something only next to the same request, made valid, succeeding in the same test. So a
// refusal is judged against a Control that only `control()` makes, by sending the documented request and
// requiring its success (and, where given, the right answer); the refused request is the control's with
// the breaking change applied, and its answer must give away nothing the control returned.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, precondition } from '../../../harness/oracles/conformance-failure.ts';
import { leaksNothing } from '../../../harness/oracles/leaks.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { successData, type Json } from './answers.ts';
import type { KmsCall, KmsClient } from './kms-client.ts';
import type { Expectations } from './expectations.ts';
import { succeeds } from './oracles.ts';
import { refused, refusedAtGateway } from './refusal-oracles.ts';

/** A documented request that succeeded in this test. */
export interface Control {
  readonly client: KmsClient;
  readonly call: KmsCall;
  readonly exchange: Exchange;
  readonly data: Json;
}

const issued = new WeakSet<Control>();

export class MissingControlError extends Error {}

export interface ControlOptions {
  /** checks the answer beyond success (decrypt: the plaintext; verify: valid true) */
  confirm?: (data: Json, ex: Exchange) => void;
  /** the requirements this very success is about; absent, a failed control leaves the test not covered */
  blame?: string | readonly string[];
}

/** Sends the documented request, which must succeed. */
export function control(client: KmsClient, call: KmsCall, options: ControlOptions = {}): Promise<Control> {
  const guard = <T>(steps: () => Promise<T>) => (options.blame ? attribute(options.blame, steps) : precondition(steps));
  return guard(async () => {
    const exchange = await client.send(call);
    const data = succeeds(exchange, `the positive control (${call.action} ${call.version})`);
    options.confirm?.(data, exchange);
    const c: Control = { client, call, exchange, data };
    issued.add(c);
    return c;
  });
}

export interface Refusal {
  /** what changes over the control's request */
  breaking: Partial<KmsCall>;
  /** the requirements the refusal itself is about (default: the enclosing attribute's, or the test's) */
  blame?: string | readonly string[];
  /** refused by the gateway before KMS (an authentication failure), in its documented body */
  atGateway?: Expectations;
  /** further checks of the refusal, after the documented refusal was seen (a pinned code, a message) */
  judge?: (ex: Exchange) => void | Promise<void>;
  /** more values, by name, the refused caller must not see */
  protect?: Record<string, string | undefined>;
}

function proven(c: Control): void {
  if (!issued.has(c)) throw new MissingControlError('a refusal was asserted without a positive control made by control() in this test');
}

/** Every string of the control's answer long enough to mean something. */
function controlValues(c: Control): Record<string, string> {
  return Object.fromEntries(Object.entries(c.data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 8).map(([k, v]) => [`control's ${k}`, v]));
}

function sendBroken(c: Control, r: Refusal): Promise<Exchange> {
  proven(c);
  return c.client.send({ ...c.call, ...r.breaking });
}

async function judgeRefusal(c: Control, ex: Exchange, r: Refusal): Promise<void> {
  if (r.atGateway) await refusedAtGateway(ex, r.blame, r.atGateway);
  else await (r.blame ? attribute(r.blame, () => refused(ex)) : refused(ex));
  await r.judge?.(ex);
  leaksNothing(ex, { ...controlValues(c), ...r.protect });
}

/** The control's request, broken, is refused. */
export async function expectRefused(c: Control, r: Refusal): Promise<Exchange> {
  const ex = await sendBroken(c, r);
  await judgeRefusal(c, ex, r);
  return ex;
}

/** Where the documents allow either: a refusal, or a success that `onSuccess` checks. Never a 5xx. */
export async function expectRefusedOr(c: Control, r: Refusal, onSuccess: (data: Json, ex: Exchange) => void | Promise<void>): Promise<Exchange> {
  const ex = await sendBroken(c, r);
  notAServerError(ex);
  const data = successData(ex);
  if (data) await onSuccess(data, ex);
  else await judgeRefusal(c, ex, r);
  return ex;
}

/** The control's request, changed in a way the documents say is still served (a timestamp inside the window). */
export async function expectServed(c: Control, r: Pick<Refusal, 'breaking'>): Promise<Json> {
  const ex = await sendBroken(c, { breaking: r.breaking });
  return succeeds(ex, 'the changed request');
}
