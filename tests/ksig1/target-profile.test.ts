// The example profile for a real KSig1-protected API is valid against the family's target schema and
// keeps every secret in the environment; the schema refuses what a profile cannot be used with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { schemaValidator, TARGET_SCHEMA_FILE } from '../../families/ksig1/spec/catalogue.ts';

const validate = schemaValidator(TARGET_SCHEMA_FILE);
const example = parse(readFileSync(new URL('../../families/ksig1/targets/example-ksig1.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const fromEnv = (v: unknown) => typeof v === 'string' && /^\$\{[A-Z0-9_]+\}$/.test(v);

test('the example profile is valid', () => {
  assert.ok(validate(example), JSON.stringify(validate.errors));
});

test('every credential of the example, revoked ones included, comes from an environment variable', () => {
  const revoked = (example.fixtures as { revokedKey: Record<string, string> }).revokedKey;
  assert.deepEqual([...Object.values(example.credentials as Record<string, string>), ...Object.values(revoked)].filter((v) => !fromEnv(v)), []);
  assert.ok(fromEnv(example.baseUrl));
});

test('the schema refuses what a profile cannot be used with', () => {
  for (const broken of [
    { ...example, family: 'ncp-kms' },
    { ...example, controls: [] },
    { ...example, controls: [{ method: 'TRACE', path: '/x' }] },
    { ...example, baseUrl: 'https://api.example.com/' },
    { ...example, credentials: { apiKey: 'a', secretKey: 'b' } },
    { ...example, signing: { joining: { order: 'sorted', delimiter: '\n' } } },
    { ...example, expectations: { strict: ['NCP-GW-TS-001'] } },
    { ...example, fixtures: { revokedKey: { secretKey: 'x' } } },
  ]) assert.equal(validate(broken), false, JSON.stringify(broken).slice(0, 120));
  assert.ok(validate({ ...example, baseUrl: 'https://api.example.com/v1', signing: { joining: { order: 'canonical', delimiter: '' }, contentMd5: 'hex' } }));
});
