// The format decoders and the signature-scheme oracle, against node:crypto's own keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, privateEncrypt, sign } from 'node:crypto';
import { decodeBase64, decodeHexListing, parsePkcs8, parseSpki, rsaModulusBits, FormatError } from '../../harness/formats.ts';
import { detectSignatureScheme } from '../../harness/signature-schemes.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

test('hex listings decode: leniently any case and whitespace after commas, strictly only the examples\' form', () => {
  assert.deepEqual([...decodeHexListing('0x00, 0x20, 0xff')], [0, 32, 255]);
  assert.deepEqual([...decodeHexListing('0x00,0x20,\n0xFF')], [0, 32, 255]);
  assert.deepEqual([...decodeHexListing('0x00, 0x20, 0xff', true)], [0, 32, 255]);
  for (const bad of ['0x00,0x20', '0x00, 0xFF']) assert.throws(() => decodeHexListing(bad, true), FormatError, bad);
  for (const bad of ['00 20', '0x0, 0x20', '0x00, 0x20,', '0X00, 0X20', '']) assert.throws(() => decodeHexListing(bad), FormatError, bad);
});

test('Base64 must be standard; padded when strict', () => {
  assert.equal(decodeBase64('ZGF0YQ==').toString(), 'data');
  assert.equal(decodeBase64('ZGF0YQ').toString(), 'data');
  assert.equal(decodeBase64('ZGF0YQ==', true).toString(), 'data');
  assert.throws(() => decodeBase64('ZGF0YQ', true), FormatError);
  for (const bad of ['ZGF0-Q==', 'ZGF0YQ==\n', '!!!!', 'ZGF0Y']) assert.throws(() => decodeBase64(bad), FormatError, bad);
});

test('DER is read as PKCS#8 and SPKI only', () => {
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  assert.equal(rsaModulusBits(parsePkcs8(pkcs8)), 2048);
  assert.equal(rsaModulusBits(parseSpki(spki)), 2048);
  assert.throws(() => parseSpki(publicKey.export({ format: 'der', type: 'pkcs1' })), FormatError);
  assert.throws(() => parsePkcs8(privateKey.export({ format: 'der', type: 'pkcs1' })), FormatError);
});

test('the signature scheme is detected, with or without a version prefix', () => {
  const data = Buffer.from('data to sign');
  const raw = privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, data);
  const prefixed = Buffer.concat([Buffer.from([0, 0, 0, 3]), raw]);
  assert.deepEqual(detectSignatureScheme(publicKey, data, prefixed), { scheme: 'RSA PKCS#1 v1.5 over the raw data (no hash)', versionPrefix: 3 });
  assert.equal(detectSignatureScheme(publicKey, data, sign('sha256', data, privateKey))?.scheme, 'RSA PKCS#1 v1.5 with SHA-256');
  assert.equal(detectSignatureScheme(publicKey, Buffer.from('other data'), raw), undefined);
});
