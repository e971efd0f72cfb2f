// Loopback targets that misbehave on purpose, one way each, on a port chosen at run time. Each closes
// itself after LIFETIME_MS whatever its test does, and close() ends every connection it holds.
import { createServer as createHttp, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { randomBytes } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { PROBE_PATH } from '../../harness/probe-target.ts';

export type Behaviour = keyof typeof BEHAVIOURS;

export interface HostileServer {
  url: string;
  /** requests that reached the server (the probe included) */
  requests(): number;
  close(): Promise<void>;
}

export interface HostileOptions {
  /** answer the harness's probe as a plain service would, so the run itself meets the behaviour */
  spareProbe?: boolean;
  /** serve HTTPS with this certificate */
  tls?: { certPem: string; keyPem: string };
}

const LIFETIME_MS = 180_000;
export const HUGE_BYTES = 50 * 1024 * 1024;

const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Valid JSON in the wrong envelope, a different one each time. */
const WRONG_SHAPES: unknown[] = [
  { status: 'ok', data: { secret: 'x' } },
  [{ header: { isSuccessful: true } }],
  { header: 'isSuccessful', body: null },
  { header: { isSuccessful: 'yes', resultCode: '0', resultMessage: 0 }, body: [] },
  null,
  'SUCCESS',
];

/** Writes `bytes` of filler, a chunk at a time as the socket drains, until done or the client leaves. */
function stream(res: ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let left = bytes;
  const more = () => {
    while (left > 0 && !res.destroyed) {
      left -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    res.end();
  };
  more();
}

/** Sends one byte a second until the client leaves. */
function trickle(res: ServerResponse): void {
  const timer = setInterval(() => res.write('{'), 1000);
  res.on('close', () => clearInterval(timer));
}

const BEHAVIOURS = {
  /** takes the connection and never says a word */
  silent: () => undefined,
  /** bytes that are not HTTP, then closes */
  garbage: (req: IncomingMessage) => req.socket.end(randomBytes(4096)),
  /** 200 with a 50 MB body, sent chunked (no Content-Length to refuse it by) */
  huge: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    stream(res, HUGE_BYTES);
  },
  /** the same, announced as such by its Content-Length */
  hugeDeclared: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_BYTES) });
    stream(res, HUGE_BYTES);
  },
  /** 200 and its headers at once, then the body at one byte a second */
  trickle: (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    trickle(res);
  },
  /** valid JSON, wrong envelope */
  wrongShapes: (_req: IncomingMessage, res: ServerResponse, n: number) => json(res, 200, WRONG_SHAPES[n % WRONG_SHAPES.length]),
  /** 200, a tenth of the announced body, then a TCP reset */
  resetMidBody: (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"header":{"isSuccessful":true,'.padEnd(100, ' '), () => req.socket.resetAndDestroy());
  },
  /** a plain error envelope: all the probe needs */
  plain: (_req: IncomingMessage, res: ServerResponse) => json(res, 200, { header: { isSuccessful: false, resultCode: -1, resultMessage: 'Invalid Appkey' } }),
};

export async function startHostile(behaviour: Behaviour, opts: HostileOptions = {}): Promise<HostileServer> {
  let count = 0;
  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const n = count++;
    req.resume();
    if (opts.spareProbe && req.url === PROBE_PATH) BEHAVIOURS.plain(req, res);
    else BEHAVIOURS[behaviour](req, res, n);
  };
  const server: Server = opts.tls ? createHttps({ cert: opts.tls.certPem, key: opts.tls.keyPem }, handle) : createHttp(handle);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A client that gives up resets the connection: nothing to report on this side.
  server.on('clientError', (_e, s: Socket) => s.destroy());
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  };
  setTimeout(close, LIFETIME_MS).unref();
  const { port } = server.address() as AddressInfo;
  return { url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`, requests: () => count, close };
}
