// The KSig1 spec is valid OpenAPI 3.1, and what it says about the gate equals what the signer, the
// breakings and the mock use: the three always-required headers, the conditional headers, the elements in
// their canonical order, the five codes with 401 and the document's example bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import { AUTH_ERROR_STATUS, AUTH_ERRORS } from '../../families/ksig1/auth/errors.ts';
import { CONDITIONAL_HEADERS, ELEMENT_NAMES, HEADERS, REQUIRED_HEADERS } from '../../families/ksig1/auth/signer.ts';
import { readSpec, SPEC_FILE } from '../../families/ksig1/spec/catalogue.ts';

type Json = Record<string, unknown>;

const raw = readSpec();
const spec = (await SwaggerParser.validate(SPEC_FILE)) as unknown as Json;
const components = spec.components as Record<string, Record<string, Json>>;
const operations = Object.values(spec.paths as Record<string, Record<string, Json>>).flatMap((item) => Object.values(item));

test('every operation is a protected request behind the three always-required headers', () => {
  assert.equal(operations.length, 2);
  for (const op of operations) {
    assert.equal(op['x-operation'], 'protectedRequest');
    const schemes = (op.security as Json[]).map((s) => Object.keys(s).map((k) => components.securitySchemes[k].name).sort());
    assert.deepEqual(schemes, [[...REQUIRED_HEADERS].sort()]);
    const headers = (op.parameters as Json[]).filter((p) => p.in === 'header').map((p) => p.name).sort();
    assert.deepEqual(headers, [HEADERS.signedElements, ...Object.values(CONDITIONAL_HEADERS)].sort(), 'the conditional headers, optional');
  }
});

test('the elements are the signer\'s, in its canonical order, each with its header', () => {
  const elements = raw['x-ksig-elements'] as { name: string; header?: string }[];
  assert.deepEqual(elements.map((e) => e.name), [...ELEMENT_NAMES]);
  for (const [name, header] of Object.entries(CONDITIONAL_HEADERS)) assert.equal(elements.find((e) => e.name === name)?.header, header);
});

test('the five codes are the document\'s, each HTTP 401, and each example body validates', () => {
  assert.equal(raw['x-ksig-error-status'], AUTH_ERROR_STATUS);
  assert.deepEqual((raw['x-ksig-error-codes'] as { code: string; message: string }[]).map((e) => [e.code, e.message]), Object.entries(AUTH_ERRORS));
  const media = (components.responses.AuthError.content as Json)['application/json'] as { schema: Json; examples: Record<string, { value: Json }> };
  const validate = new Ajv2020.default({ strict: false }).compile(media.schema);
  assert.deepEqual(Object.keys(media.examples), Object.keys(AUTH_ERRORS));
  for (const [code, example] of Object.entries(media.examples)) {
    assert.ok(validate(example.value), code);
    assert.deepEqual(example.value, { errors: [{ code, message: AUTH_ERRORS[code as keyof typeof AUTH_ERRORS] }] });
  }
  assert.equal(validate({ code: 'AUTH_INVALID_HEADER', message: 'x' }), false, 'the errors array is required');
  assert.equal(validate({ errors: [{ code: 'AUTH_EXPIRED', message: 'x' }] }), false, 'only the five codes');
  for (const op of operations) assert.ok((op.responses as Json)['401'], String(op.operationId));
});
