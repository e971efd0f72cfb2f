// `npm run bench:mock`: requests per second and p99 latency of encrypt, decrypt, sign and verify on the
// mock's plain HTTP listener, beside a bare node:http server answering a fixed JSON body, in one run,
// 32 connections each. Each server runs in its own process; autocannon runs in this one.
// Goal: encrypt at least 50% of the bare server's rate, p99 under 10 ms.
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { TargetProfile } from '../generated/targets/types.ts';

const CONNECTIONS = 32;
const DURATION_S = 4;
const WARMUP_S = 1;

interface Ready {
  url: string;
  profile?: TargetProfile;
}

function start(role: 'bare' | 'mock'): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(new URL('./serve.ts', import.meta.url).pathname, [role], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }));
    child.once('exit', (code) => reject(new Error(`${role} server exited with ${code}`)));
  });
}

interface Row {
  name: string;
  rps: number;
  p99: number;
  failures: number;
}

async function measure(name: string, url: string, body?: unknown): Promise<Row> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    warmup: { connections: CONNECTIONS, duration: WARMUP_S },
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { name, rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx };
}

async function once(url: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await res.json()) as { body: Record<string, string> }).body;
}

async function main(): Promise<void> {
  const [bare, mock] = await Promise.all([start('bare'), start('mock')]);
  try {
    const { url, profile } = mock.ready;
    const base = `${url}/keymanager/v1.0/appkey/${profile!.appkey}`;
    const sym = `${base}/symmetric-keys/${profile!.keys.symmetric!.id}`;
    const asym = `${base}/asymmetric-keys/${profile!.keys.asymmetric!.id}`;
    const plaintext = 'benchmark plaintext of a typical size: 64 bytes of ASCII text...';
    const { ciphertext } = await once(`${sym}/encrypt`, { plaintext });
    const { signature } = await once(`${asym}/sign`, { plaintext });

    const rows: Row[] = [];
    rows.push(await measure('bare node:http', `${bare.ready.url}/`, { plaintext }));
    rows.push(await measure('mock encrypt', `${sym}/encrypt`, { plaintext }));
    rows.push(await measure('mock decrypt', `${sym}/decrypt`, { ciphertext }));
    rows.push(await measure('mock sign', `${asym}/sign`, { plaintext }));
    rows.push(await measure('mock verify', `${asym}/verify`, { plaintext, signature }));

    const bareRps = rows[0].rps;
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s warm-up, plain HTTP\n`);
    console.log('target            req/s   of bare   p99 ms   failures');
    for (const r of rows) {
      console.log(`${r.name.padEnd(16)} ${r.rps.toFixed(0).padStart(6)}   ${((100 * r.rps) / bareRps).toFixed(0).padStart(5)} %   ${String(r.p99).padStart(6)}   ${r.failures}`);
    }
    const enc = rows[1];
    const ratio = enc.rps / bareRps;
    console.log(`\nencrypt: ${(100 * ratio).toFixed(0)} % of bare (goal >= 50 %), p99 ${enc.p99} ms (goal < 10 ms): ${ratio >= 0.5 && enc.p99 < 10 ? 'met' : 'NOT met'}`);
  } finally {
    bare.child.kill();
    mock.child.kill();
  }
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
