// What the mock says about itself: the profile it writes (valid, pinned or not by personality, readable by
// its owner only), its personality switches (each about an ambiguity of the catalogue), its log (no
// secret, token or signature in clear), and main.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { BREAKINGS } from '../../families/ksig1/auth/breakings.ts';
import { signRequest } from '../../families/ksig1/auth/signer.ts';
import { PERSONALITY_SWITCHES, startKsig1Mock, UnknownFaultError, UnknownPersonalityError } from '../../families/ksig1/mock/index.ts';
import { loadCatalogue, schemaValidator, TARGET_SCHEMA_FILE } from '../../families/ksig1/spec/catalogue.ts';
import { Ksig1Client } from '../../families/ksig1/client.ts';
import { POST_CONTROL, served, started } from './support.ts';

const catalogue = loadCatalogue();
const ambiguous = catalogue.requirements.filter((r) => r.ambiguity).map((r) => r.id);
const validateProfile = schemaValidator(TARGET_SCHEMA_FILE);
const readProfile = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

test('the reference profile is valid, pins its signing choices and every ambiguity, and only its owner can read it', async () => {
  const { mock } = await started();
  const profile = readProfile(mock.profilePath);
  assert.ok(validateProfile(profile), JSON.stringify(validateProfile.errors));
  assert.deepEqual((profile.expectations as { strict: string[] }).strict, ambiguous);
  assert.deepEqual(profile.signing, { joining: { order: 'listed', delimiter: '\n' }, contentMd5: 'base64' });
  assert.deepEqual((profile.fixtures as { revokedKey: unknown }).revokedKey, mock.revoked);
  assert.equal(statSync(mock.profilePath).mode & 0o077, 0);
});

test('the alternate profile is valid and pins nothing, and its controls are served when signed its way', async () => {
  const { mock, client } = await started({ personality: 'alternate' });
  const profile = readProfile(mock.profilePath);
  assert.ok(validateProfile(profile), JSON.stringify(validateProfile.errors));
  assert.equal(profile.expectations, undefined);
  assert.equal(profile.signing, undefined);
  assert.match(readFileSync(mock.profilePath, 'utf8'), /# Unpinned/);
  for (const control of profile.controls as { method: string; path: string; body?: string }[]) assert.ok(served(await client.signed(control)), control.path);
});

test('every personality switch plays an ambiguity the catalogue declares', () => {
  assert.deepEqual(PERSONALITY_SWITCHES.flatMap((s) => s.requirements.filter((id) => !ambiguous.includes(id))), []);
});

test('unknown fault and personality names are refused before anything starts', async () => {
  await assert.rejects(startKsig1Mock({ faults: ['no-such-fault'], quiet: true }), UnknownFaultError);
  await assert.rejects(startKsig1Mock({ personality: 'lenient', quiet: true }), UnknownPersonalityError);
});

test('the log shows every request with no secret key, auth token or signature in clear', async () => {
  const lines: string[] = [];
  const { mock, client, ctx } = await started({ log: (line) => lines.push(line), personality: 'alternate' });
  const signatures: string[] = [];
  for (const breaking of BREAKINGS) await client.broken(POST_CONTROL, breaking, ctx);
  for (const control of [POST_CONTROL, { ...POST_CONTROL, body: mock.credentials.secretKey }]) {
    const signed = signRequest(client.toSign(control));
    signatures.push(signed.headers.Authorization.split(' ')[1]);
    await client.send(signed);
  }
  const secrets = [mock.credentials.secretKey, mock.credentials.authToken, mock.revoked.secretKey, mock.revoked.authToken, ctx.otherAuthToken, ...signatures];
  const text = lines.join('\n');
  assert.equal(lines.length, BREAKINGS.length + 2);
  assert.deepEqual(secrets.filter((s) => text.includes(s)), []);
  assert.match(text, /"authorization":"KSig1-HMAC-SHA256 \*\*\*"/);
  assert.match(text, /AUTH_SIGNATURE_MISMATCH/);
});

const run = promisify(execFile);
const MAIN = new URL('../../families/ksig1/mock/main.ts', import.meta.url).pathname;

test('main.ts lists its faults, and a bad option is one line on stderr with exit status 2', async () => {
  const listed = await run(process.execPath, ['--import', 'tsx', MAIN, '--list-faults']);
  assert.match(listed.stdout, /^signature-unchecked {2}KSIG-SIG-MIS-001/m);
  const failed = await run(process.execPath, ['--import', 'tsx', MAIN, '--fault', 'nope']).then(() => undefined, (e: { code: number; stderr: string }) => e);
  assert.equal(failed?.code, 2);
  assert.match(failed?.stderr ?? '', /^ksig1 mock: unknown fault nope/);
  assert.equal(failed?.stderr.trim().split('\n').length, 1);
});

test('a client of this family can sign for a mock it did not start: the credentials are all it needs', async () => {
  const { mock } = await started();
  const client = new Ksig1Client({ baseUrl: mock.baseUrl, credentials: mock.credentials });
  assert.ok(served(await client.signed(POST_CONTROL)));
});
