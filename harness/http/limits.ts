// Bounds on every answer, so that no target can make a run hold 50 MB per request or wait forever: the
// body is read up to limits.responseBytes and no further, and a request (connection, headers and body)
// gets limits.responseSeconds in all. Breaking one is a transport error of that exchange, with a
// message that names the bound; it is never taken for a closed connection.
import type { TargetProfile } from '../profile/load-target.ts';
import type { Exchange } from './exchange.ts';

export const DEFAULT_RESPONSE_BYTES = 4 * 1024 * 1024;
export const DEFAULT_RESPONSE_SECONDS = 20;

export interface ResponseLimits {
  bytes: number;
  seconds: number;
}

export function responseLimits(profile: TargetProfile): ResponseLimits {
  return { bytes: profile.limits?.responseBytes ?? DEFAULT_RESPONSE_BYTES, seconds: profile.limits?.responseSeconds ?? DEFAULT_RESPONSE_SECONDS };
}

/** What had come of an answer when a bound cut it. */
export interface Progress {
  status?: number;
  bytes: number;
}

/** A request that broke a bound: its message says which, and what had come by then. */
export class LimitExceeded extends Error {
  constructor(
    readonly code: 'SKM_RESPONSE_TOO_LARGE' | 'SKM_RESPONSE_TOO_SLOW' | 'SKM_TARGET_NOT_ANSWERING',
    message: string,
  ) {
    super(message);
  }
}

export function tooLarge(limits: ResponseLimits, status: number, seen: string): LimitExceeded {
  return new LimitExceeded('SKM_RESPONSE_TOO_LARGE', `HTTP ${status} with a body over limits.responseBytes (${limits.bytes} bytes; ${seen}): not read further`);
}

export function tooSlow(limits: ResponseLimits, progress: Progress): LimitExceeded {
  const came = progress.status === undefined ? 'no response headers came' : `HTTP ${progress.status} headers came, then ${progress.bytes} bytes of body`;
  return new LimitExceeded('SKM_RESPONSE_TOO_SLOW', `no complete answer within limits.responseSeconds (${limits.seconds} s): ${came}`);
}

/** The body, read chunk by chunk and abandoned past the limit (a declared Content-Length over it is not
 *  read at all). `progress.bytes` counts what came, for a message if time runs out meanwhile. */
export async function readBounded(body: AsyncIterable<Buffer> & { destroy(): void }, contentLength: string | undefined, limits: ResponseLimits, progress: Progress): Promise<string> {
  const declared = Number(contentLength);
  if (declared > limits.bytes) {
    body.destroy();
    throw tooLarge(limits, progress.status!, `Content-Length ${declared}`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    progress.bytes += chunk.length;
    if (progress.bytes > limits.bytes) throw tooLarge(limits, progress.status!, `${progress.bytes} bytes had come`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const broken = new WeakSet<Exchange>();

export function markLimitExceeded(ex: Exchange): Exchange {
  broken.add(ex);
  return ex;
}

/** Whether the exchange has no answer because a bound cut it (or the breaker stopped it), not because
 *  the target closed or refused the connection. */
export function exceededLimit(ex: Exchange): boolean {
  return broken.has(ex);
}
