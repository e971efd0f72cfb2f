// The only way a suite asserts a refusal. A refusal means something only next to the same request,
// made valid, succeeding in the same test: otherwise a dead operation, a broken fixture or a wrong
// URL would pass every negative check. So a refusal is judged against a Control, which only
// `control()` makes, by sending the documented call and requiring its success; the refused request
// is the control's request with the breaking changes applied, and must give away nothing the control
// returned. Suites cannot reach the refusal oracles any other way (eslint `no-restricted-imports`).
import type { CallOptions, SkmClient } from './http/skm-client.ts';
import { operationId as idOf, operationRecord } from './http/skm-client.ts';
import type { Exchange } from './http/exchange.ts';
import { exceededLimit } from './http/limits.ts';
import { confirmControl, KEY_KIND, validCall, type KeyIds } from './valid-calls.ts';
import { succeeds } from './oracles/success.ts';
import { refused, refusedWith, type FailureMessage } from './oracles/refusal.ts';
import { leaksNothing } from './oracles/leaks.ts';
import { notAServerError } from './oracles/server-error.ts';
import { attribute, precondition } from './oracles/conformance-failure.ts';
import { needFixture } from './not-covered.ts';
import { test } from '@playwright/test';
import type { Expectations } from './oracles/expectations.ts';

export type { FailureMessage } from './oracles/refusal.ts';

/** A documented call that succeeded in this test: the proof a refusal is judged against. */
export interface Control {
  readonly skm: SkmClient;
  readonly operationId: string;
  readonly opts: CallOptions;
  readonly exchange: Exchange;
  /** the success body */
  readonly body: Record<string, unknown>;
}

const issued = new WeakSet<Control>();

export class MissingControlError extends Error {}

/** Sends a documented call that must succeed (for decrypt and verify: with the right answer). A
 *  failure here is the test's precondition failing: the test is not covered, unless `blame` names the
 *  requirement that this very success is about (a registered MAC that must pass). */
export function control(skm: SkmClient, operationId: string, opts: CallOptions = {}, blame?: string): Promise<Control> {
  const guard = <T>(steps: () => Promise<T>) => (blame ? attribute(blame, steps) : precondition(steps));
  return guard(async () => {
    const exchange = await skm.call(operationId, opts);
    const body = succeeds<Record<string, unknown>>(exchange);
    confirmControl(operationRecord(operationId).operation, exchange);
    const c: Control = { skm, operationId, opts, exchange, body: body ?? {} };
    issued.add(c);
    return c;
  });
}

/** The control of `operation` built by validCall for these keys and this authentication. */
export async function controlFor(skm: SkmClient, operation: string, version: string, keys: KeyIds, auth?: CallOptions, blame?: string): Promise<Control> {
  const opts = await precondition(() => validCall(skm, operation, version, keys, auth));
  return control(skm, idOf(operation, version), needFixture(opts, `a ${KEY_KIND[operation]} key for ${operation}`), blame);
}

export interface Refusal {
  expectations: Expectations;
  /** changes over the control's request; ignored when `send` is given */
  breaking?: CallOptions;
  /** sends the broken request another way (raw paths, other methods) through the control's client */
  send?: (skm: SkmClient) => Promise<Exchange>;
  /** the documented message(s) allowed; absent: any error */
  message?: FailureMessage | readonly FailureMessage[];
  /** more values, by name, the refused caller must not see */
  protect?: Record<string, string | undefined>;
  /** an answer other than the error envelope that the documents allow here (a TLS handshake refused,
   *  a connection closed on a huge body, a redirect away from plain HTTP), with why */
  alsoAccept?: { reason: string; test: (ex: Exchange) => boolean };
  /** the requirements a wrong refusal blames (default: those of the enclosing attribute, or the test's) */
  blame?: readonly string[];
  /** the requirement a leak of protected data blames, when it is another one than SKM-SEC-ECHO-001 */
  leakBlame?: string;
}

