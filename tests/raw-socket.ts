// Sends bytes that are not HTTP to a mock and returns all it answered before closing: how the tests
// check that a malformed request still gets an answer, never a hang or a 5xx.
import { connect } from 'node:net';

export function sendRaw(baseUrl: string, bytes: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(bytes);
  });
}
