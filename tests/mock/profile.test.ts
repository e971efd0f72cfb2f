// The target profile the mock writes for itself is complete (every fixture of
// targets/PROFILE-FORMAT.md), valid against targets/target.schema.json, and names files that exist.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import validateTarget from '../../generated/targets/validate-target.js';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { ok, startTestMock, type TestMock } from './support.ts';

let t: TestMock;
before(async () => {
  t = await startTestMock();
});
after(() => t.close());

test('the profile passes the target schema and the harness loads it', () => {
  assert.ok(validateTarget(t.profile), JSON.stringify(validateTarget.errors));
  const loaded = loadTarget(t.mock.profilePath, {});
  assert.equal(loaded.profile.baseUrl, t.mock.baseUrl);
  assert.equal(loaded.profile.plainBaseUrl, t.mock.plainBaseUrl);
});

test('the profile names every fixture, with every optional part, and the mock\'s own expectations', () => {
  const p = t.profile;
  assert.deepEqual(p.apiVersions, ['v1.0', 'v1.1', 'v1.2']);
  assert.ok(p.keys.secret?.value && p.keys.symmetric?.id && p.keys.asymmetric?.id);
  const f = p.fixtures!;
  assert.deepEqual(Object.keys(f).sort(), ['allMethods', 'certificate', 'invalidKeyStatus', 'ipv4Allowed', 'ipv4Denied', 'ipv4NotInService', 'mac', 'otherTenant', 'rotated', 'scheduledForDeletion']);
  for (const set of [f.ipv4Allowed!.keys, f.ipv4Denied!.keys, f.ipv4NotInService!.keys, f.mac!.keys, f.certificate!.keys, f.allMethods!.keys, f.scheduledForDeletion!.keys, f.otherTenant!.keys]) {
    assert.deepEqual(Object.keys(set).sort(), ['asymmetric', 'secret', 'symmetric']);
  }
  assert.ok(f.mac!.registered && f.mac!.notInService && f.mac!.unregistered);
  assert.ok(f.certificate!.valid && f.certificate!.expired && f.certificate!.notInService);
  assert.deepEqual({ latest: f.rotated!.latestVersion, inService: f.rotated!.inService }, { latest: 3, inService: [2, 3] });
  for (const m of [f.rotated!.olderVersion!, f.rotated!.scheduledVersion!, f.rotated!.deletedVersion!]) assert.ok(m.ciphertext && m.signature && m.plaintext);
  assert.ok(f.rotated!.olderVersion!.localKeyCiphertext && f.rotated!.olderVersion!.localKeyPlaintext);
  assert.equal(f.rotated!.olderVersion!.version, 2);
  assert.deepEqual(f.rotated!.scheduledVersion!.version, 1);
  assert.deepEqual(f.rotated!.deletedVersion!.version, 0);
  assert.ok(f.invalidKeyStatus!.ciphertext && f.invalidKeyStatus!.signature);
  assert.ok(f.otherTenant!.credentials);
  assert.deepEqual(p.provisioning, { allowed: true, keyStoreName: 'Store #1', readyWithinSeconds: 0 });
  const e = p.expectations!;
  assert.deepEqual([e.errorTransport, e.messages, e.plaintextLimitUnit, e.certificateField], ['http4xx', {}, 'bytes', 'clientSentCertificate']);
});

test('the files the profile names exist: ca.pem and the PKCS#12 certificates', () => {
  assert.match(readFileSync(t.file('ca.pem'), 'utf8'), /^-----BEGIN CERTIFICATE-----/);
  for (const which of ['valid', 'expired', 'notInService'] as const) {
    const c = t.profile.fixtures!.certificate![which] as { pkcs12: string };
    assert.ok(existsSync(t.file(c.pkcs12)), c.pkcs12);
  }
});

test('the fixtures work: each key is where the profile says, the other tenant\'s keys are its own', async () => {
  const p = t.profile;
  const f = p.fixtures!;
  ok(await t.call('getSecret_v1_0', { keyId: f.mac!.keys.secret, mac: f.mac!.registered }));
  ok(await t.call('getSecret_v1_0', { keyId: f.certificate!.keys.secret, cert: t.certificate('valid') }));
  const other = f.otherTenant!;
  ok(await t.call('getSecret_v1_2', { appkey: other.appkey, credentials: other.credentials, keyId: other.keys.secret }));
  ok(await t.call('symmetricEncrypt_v1_0', { appkey: other.appkey, keyId: other.keys.symmetric, body: { plaintext: 'x' } }));
  ok(await t.call('getPublicKey_v1_0', { appkey: other.appkey, keyId: other.keys.asymmetric }));
});

test('restarting the in-memory mock with the same seed keeps key ids and key material', async () => {
  const again = await startTestMock();
  try {
    assert.deepEqual(again.profile.keys, t.profile.keys);
    const enc = ok(await t.call('symmetricEncrypt_v1_0', { keyId: t.profile.keys.symmetric!.id, body: { plaintext: 'carried over' } }));
    assert.equal(ok(await again.call('symmetricDecrypt_v1_0', { keyId: t.profile.keys.symmetric!.id, body: { ciphertext: enc.ciphertext } })).plaintext, 'carried over');
  } finally {
    await again.close();
  }
});
