// A server for the benchmark, run in its own process so it gets a core of its own and never shares an
// event loop with autocannon: `bare` (node:http answering a fixed JSON body) or `mock` (the SKM mock).
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startMock } from '../mock/index.ts';

/** About the size of an encrypt answer, so both servers write the same bytes. */
const FIXED_BODY = JSON.stringify({
  header: { resultCode: 0, resultMessage: 'success', isSuccessful: true },
  body: { ciphertext: 'AAAAAM1uX3b0v3eWcWmBvC3Qy0l7m3f2j4l0p8qz0xjQwJm8lYH1o9mS2w1u8Yd0QbqA6nN0Uw==', keyVersion: 0 },
});

async function serve(role: string): Promise<unknown> {
  if (role === 'bare') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(FIXED_BODY) });
        res.end(FIXED_BODY);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }
  const mock = await startMock({ quiet: true, profileDir: mkdtempSync(join(tmpdir(), 'skm-bench-')) });
  return { url: mock.plainBaseUrl, profile: parse(readFileSync(mock.profilePath, 'utf8')) };
}

serve(process.argv[2]).then((ready) => process.send!(ready));