// Protected data in an error answer breaks the echo rule, not the rule of which error to give.
const LEAK_REQUIREMENT = 'SKM-SEC-ECHO-001';

/** No HTTP answer at all: the connection or the TLS handshake was refused or closed (not an answer
 *  cut by the profile's limits). */
export const noAnswer = (ex: Exchange): boolean => ex.response === undefined && !exceededLimit(ex);

function proven(c: Control): void {
  if (!issued.has(c)) throw new MissingControlError('a refusal was asserted without a positive control made by control() in this test');
}

function sendBroken(c: Control, r: Refusal): Promise<Exchange> {
  return r.send ? r.send(c.skm) : c.skm.call(c.operationId, { ...c.opts, ...r.breaking });
}

/** Every string of the control's answer long enough to mean something: none may reach a refused caller. */
function controlValues(c: Control): Record<string, string> {
  return Object.fromEntries(Object.entries(c.body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= 8));
}

async function judgeRefusal(c: Control, ex: Exchange, r: Refusal): Promise<void> {
  const leaks = () => leaksNothing(ex, { ...controlValues(c), ...r.protect });
  if (r.alsoAccept?.test(ex)) test.info().annotations.push({ type: 'accepted', description: `${r.alsoAccept.reason} (${ex.request.method} ${c.operationId})` });
  else {
    const judge = () => (r.message === undefined ? refused(ex, r.expectations) : refusedWith(ex, r.message, r.expectations));
    await (r.blame ? attribute(r.blame, judge) : judge());
  }
  await attribute(r.leakBlame ?? LEAK_REQUIREMENT, leaks);
}

/** The control's request, broken, is refused (with the message, when given). */
export async function expectRefused(c: Control, r: Refusal): Promise<Exchange> {
  proven(c);
  const ex = await sendBroken(c, r);
  await judgeRefusal(c, ex, r);
  return ex;
}

function isSuccess(ex: Exchange): boolean {
  return (ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true;
}

/** Where the documents allow either: a clean refusal, or a success that `onSuccess` checks. Never a 5xx. */
export async function expectRefusedOrSucceeds(c: Control, r: Refusal, onSuccess: (ex: Exchange) => void | Promise<void>): Promise<Exchange> {
  proven(c);
  const ex = await sendBroken(c, r);
  notAServerError(ex);
  if (isSuccess(ex)) await onSuccess(ex);
  else await judgeRefusal(c, ex, r);
  return ex;
}

export interface RefusalCheck {
  skm: SkmClient;
  expectations: Expectations;
  operation: string;
  version: string;
  keys: KeyIds;
  /** authentication that passes (used for the control and to prepare material) */
  passing?: CallOptions;
  /** what changes to make the request fail, applied over the passing request */
  breaking: CallOptions;
  message?: FailureMessage | readonly FailureMessage[];
  /** the control's keys, when no request on `keys` can pass (a store that refuses this runner) */
  controlKeys?: KeyIds;
  alsoAccept?: Refusal['alsoAccept'];
  /** the requirement the control's success is about, if any (else a failed control judges nothing) */
  controlBlame?: string;
  blame?: readonly string[];
  leakBlame?: string;
}

/** Control on the same operation and authentication, then the broken request on `keys`. */
export async function checkRefusal(k: RefusalCheck): Promise<Exchange> {
  const c = await controlFor(k.skm, k.operation, k.version, k.controlKeys ?? k.keys, k.passing, k.controlBlame);
  const judged = { expectations: k.expectations, message: k.message, alsoAccept: k.alsoAccept, blame: k.blame, leakBlame: k.leakBlame };
  // On other keys, the control's very request (its version and material) with the key swapped:
  // nothing can be prepared with keys that refuse this runner.
  const kind = KEY_KIND[k.operation];
  const keyId = kind ? k.keys[kind] : undefined;
  return expectRefused(c, { ...judged, breaking: { ...(k.controlKeys && keyId ? { keyId } : {}), ...k.breaking } });
}
