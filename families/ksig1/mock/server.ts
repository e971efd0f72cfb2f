// Real HTTP on the loopback interface, any free port by default: the gate checks every request, the
// protected resource answers what it admits. Bad client input never gets a 5xx (only the named fault
// missing-header-500 does); a defect of the mock itself is a 500, loud on stderr. The optional log gets
// one line per request with the token and signature masked and every known secret removed.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { maskHeaders, maskText } from '../auth/mask.ts';
import { ownError, refusalReply, type Reply } from './answers.ts';
import type { Accounts } from './accounts.ts';
import type { Faults } from './faults.ts';
import type { Gate } from './gate.ts';
import type { Personality } from './personality.ts';
import type { Applications } from './resource.ts';
import { listenLoopback, MAX_BODY_BYTES, readBody, type Listening } from '../../../mock-kit/loopback.ts';




export interface Parts {
  gate: Gate;
  applications: Applications;
  accounts: Accounts;
  faults: Faults;
  personality: Personality;
  log?: (line: string) => void;
}

export function listen(parts: Parts, port = 0): Promise<Listening> {
  return listenLoopback((req, res) => receive(parts, req, res), answerMalformed, port);
}

function receive(parts: Parts, req: IncomingMessage, res: ServerResponse): void {
  readBody(req, res, (body, size) => {
    const method = req.method ?? '';
    const path = req.url ?? '/';
    let reply: Reply;
    let note: string;
    try {
      ({ reply, note } = answer(parts, method, path, req, body, size));
    } catch (bug) {
      console.error(`ksig1 mock: internal error on ${method} ${path}\n${maskText(String((bug as Error).stack), parts.accounts.secrets())}`);
      ({ reply, note } = { reply: ownError(500, 'INTERNAL_ERROR', 'Internal error of the mock.'), note: 'bug' });
    }
    parts.log?.(maskText(`${method} ${path} -> ${reply.status} ${note} ${JSON.stringify(maskHeaders(req.headers))}`, parts.accounts.secrets()));
    send(res, reply);
  });
}

function answer(parts: Parts, method: string, path: string, req: IncomingMessage, body: Buffer, size: number): { reply: Reply; note: string } {
  if (size > MAX_BODY_BYTES) return { reply: ownError(413, 'BODY_TOO_LARGE', `The body is over ${MAX_BODY_BYTES} bytes.`), note: 'body too large' };
  const refusal = parts.gate.check({ method, headers: req.headers, body });
  if (refusal) return { reply: refusalReply(refusal, parts.faults, parts.personality), note: `${refusal.code} (${refusal.detail})` };
  return { reply: parts.applications.handle(method, path, body), note: 'admitted' };
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** A request node's parser refused (a bad header, an unknown method...) still gets a 400 with a body. */
function answerMalformed(socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const payload = JSON.stringify(ownError(400, 'BAD_REQUEST', 'The request could not be parsed.').body);
  socket.end(
    `HTTP/1.1 400 ${STATUS_CODES[400]}\r\ncontent-type: application/json; charset=utf-8\r\n`
      + `content-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
