// A success answer that misses its schema blames the requirement defining the field it missed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { responseValidator } from '../../harness/oracles/success.ts';
import { blamedByResponse } from '../../harness/oracles/response-blame.ts';

const ok = { header: { resultCode: 0, resultMessage: 'SUCCESS', isSuccessful: true } };

function blamed(operationId: string, answer: unknown): string[] | undefined {
  const validate = responseValidator(operationId);
  assert.equal(validate(answer), false, 'the answer must miss the schema');
  return blamedByResponse(operationId, validate.errors!);
}

test('a missing keyVersion in an encrypt answer blames the encrypt-answer requirement only', () => {
  assert.deepEqual(blamed('symmetricEncrypt_v1_2', { ...ok, body: { ciphertext: 'AAAA' } }), ['SKM-SYM-ENC-001']);
});

test('a string keyVersion in a v1.1 symmetric-key answer blames the v1.1/v1.2 requirement, not the v1.0 one', () => {
  assert.deepEqual(blamed('getSymmetricKey_v1_1', { ...ok, body: { symmetricKey: '0x01', keyVersion: '1' } }), ['SKM-SYM-KEY-004']);
});

test('a missing certificate flag blames the flag requirement, not the client-ip one', () => {
  const body = { clientIp: '127.0.0.1', clientMacHeader: '' };
  assert.deepEqual(blamed('getClientInfo_v1_0', { ...ok, body }), ['SKM-CFM-BODY-002']);
});

test('a broken header blames the envelope requirement of the operation kind', () => {
  const header = { resultCode: 0, isSuccessful: true };
  assert.deepEqual(blamed('getSecret_v1_0', { header, body: { secret: 's' } }), ['SKM-ENV-HDR-001']);
  assert.deepEqual(blamed('createSecret_v1_2', { header }), ['SKM-MGT-ENV-001']);
});

test('a missing body blames the success-envelope requirement', () => {
  assert.deepEqual(blamed('symmetricDecrypt_v1_0', ok), ['SKM-ENV-SUC-001']);
});
