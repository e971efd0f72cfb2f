// Real HTTP on the loopback interface, any free port by default: the gateway admits the request, KMS
// answers it. Whatever a client sends gets an answer in one of the two documented shapes; only a defect
// of the mock itself is a 5xx, and it is loud on stderr.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Gateway } from './gateway.ts';
import type { Kms, Reply } from './kms.ts';
import { listenLoopback, MAX_BODY_BYTES, readBody, type Listening } from '../../../mock-kit/loopback.ts';



export function listen(gateway: Gateway, kms: Kms, port = 0): Promise<Listening> {
  return listenLoopback((req, res) => receive(gateway, kms, req, res), (socket) => answerMalformed(gateway, socket), port);
}

function receive(gateway: Gateway, kms: Kms, req: IncomingMessage, res: ServerResponse): void {
  readBody(req, res, (body, size) => {
    const method = req.method ?? '';
    const target = req.url ?? '/';
    try {
      if (size > MAX_BODY_BYTES) return send(res, gateway.refuse({ error: 'entityTooLarge', details: `the body is over ${MAX_BODY_BYTES} bytes` }));
      const admitted = gateway.admit({ method, target, headers: req.headers });
      send(res, 'operation' in admitted ? kms.handle(admitted.operation, admitted.keyTag, body) : admitted);
    } catch (bug) {
      console.error(`ncp-kms mock: internal error on ${method} ${target}\n${(bug as Error).stack}`);
      send(res, gateway.refuse({ error: 'endpointError', details: 'internal error of the mock' }));
    }
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** A request node's parser refused (bad header, unknown method...) still gets the gateway's 400 body. */
function answerMalformed(gateway: Gateway, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const reply = gateway.refuse({ error: 'badRequest', details: 'the request could not be parsed' });
  const payload = JSON.stringify(reply.body);
  socket.end(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\ncontent-type: application/json;charset=UTF-8\r\n`
      + `content-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
