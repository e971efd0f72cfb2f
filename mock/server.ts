// The two listeners, both on 127.0.0.1: HTTPS (the profile's baseUrl) asking every client for a
// certificate without requiring one, so the key store check can answer Certificate Auth Failure itself
// and confirm can tell whether one was sent; and plain HTTP (plainBaseUrl), where no certificate can pass.
// The alternate personality refuses bad certificates during TLS instead, redirects plain HTTP to HTTPS,
// and answers an oversized body without reading it.
import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { App } from './app.ts';
import type { Envelope, Reply } from './envelope.ts';
import type { ErrorMessage } from './errors.ts';
import type { Personality } from './personality.ts';
import type { RequestContext } from './request.ts';
import type { Pki } from './store/model.ts';

/** Bodies above this are read to the end (so the client sees the reply, not a reset) and dropped. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Listening {
  baseUrl: string;
  plainBaseUrl: string;
  close(): Promise<void>;
}

export interface ListenOptions {
  http?: number;
  https?: number;
  personality: Personality;
}

export async function listen(app: App, envelope: Envelope, pki: Pki, options: ListenOptions): Promise<Listening> {
  const { personality } = options;
  const cutShort = personality.has('oversized-body-cut-short');
  const onRequest = (tls: boolean) => (req: IncomingMessage, res: ServerResponse) => receive(app, envelope, tls, cutShort, req, res);
  let httpsBase = '';
  const plain = createHttpServer(personality.has('plain-http-redirects') ? (req, res) => redirect(req, res, httpsBase) : onRequest(false));
  const secure = createHttpsServer(
    { key: pki.server.keyPem, cert: pki.server.certPem, ca: [pki.ca.certPem], requestCert: true, rejectUnauthorized: false },
    onRequest(true),
  );
  if (personality.has('tls-refuses-bad-certificates')) secure.on('secureConnection', refuseBadCertificate);
  for (const server of [plain, secure]) server.on('clientError', (err, socket) => answerMalformed(envelope, err, socket));
  const close = async () => {
    await Promise.all([plain, secure].map((s) => new Promise<void>((resolve) => {
      if (!s.listening) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    })));
  };
  const bound = await Promise.allSettled([bind(plain, options.http ?? 0), bind(secure, options.https ?? 0)]);
  const failed = bound.find((b) => b.status === 'rejected');
  if (failed) {
    await close(); // the other one may be listening: leave nothing behind
    throw (failed as PromiseRejectedResult).reason;
  }
  const [httpPort, httpsPort] = bound.map((b) => (b as PromiseFulfilledResult<number>).value);
  httpsBase = `https://127.0.0.1:${httpsPort}`;
  return { baseUrl: httpsBase, plainBaseUrl: `http://127.0.0.1:${httpPort}`, close };
}

/** A certificate the CA did not sign, or one out of its validity period, ends the connection unanswered. */
function refuseBadCertificate(socket: TLSSocket): void {
  if (!socket.authorized && peerCertificate(socket)) socket.destroy();
}

/** Plain HTTP carries no data: every request is sent to the same path on HTTPS. */
function redirect(req: IncomingMessage, res: ServerResponse, httpsBase: string): void {
  res.writeHead(308, { location: `${httpsBase}${req.url ?? '/'}`, 'content-length': 0, connection: 'close' });
  res.end();
}

function bind(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function receive(app: App, envelope: Envelope, tls: boolean, cutShort: boolean, req: IncomingMessage, res: ServerResponse): void {
  if (cutShort && Number(req.headers['content-length']) > MAX_BODY_BYTES) return refuseUnread(envelope, req, res);
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    else if (cutShort) refuseUnread(envelope, req, res);
  });
  req.on('error', () => res.destroy()); // the client went away mid-body: nobody to answer
  req.on('end', () => {
    if (res.headersSent) return;
    const ctx: RequestContext = {
      method: req.method ?? '',
      target: req.url ?? '',
      headers: req.headers,
      body: size <= MAX_BODY_BYTES ? Buffer.concat(chunks, size) : undefined,
      clientIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
    };
    if (tls) ctx.tls = { peerCertificate: peerCertificate(req.socket as TLSSocket) };
    app.handle(ctx).then(
      (reply) => send(res, reply),
      (bug: Error) => {
        // Not a client mistake: a defect in the mock. Loud on stderr, and a 5xx so every test notices.
        console.error(`skm mock: internal error on ${ctx.method} ${ctx.target}\n${bug.stack}`);
        send(res, envelope.serverError());
      },
    );
  });
}

const peerCertificates = new WeakMap<TLSSocket, Buffer | undefined>();

function peerCertificate(socket: TLSSocket): Buffer | undefined {
  if (!peerCertificates.has(socket)) {
    const cert = socket.getPeerCertificate();
    peerCertificates.set(socket, cert && 'raw' in cert ? cert.raw : undefined);
  }
  return peerCertificates.get(socket);
}

/** A front proxy's way with a body over the cap: answer now, close the connection, read nothing more. */
function refuseUnread(envelope: Envelope, req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) return;
  const reply = envelope.error('Invalid User Data');
  send(res, { ...reply, headers: { ...reply.headers, connection: 'close' } });
  req.pause();
  res.on('finish', () => req.socket.destroy());
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** A request node's parser refused (unknown method, bad header, ...) still gets the envelope. */
function answerMalformed(envelope: Envelope, err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const message: ErrorMessage = err.code === 'HPE_INVALID_METHOD' ? 'URL NOT FOUND' : 'Invalid User Data';
  const reply = envelope.error(message);
  const payload = JSON.stringify(reply.body);
  socket.end(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\ncontent-type: ${reply.headers['content-type']}\r\n` +
      `content-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
