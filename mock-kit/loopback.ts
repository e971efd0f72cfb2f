// Real HTTP on the loopback interface, any free port by default, for every family's mock: a client
// that does not speak HTTP gets the family's own answer, and closing drops kept-alive connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

export async function listenLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  malformed: (socket: Duplex) => void,
  port = 0,
): Promise<Listening> {
  const server = createServer(handle);
  server.on('clientError', (_err, socket) => malformed(socket));
  await bind(server, port);
  const { port: bound } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function bind(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Bodies above this are read to the end (so the client sees the answer, not a reset) and refused. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole body, keeping at most MAX_BODY_BYTES; `size` says how much came. A client gone
 *  mid-body has nobody to answer. */
export function readBody(req: IncomingMessage, res: ServerResponse, done: (body: Buffer, size: number) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('error', () => res.destroy());
  req.on('end', () => done(Buffer.concat(chunks, Math.min(size, MAX_BODY_BYTES)), size));
}
