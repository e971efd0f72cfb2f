// What the mock says about itself: the profile it writes (valid, pinned or not by personality, readable by
// its owner only), the error tables it answers with (the spec's), its personality switches (each about an
// ambiguity of the catalogue), the alternate personality's lenient-but-correct behaviour, and main.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { GATEWAY_ERRORS, KMS_ERRORS } from '../../families/ncp-kms/mock/errors.ts';
import { KeyPairs, PERSONALITY_SWITCHES, UnknownFaultError, UnknownPersonalityError, startNcpKmsMock } from '../../families/ncp-kms/mock/index.ts';
import { loadCatalogue, readSpec } from '../../families/ncp-kms/spec/catalogue.ts';
import { dataOf, isRefusal, ok, random64, started } from './support.ts';

const catalogue = loadCatalogue();
const keyPairs = new KeyPairs();
const schema = JSON.parse(readFileSync(new URL('../../families/ncp-kms/spec/target.schema.json', import.meta.url), 'utf8'));
const validateProfile = new Ajv2020.default({ allErrors: true }).compile(schema);
const readProfile = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

test('the reference profile is valid, pins every ambiguity of the catalogue, and only its owner can read it', async () => {
  const { mock } = await started({ keyPairs });
  const profile = readProfile(mock.profilePath);
  assert.ok(validateProfile(profile), JSON.stringify(validateProfile.errors));
  const expectations = profile.expectations as { strict: string[] };
  assert.deepEqual(expectations.strict, catalogue.requirements.filter((r) => r.ambiguity).map((r) => r.id));
  assert.equal((profile.gateway as { v1StringToSign: string }).v1StringToSign, 'with-api-key');
  assert.equal(statSync(mock.profilePath).mode & 0o077, 0);
});

test('the alternate profile is valid and pins nothing', async () => {
  const { mock } = await started({ personality: 'alternate', keyPairs });
  const profile = readProfile(mock.profilePath);
  assert.ok(validateProfile(profile), JSON.stringify(validateProfile.errors));
  assert.equal(profile.expectations, undefined);
  assert.equal((profile.gateway as Record<string, unknown>).v1StringToSign, undefined);
  assert.match(readFileSync(mock.profilePath, 'utf8'), /# Unpinned/);
});

test('the KMS and gateway error tables are the spec\'s', () => {
  const spec = readSpec();
  assert.deepEqual((spec['x-ncp-error-codes'] as { code: string; message: string }[]).map((e) => [e.code, e.message]), Object.entries(KMS_ERRORS));
  const gateway = Object.values(GATEWAY_ERRORS).map((e) => ({ ...e }));
  assert.deepEqual(spec['x-ncp-gateway-errors'], gateway);
});

test('every personality switch plays an ambiguity the catalogue declares', () => {
  const ambiguous = new Set(catalogue.requirements.filter((r) => r.ambiguity).map((r) => r.id));
  assert.deepEqual(PERSONALITY_SWITCHES.flatMap((s) => s.requirements.filter((id) => !ambiguous.has(id))), []);
});

test('unknown fault and personality names are refused before anything starts', async () => {
  await assert.rejects(startNcpKmsMock({ faults: ['no-such-fault'], quiet: true }), UnknownFaultError);
  await assert.rejects(startNcpKmsMock({ personality: 'lenient', quiet: true }), UnknownPersonalityError);
});

test('the alternate personality is another correct reading: round trips work, refusals are documented ones', async () => {
  const { mock, client } = await started({ personality: 'alternate', keyPairs });
  const aes = mock.keys.aes256.tag;
  for (const version of ['v1', 'v2'] as const) {
    const plaintext = random64(48);
    const { ciphertext } = ok(await client.call(aes, 'encrypt', { plaintext }, { version }));
    assert.match(ciphertext as string, /^ncpkms:v2:/, 'versions from 0: the newest of three is 2');
    assert.equal(ok(await client.call(aes, 'decrypt', { ciphertext }, { version })).plaintext, plaintext);
  }
  const unknown = await client.call('no-such-key', 'encrypt', { plaintext: 'AAAA' });
  assert.equal(unknown.status, 200);
  assert.ok(isRefusal(unknown));
  assert.match((unknown.body as { msg: string }).msg, /^Forbidden: /);
  const data = random64(16);
  const { signature } = ok(await client.call(mock.keys.ecdsa.tag, 'sign', { data }));
  assert.doesNotMatch(signature as string, /^ncpkms:/);
  assert.equal(ok(await client.call(mock.keys.ecdsa.tag, 'verify', { data, signature })).valid, 'true');
  assert.ok(isRefusal(await client.call(mock.keys.ecdsa.tag, 'verify', { data: random64(16), signature })));
  assert.equal((await client.call(aes, 're-encrypt', { ciphertext: 'x' })).status, 404);
  assert.ok(dataOf(await client.call(aes, 'encrypt', { plaintext: random64(24_000) })), '32,000 Base64 characters are within 32 KB under every reading');
  assert.ok(isRefusal(await client.call(aes, 'encrypt', { plaintext: random64(24_577) })), 'over 32,768 Base64 characters');
});

const run = promisify(execFile);
const MAIN = new URL('../../families/ncp-kms/mock/main.ts', import.meta.url).pathname;

test('main.ts lists its faults, and a bad option is one line on stderr with exit status 2', async () => {
  const listed = await run(process.execPath, ['--import', 'tsx', MAIN, '--list-faults']);
  assert.match(listed.stdout, /^signature-unchecked {2}NCP-GW-SIG-001/m);
  const failed = await run(process.execPath, ['--import', 'tsx', MAIN, '--fault', 'nope']).then(() => undefined, (e: { code: number; stderr: string }) => e);
  assert.equal(failed?.code, 2);
  assert.match(failed?.stderr ?? '', /^ncp-kms mock: unknown fault nope/);
  assert.equal(failed?.stderr.trim().split('\n').length, 1);
});
