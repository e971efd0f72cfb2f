// The two listeners, both on 127.0.0.1: HTTPS (the profile's baseUrl) asking every client for a
// certificate without requiring one, so the key store check can answer Certificate Auth Failure itself
// and confirm can tell whether one was sent; and plain HTTP (plainBaseUrl), where no certificate can pass.
import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { App } from './app.ts';
import type { Envelope, Reply } from './envelope.ts';
import type { ErrorMessage } from './errors.ts';
import type { RequestContext } from './request.ts';
import type { Pki } from './store/model.ts';

/** Bodies above this are read to the end (so the client sees the reply, not a reset) and dropped. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface Listening {
  baseUrl: string;
  plainBaseUrl: string;
  close(): Promise<void>;
}

export async function listen(app: App, envelope: Envelope, pki: Pki, ports: { http?: number; https?: number }): Promise<Listening> {
  const onRequest = (tls: boolean) => (req: IncomingMessage, res: ServerResponse) => receive(app, envelope, tls, req, res);
  const plain = createHttpServer(onRequest(false));
  const secure = createHttpsServer(
    { key: pki.server.keyPem, cert: pki.server.certPem, ca: [pki.ca.certPem], requestCert: true, rejectUnauthorized: false },
    onRequest(true),
  );
  for (const server of [plain, secure]) server.on('clientError', (err, socket) => answerMalformed(envelope, err, socket));
  const close = async () => {
    await Promise.all([plain, secure].map((s) => new Promise<void>((resolve) => {
      if (!s.listening) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    })));
  };
  const bound = await Promise.allSettled([bind(plain, ports.http ?? 0), bind(secure, ports.https ?? 0)]);
  const failed = bound.find((b) => b.status === 'rejected');
  if (failed) {
    await close(); // the other one may be listening: leave nothing behind
    throw (failed as PromiseRejectedResult).reason;
  }
  const [httpPort, httpsPort] = bound.map((b) => (b as PromiseFulfilledResult<number>).value);
  return { baseUrl: `https://127.0.0.1:${httpsPort}`, plainBaseUrl: `http://127.0.0.1:${httpPort}`, close };
}

function bind(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function receive(app: App, envelope: Envelope, tls: boolean, req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('error', () => res.destroy()); // the client went away mid-body: nobody to answer
  req.on('end', () => {
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

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(payload) });
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
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\ncontent-type: application/json;charset=UTF-8\r\n` +
      `content-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
