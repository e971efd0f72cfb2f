// A call the documents say fails. FACTS.md: the transport (HTTP 200 with isSuccessful false, or a
// 4xx) and the numeric codes are not published, so both transports pass unless the profile pins
// one; never a 5xx, never isSuccessful true, and the documented message.
import { learned } from './observed.ts';
import * as validators from '../../generated/skm/validators.js';
import type { Exchange } from '../http/exchange.ts';
import { ConformanceFailure } from './conformance-failure.ts';
import { notAServerError } from './server-error.ts';
import type { Expectations } from './expectations.ts';

export type FailureMessage =
  | 'Invalid Appkey'
  | 'Invalid Key Id'
  | 'Invalid Key Version'
  | 'Invalid User Data'
  | 'Invalid Key Status'
  | 'Invalid Key Version Status'
  | 'IPv4 Auth Failure'
  | 'MAC Auth Failure'
  | 'Certificate Auth Failure'
  | 'URL NOT FOUND';

const DOCUMENTED: readonly FailureMessage[] = ['Invalid Appkey', 'Invalid Key Id', 'Invalid Key Version', 'Invalid User Data', 'Invalid Key Status', 'Invalid Key Version Status', 'IPv4 Auth Failure', 'MAC Auth Failure', 'Certificate Auth Failure', 'URL NOT FOUND'];

/** The documented message stands in the text: alone, or inside a longer one (SKM-ERR-GEN-002 leaves it
 *  open), but not as the start of another documented message ("Invalid Key Version" in "... Status"). */
function mentions(received: string, m: FailureMessage): boolean {
  const text = received.toLowerCase();
  const wanted = m.toLowerCase();
  const longer = DOCUMENTED.filter((d) => d !== m && d.toLowerCase().startsWith(wanted)).map((d) => d.toLowerCase());
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (!longer.some((l) => text.startsWith(l, at))) return true;
  }
  return false;
}

function messageMatches(received: string | undefined, wanted: readonly FailureMessage[], e: Expectations, strict: boolean): boolean {
  if (received === undefined) return false;
  return wanted.some((m) => {
    const pinned = e.messages[m];
    if (pinned !== undefined) return received === pinned;
    // Unpinned, letter case is not held against the target: the English guide writes "Invalid Key ID".
    if (strict) return received.toLowerCase() === m.toLowerCase();
    return mentions(received, m);
  });
}

/** Refused as an error of any documented kind: the base of every negative check. */
export function refused(ex: Exchange, e: Expectations): void {
  notAServerError(ex);
  const res = ex.response!;
  const json = res.json as { header?: { isSuccessful?: unknown; resultCode?: unknown } } | undefined;
  if (json?.header?.isSuccessful === true) {
    throw new ConformanceFailure({ oracle: 'refused', title: 'Error reported as success', expected: 'an error (isSuccessful false)', received: `HTTP ${res.status} with isSuccessful true`, exchange: ex });
  }
  if (!validators.errorEnvelope(json)) {
    throw new ConformanceFailure({ oracle: 'refused', title: 'Error without the envelope', expected: 'the error envelope {header:{resultCode,resultMessage,isSuccessful:false}}', received: `HTTP ${res.status} ${res.text.slice(0, 200)}`, exchange: ex });
  }
  const transportOk =
    e.errorTransport === 'http200' ? res.status === 200 : e.errorTransport === 'http4xx' ? res.status >= 400 && res.status < 500 : res.status === 200 || (res.status >= 400 && res.status < 500);
  if (!transportOk) {
    const expected = { any: 'HTTP 200 or 4xx', http200: 'HTTP 200 (profile: errorTransport http200)', http4xx: 'HTTP 4xx (profile: errorTransport http4xx)' }[e.errorTransport];
    throw new ConformanceFailure({ oracle: 'refused', title: 'Error with the wrong transport', expected, received: `HTTP ${res.status}`, exchange: ex });
  }
  learned('SKM-ERR-TRN-001', 'expectations.errorTransport', res.status === 200 ? 'http200' : 'http4xx');
}

/** Refused with one of the given documented messages (several where the documents overlap). */
export function refusedWith(ex: Exchange, wanted: FailureMessage | readonly FailureMessage[], e: Expectations): void {
  const list = typeof wanted === 'string' ? [wanted] : wanted;
  refused(ex, e);
  const message = ex.resultMessage;
  const expected = list.map((m) => e.messages[m] ?? m).join(' or ');
  if (!messageMatches(message, list, e, false)) {
    throw new ConformanceFailure({ oracle: 'refusedWith', title: 'Wrong error message', expected, received: JSON.stringify(message), exchange: ex });
  }
  // The documented message is there, with more around it: only the pinned exact spelling is broken.
  if (e.strict.has('SKM-ERR-GEN-002') && !messageMatches(message, list, e, true)) {
    throw new ConformanceFailure({ oracle: 'refusedWith', title: 'Error message not exactly the documented one', expected: `exactly ${expected} (pinned: SKM-ERR-GEN-002)`, received: JSON.stringify(message), exchange: ex, requirements: ['SKM-ERR-GEN-002'] });
  }
  for (const m of list) {
    const code = e.resultCodes[m];
    if (code === undefined || !messageMatches(message, [m], e, e.strict.has('SKM-ERR-GEN-002'))) continue;
    const got = (ex.response!.json as { header: { resultCode: unknown } }).header.resultCode;
    if (got !== code) throw new ConformanceFailure({ oracle: 'refusedWith', title: 'Wrong result code', expected: `resultCode ${code} for ${m} (pinned by the profile)`, received: `resultCode ${String(got)}`, exchange: ex });
  }
}
