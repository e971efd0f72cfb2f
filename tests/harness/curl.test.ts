// The "Reproduce with" curl line repeats the request against the real mock: over HTTPS trusting the
// profile's CA, with the client certificate and its passphrase, secrets given as the environment
// variables the profile took them from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../mock/index.ts';
import { loadTarget, type LoadedTarget } from '../../harness/profile/load-target.ts';
import { SkmClient } from '../../harness/http/skm-client.ts';
import { redactorFor } from '../../harness/redaction.ts';
import type { Exchange } from '../../harness/http/exchange.ts';
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

function runCurl(ex: Exchange): Promise<unknown> {
  const line = ex.curl();
  for (const secret of Object.values(env)) assert.ok(!line.includes(secret), `a secret in ${line}`);
  return new Promise((done, fail) => {
    execFile('sh', ['-c', line], { env: { PATH: process.env.PATH, ...env } }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${line}\n${stderr}`));
      else done(JSON.parse(stdout));
    });
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
