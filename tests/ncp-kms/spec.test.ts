// The NAVER Cloud KMS spec is valid OpenAPI 3.1, names every action under both signature variants with
// the gateway headers of its variant, and its documented examples and error codes agree with its schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { readSpec, specOperations, SPEC_FILE } from '../../families/ncp-kms/spec/catalogue.ts';

type Json = Record<string, unknown>;

const ACTIONS = ['encrypt', 'decrypt', 'createCustomKey', 'reencrypt', 're-encrypt', 'sign', 'verify'];
const raw = readSpec();
const dereferenced = (await SwaggerParser.validate(SPEC_FILE)) as unknown as Json;
const operations = specOperations(raw);

test('every action is served under /keys/v1/ and /keys/v2/', () => {
  const paths = operations.map((o) => o.path).sort();
  const expected = ['v1', 'v2'].flatMap((v) => ACTIONS.map((a) => `/keys/${v}/{keyTag}/${a}`)).sort();
  assert.deepEqual(paths, expected);
});

test('operationIds are <operation>_<variant> and agree with x-operation and x-variant', () => {
  for (const o of operations) {
    assert.equal(o.path.split('/')[2], o.version, o.operationId);
    const base = o.spelling ? `${o.operation}Hyphenated` : o.operation;
    assert.equal(o.operationId, `${base}_${o.version}`);
    assert.equal(o.path.split('/').at(-1), o.spelling ?? o.operation);
  }
});

test('each variant asks for its own gateway headers', () => {
  const schemes = (dereferenced.components as Json).securitySchemes as Record<string, Json>;
  const headersOf = (path: string) => {
    const op = ((dereferenced.paths as Json)[path] as Json).post as Json;
    return (op.security as Json[]).map((s) => Object.keys(s).map((k) => schemes[k].name).sort());
  };
  assert.deepEqual(headersOf('/keys/v2/{keyTag}/encrypt'), [['x-ncp-apigw-signature-v2', 'x-ncp-apigw-timestamp', 'x-ncp-iam-access-key']]);
  assert.deepEqual(headersOf('/keys/v1/{keyTag}/encrypt'), [['x-ncp-apigw-api-key', 'x-ncp-apigw-signature-v1', 'x-ncp-apigw-timestamp', 'x-ncp-iam-access-key']]);
});

const ajv = new Ajv2020.default({ strict: false, allErrors: true });

function responseSchema(path: string, status: string): { schema: Json; examples: Record<string, Json> } {
  const op = ((dereferenced.paths as Json)[path] as Json).post as Json;
  const media = (((op.responses as Json)[status] as Json).content as Json)['application/json'] as Json;
  return { schema: media.schema as Json, examples: (media.examples ?? {}) as Record<string, Json> };
}

test('the document\'s encrypt response example validates, and so does each error code example', () => {
  const checked: string[] = [];
  for (const status of ['200', 'default']) {
    const { schema, examples } = responseSchema('/keys/v2/{keyTag}/encrypt', status);
    const validate = ajv.compile(schema);
    for (const [name, example] of Object.entries(examples)) {
      assert.ok(validate(example.value), `${name}: ${JSON.stringify(validate.errors)}`);
      checked.push(name);
    }
  }
  assert.equal(checked.length, 8);
});

test('the KMS prefix example of the document matches the ciphertext schema', () => {
  const schema = ((dereferenced.components as Json).schemas as Json).KmsCiphertext as Json;
  const validate = ajv.compile(schema);
  for (const example of schema.examples as string[]) assert.ok(validate(example), example);
  assert.equal(validate('XjsPWPjqPrBi1N2DupSiSbX/ATkGmKA'), false, 'a ciphertext without its prefix');
});

test('the error envelope\'s codes are the seven of the document\'s table, and gateway errors have their own shape', () => {
  const table = (raw['x-ncp-error-codes'] as { code: string }[]).map((e) => e.code);
  const schemas = (dereferenced.components as Json).schemas as Record<string, Json>;
  const codes = ((schemas.KmsErrorEnvelope.properties as Json).code as Json).enum as string[];
  assert.deepEqual([...codes].sort(), [...table].sort());
  assert.equal(table.length, 7);
  const { schema } = responseSchema('/keys/v2/{keyTag}/decrypt', 'default');
  const validate = ajv.compile(schema);
  assert.ok(validate({ error: { errorCode: '200', message: 'Authentication Failed', details: 'Invalid authentication information.' } }));
  assert.equal(validate({ code: 'SUCCESS', msg: '' }), false);
});

test('list inputs and single values are both documented, and the answers name their list fields', () => {
  const schemas = (dereferenced.components as Json).schemas as Record<string, Json>;
  const encrypt = ajv.compile(schemas.EncryptRequest);
  assert.ok(encrypt({ plaintext: 'AAEC' }));
  assert.ok(encrypt({ plaintext: ['AAEC', 'AwQF'] }));
  assert.equal(encrypt({ plaintext: [] }), false);
  const answer = ajv.compile(schemas.EncryptEnvelope);
  assert.ok(answer({ code: 'SUCCESS', msg: '', data: { ciphertextList: ['ncpkms:v1:AAAA'] } }));
  const custom = ajv.compile(schemas.CreateCustomKeyRequest);
  assert.ok(custom({ requestPlainKey: true, bits: 512 }));
  assert.equal(custom({ bits: 192 }), false);
});
