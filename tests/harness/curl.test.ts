// The "Reproduce with" curl line repeats the request against the real mock: over HTTPS trusting the
// profile's CA, with the client certificate and its passphrase, secrets given as the environment
// variables the profile took them from, and the whole body, byte for byte, however long.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../mock/index.ts';
import { loadTarget, type LoadedTarget } from '../../harness/profile/load-target.ts';
import { SkmClient } from '../../harness/http/skm-client.ts';
import { Redactor, redactorFor } from '../../harness/redaction.ts';
import { Exchange } from '../../harness/http/exchange.ts';
import { tempDir } from '../temp-dir.ts';

const noCurl = spawnSync('curl', ['--version']).error && 'curl is not installed (apt-get install -y curl)';

const dir = tempDir('skm-curl-');
let mock: RunningMock;
let target: LoadedTarget;
let client: SkmClient;
const env: Record<string, string> = {};

/** The mock's profile with its secrets moved into environment variables, as a user would keep them. */
function profileFromEnv(path: string): string {
  let text = readFileSync(path, 'utf8');
  const literal = loadTarget(path).profile;
  const secrets: [string, string][] = [
    ['SKM_APPKEY', literal.appkey],
    ['SKM_ACCESS_KEY_ID', literal.credentials!.accessKeyId],
    ['SKM_SECRET_ACCESS_KEY', literal.credentials!.secretAccessKey],
    ['SKM_CERT_PASSWORD', literal.fixtures!.certificate!.valid.passphrase!],
  ];
  for (const [name, value] of secrets) {
    env[name] = value;
    text = text.replaceAll(`: ${value}\n`, `: "\${${name}}"\n`);
  }
  const envPath = join(path, '..', 'profile-env.yaml');
  writeFileSync(envPath, text);
  return envPath;
}

before(async () => {
  if (noCurl) return;
  mock = await startMock({ quiet: true, profileDir: dir });
  target = loadTarget(profileFromEnv(mock.profilePath), { ...process.env, ...env });
  client = new SkmClient(target, redactorFor(target));
});

after(async () => {
  await client?.close();
  await mock?.close();
});

/** Runs the exchange's curl line as a user pasting it would (sh reads it: no argument-length limit), with
 *  the secrets in the environment; the answer, parsed. */
function runCurl(ex: Exchange, secrets: Record<string, string> = env): Promise<unknown> {
  const line = ex.curl();
  for (const secret of Object.values(secrets)) assert.ok(!line.includes(secret), `a secret in ${line.slice(0, 2000)}`);
  return new Promise((done, fail) => {
    const sh = execFile('sh', [], { env: { PATH: process.env.PATH, ...secrets } }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${line.slice(0, 2000)}\n${stderr}`));
      else done(JSON.parse(stdout));
    });
    sh.stdin!.end(`${line}\n`);
  });
}

test('a v1.2 call with credentials, repeated by its curl line, gets the same secret', { skip: noCurl }, async () => {
  const ex = await client.call('getSecret_v1_2', { keyId: target.profile.keys.secret!.id });
  assert.equal(ex.response?.status, 200);
  assert.match(ex.curl(), / --cacert '[^']+ca\.pem' /);
  assert.deepEqual(await runCurl(ex), ex.response!.json);
});

test('a call with the client certificate, repeated by its curl line, passes the certificate store', { skip: noCurl }, async () => {
  const f = target.profile.fixtures!.certificate!;
  const valid = f.valid as { pkcs12: string; passphrase: string };
  const ex = await client.call('getSecret_v1_0', { keyId: f.keys.secret, certificate: { name: 'fixtures.certificate.valid', ...valid } });
  assert.equal(ex.response?.status, 200, ex.describe());
  assert.match(ex.curl(), / --cert-type P12 --cert '[^']+valid\.p12:'"\$\{SKM_CERT_PASSWORD\}" /);
  assert.deepEqual(await runCurl(ex), ex.response!.json);
  const without = await client.call('getSecret_v1_0', { keyId: f.keys.secret });
  assert.notEqual(without.response?.status, 200, 'the store needs the certificate, so the curl line did present it');
});

test('a call with a body, repeated by its curl line, is accepted', { skip: noCurl }, async () => {
  const ex = await client.call('symmetricEncrypt_v1_0', { keyId: target.profile.keys.symmetric!.id, body: { plaintext: "it's $HOME `id` \"quoted\"" } });
  assert.equal(ex.response?.status, 200);
  const again = (await runCurl(ex)) as { header: { isSuccessful: boolean } };
  assert.equal(again.header.isSuccessful, true);
});

test('a body as long as the plaintext limit, repeated by its curl line, encrypts the whole text', { skip: noCurl }, async () => {
  const keyId = target.profile.keys.symmetric!.id;
  const plaintext = 'a'.repeat(32 * 1024 - 8) + randomBytes(4).toString('hex');
  const ex = await client.call('symmetricEncrypt_v1_0', { keyId, body: { plaintext } });
  assert.equal(ex.response?.status, 200);
  assert.ok(ex.curl().length < 1000, 'the run of one character is generated, not written out');
  const again = (await runCurl(ex)) as { body: { ciphertext: string } };
  const decrypted = await client.call('symmetricDecrypt_v1_0', { keyId, body: { ciphertext: again.body.ciphertext } });
  assert.equal((decrypted.body as { plaintext?: string }).plaintext, plaintext);
});

/** A server that answers the length and SHA-256 of every body it receives. */
async function digestServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const hash = createHash('sha256');
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
    });
    req.on('end', () => res.end(JSON.stringify({ length, sha256: hash.digest('hex') })));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo` };
}

const digest = (body: string) => ({ length: Buffer.byteLength(body), sha256: createHash('sha256').update(body).digest('hex') });

test('every body reaches the target byte for byte: quoted, from the environment, unparsed JSON, huge or repetitive', { skip: noCurl, timeout: 60_000 }, async () => {
  const token = 'token-from-the-environment-0123';
  const redactor = new Redactor();
  redactor.fromEnv(token, 'SKM_TOKEN');
  const bodies: [string, string, number][] = [
    ['shell characters and a secret', `{"note":"it's $HOME \`id\` \\"q\\" ${token}"}`, 200],
    ['JSON spaced and escaped as the harness wrote it', '{ "plaintext" : "caf\\u00e9",\n  "a": 1.0, "a": 2 }', 200],
    ['a body starting with @, which curl would read as a file', '@/etc/hostname', 200],
    ['a 1 MiB field', JSON.stringify({ plaintext: 'x'.repeat(1024 * 1024) }), 300],
    ['runs of a multi-byte character and of spaces between lines', `{"plaintext":"${'가'.repeat(10_923)}"}\n${' '.repeat(150)}\nend`, 400],
    ['a 16 MiB body', JSON.stringify({ plaintext: 'x'.repeat(16 * 1024 * 1024) }), 300],
    ['200 KB that repeat nothing', randomBytes(100_000).toString('hex'), 201_000],
  ];
  const { server, url } = await digestServer();
  try {
    for (const [label, body, maxLine] of bodies) {
      const ex = new Exchange(undefined, { method: 'POST', url, headers: { 'content-type': 'application/json' }, body }, undefined, 'x', 1, redactor);
      assert.ok(ex.curl().length <= maxLine, `${label}: a curl line of ${ex.curl().length} characters`);
      assert.deepEqual(await runCurl(ex, { SKM_TOKEN: token }), digest(body), label);
    }
  } finally {
    server.close();
  }
});
