// The example profile for the real service is valid against the family's target schema and keeps every
// secret in the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (path: string) => readFileSync(new URL(`../../families/ncp-kms/${path}`, import.meta.url), 'utf8');
const validate = new Ajv2020.default({ allErrors: true }).compile(JSON.parse(read('spec/target.schema.json')));
const example = parse(read('targets/example-ncp-kms.yaml')) as { credentials: Record<string, string>; baseUrl: string };

test('the example profile is valid', () => {
  assert.ok(validate(example), JSON.stringify(validate.errors));
  assert.equal(example.baseUrl, 'https://kms.apigw.ntruss.com');
});

test('every credential of the example comes from an environment variable', () => {
  assert.deepEqual(Object.values(example.credentials).filter((v) => !/^\$\{[A-Z0-9_]+\}$/.test(v)), []);
});

test('the schema refuses what a profile cannot be used with', () => {
  const base = structuredClone(example) as Record<string, unknown>;
  for (const broken of [
    { ...base, family: 'skm' },
    { ...base, signatureVersions: ['v3'] },
    { ...base, baseUrl: 'https://kms.apigw.ntruss.com/keys/v2' },
    { ...base, credentials: { accessKey: 'a' } },
    { ...base, expectations: { strict: ['SKM-SYM-ENC-003'] } },
  ]) assert.equal(validate(broken), false, JSON.stringify(broken).slice(0, 120));
});
