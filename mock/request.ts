// What the handlers see of an HTTP request, independent of the listener it came in on.
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  method: string;
  /** the request-target as sent: path and query */
  target: string;
  headers: IncomingHttpHeaders;
  /** undefined when the body was over the size cap (its bytes were read and dropped) */
  body: Buffer | undefined;
  /** the socket's IPv4 address (an IPv4-mapped IPv6 address is given as IPv4) */
  clientIp: string;
  /** present on the HTTPS listener; `peerCertificate` is the DER the client presented, if any */
  tls?: { peerCertificate?: Buffer };
}

/** A header sent once; a repeated header (joined by node with ", ") is returned as sent, so it never matches. */
export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
