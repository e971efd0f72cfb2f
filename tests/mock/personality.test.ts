// The alternate personality: its switches are data naming the catalogue entries whose open point they
// play; every ambiguity of the catalogue is either played or listed in mock/README.md with the reason it
// is not; each switch shows in a real request to the alternate mock and not in one to the reference; and
// the profile it writes pins nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createDecipheriv, createPublicKey, randomBytes, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { requirements } from '../../generated/skm/requirements.ts';
import validateTarget from '../../generated/targets/validate-target.js';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { PERSONALITY_SWITCHES, Personality, UnknownPersonalityError, type SwitchName } from '../../mock/personality.ts';
import { foreignCertificate, fromHexListing, startTestMock, type Answer, type CallOptions, type TestMock } from './support.ts';

const README = readFileSync(new URL('../../mock/README.md', import.meta.url), 'utf8');

let alt: TestMock;
let ref: TestMock;
before(async () => {
  [alt, ref] = await Promise.all([startTestMock({ personality: 'alternate' }), startTestMock()]);
});
after(() => Promise.all([alt.close(), ref.close()]));

test('switches: unique names, a description, requirement ids from the catalogue', () => {
  assert.equal(new Set(PERSONALITY_SWITCHES.map((s) => s.name)).size, PERSONALITY_SWITCHES.length);
  const ids = new Set(requirements.map((r) => r.id));
  for (const s of PERSONALITY_SWITCHES) {
    assert.ok(s.description.length > 10 && s.requirements.length > 0, s.name);
    for (const id of s.requirements) assert.ok(ids.has(id), `${s.name}: ${id} is not in families/skm/spec/requirements.yaml`);
  }
  assert.ok(new Personality('alternate').has('aes-cbc') && !new Personality().has('aes-cbc'));
  assert.throws(() => new Personality('bogus' as 'reference'), UnknownPersonalityError);
});

test('mock/README.md lists each switch with its requirement ids, and every other ambiguity with the reason it is not played', () => {
  for (const s of PERSONALITY_SWITCHES) {
    assert.ok(README.includes(`| \`${s.name}\` | ${s.requirements.join(', ')} |`), `README row for ${s.name}`);
  }
  const played = new Set<string>(PERSONALITY_SWITCHES.flatMap((s) => s.requirements));
  const notPlayed = README.slice(README.indexOf('### Ambiguities not played'));
  for (const r of requirements.filter((r) => r.ambiguity)) {
    assert.ok(played.has(r.id) || notPlayed.includes(r.id), `${r.id} is neither played nor listed as not played`);
    assert.ok(!(played.has(r.id) && notPlayed.includes(`${r.id}:`)), `${r.id} is both played and listed as not played`);
  }
});

test('the alternate profile pins nothing, names the personality and passes the target schema', () => {
  const text = readFileSync(alt.mock.profilePath, 'utf8');
  assert.match(text.split('\n')[0], /alternate personality/);
  assert.equal(alt.profile.expectations, undefined);
  assert.equal(alt.profile.name, 'embedded-mock (alternate personality)');
  assert.ok(validateTarget(alt.profile), JSON.stringify(validateTarget.errors));
  assert.deepEqual(Object.keys(alt.profile.fixtures!).sort(), Object.keys(ref.profile.fixtures!).sort());
  assert.equal(loadTarget(alt.mock.profilePath, {}).profile.baseUrl, alt.mock.baseUrl);
  assert.equal(ref.profile.expectations?.errorTransport, 'http4xx');
  assert.equal(ref.profile.name, 'embedded-mock');
});

// ---------------------------------------------------------------- one request per switch

const DETAIL = ' - see the Secure Key Manager solution guide';
const call = (m: TestMock, op: string, opts: CallOptions = {}) => m.call(op, { ...opts, unchecked: true });
const head = (a: Answer) => a.json!.header;
const body = (a: Answer) => a.json!.body!;
const ids = (m: TestMock) => m.profile.keys;
const f = (m: TestMock) => m.profile.fixtures!;

/** A refusal with this message, however the alternate spells and decorates it. */
function refused(a: Answer, message: string): void {
  assert.equal(head(a)?.isSuccessful, false, a.text);
  assert.equal(head(a).resultMessage.replace(DETAIL, '').replace('Invalid Key ID', 'Invalid Key Id'), message, a.text);
}

const unknownKey = (m: TestMock) => call(m, 'getSecret_v1_0', { keyId: '0'.repeat(32) });
const encrypt = (m: TestMock, plaintext: unknown, keyId = ids(m).symmetric!.id) => call(m, 'symmetricEncrypt_v1_0', { keyId, body: { plaintext } });
const decrypt = (m: TestMock, ciphertext: string, keyId = ids(m).symmetric!.id) => call(m, 'symmetricDecrypt_v1_0', { keyId, body: { ciphertext } });
const sign = (m: TestMock, plaintext: string) => call(m, 'asymmetricSign_v1_0', { keyId: ids(m).asymmetric!.id, body: { plaintext } });
const verifyCall = (m: TestMock, plaintext: string, signature: string) =>
  call(m, 'asymmetricVerify_v1_0', { keyId: ids(m).asymmetric!.id, body: { plaintext, signature } });
const createSecret = async (m: TestMock) =>
  body(await call(m, 'createSecret_v1_2', { body: { keyStoreName: 'Store #1', name: 'probe', secretValue: 'v' } })).keyId as string;
const appkeyPath = (m: TestMock, rest: string, version = 'v1.0') => `/keymanager/${version}/appkey/${m.profile.appkey}/${rest}`;

/** The raw bytes of a request over TLS whose body never comes: only a server that answers early replies. */
function earlyAnswer(m: TestMock, path: string, contentLength: number): Promise<string> {
  return new Promise((resolve) => {
    const url = new URL(m.mock.baseUrl);
    const socket = tlsConnect({ host: url.hostname, port: Number(url.port), ca: readFileSync(m.file('ca.pem')) }, () => {
      socket.write(`POST ${path} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: ${contentLength}\r\n\r\n{`);
    });
    let received = '';
    socket.on('data', (d) => (received += d));
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(done, 1500);
  });
}

type Probe = (m: TestMock) => Promise<unknown>;

const PROBES: Record<SwitchName, Probe> = {
  'success-message-uppercase': async (m) => assert.equal(head(await call(m, 'getClientInfo_v1_0')).resultMessage, 'SUCCESS'),
  'created-201': async (m) => assert.equal((await call(m, 'createLocalKey_v1_0', { keyId: ids(m).symmetric!.id })).status, 201),
  'content-type-without-charset': async (m) => assert.equal((await call(m, 'getClientInfo_v1_0')).headers['content-type'], 'application/json'),
  'message-with-detail': async (m) => assert.ok(head(await unknownKey(m)).resultMessage.endsWith(DETAIL)),
  'key-id-spelled-ID': async (m) => assert.ok(head(await unknownKey(m)).resultMessage.startsWith('Invalid Key ID')),
  'errors-http-400': async (m) => assert.equal((await unknownKey(m)).status, 400),
  'positive-result-codes': async (m) => assert.equal(head(await unknownKey(m)).resultCode, 1002),
  'error-body-empty-object': async (m) => assert.deepEqual((await unknownKey(m)).json!.body, {}),
  'scheduled-key-invalid-key-status': async (m) =>
    refused(await call(m, 'getSecret_v1_0', { keyId: f(m).scheduledForDeletion!.keys.secret }), 'Invalid Key Status'),
  'stopped-key-invalid-key-id': async (m) => {
    const stopped = f(m).invalidKeyStatus!;
    refused(await decrypt(m, stopped.ciphertext!, stopped.symmetric), 'Invalid Key Id');
  },
  'wrong-key-type-invalid-user-data': async (m) => refused(await call(m, 'getSecret_v1_0', { keyId: ids(m).symmetric!.id }), 'Invalid User Data'),
  'key-id-case-insensitive': async (m) => {
    const id = ids(m).secret!.id;
    assert.notEqual(id.toUpperCase(), id);
    assert.equal(body(await call(m, 'getSecret_v1_0', { keyId: id.toUpperCase() })).secret, ids(m).secret!.value);
  },
  'uuid-key-ids': async (m) => assert.match(await createSecret(m), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  'create-propagation-delay': async (m) => {
    const id = body(await call(m, 'createSymmetricKey_v1_2', { body: { keyStoreName: 'Store #1', name: 'new' } })).keyId as string;
    refused(await encrypt(m, 'too soon', id), 'Invalid Key Id');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(head(await encrypt(m, 'now', id)).isSuccessful, true);
  },
  'repeat-schedule-returns-existing': async (m) => {
    const id = await createSecret(m);
    const first = body(await call(m, 'scheduleKeyDeletion_v1_2', { keyId: id }));
    assert.deepEqual(body(await call(m, 'scheduleKeyDeletion_v1_2', { keyId: id })), first);
  },
  'deleted-key-invalid-key-status': async (m) => {
    const id = await createSecret(m);
    await call(m, 'scheduleKeyDeletion_v1_2', { keyId: id });
    assert.equal(head(await call(m, 'deleteKeyImmediately_v1_2', { keyId: id })).isSuccessful, true);
    refused(await call(m, 'deleteKeyImmediately_v1_2', { keyId: id }), 'Invalid Key Status');
    refused(await call(m, 'getSecret_v1_2', { keyId: id }), 'Invalid Key Id');
  },
  'deletion-time-utc': async (m) => {
    const when = body(await call(m, 'scheduleKeyDeletion_v1_2', { keyId: await createSecret(m) })).deletionDateTime as string;
    assert.match(when, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.ok(Math.abs(Date.parse(`${when}Z`) - (Date.now() + 7 * 86_400_000)) < 60_000, when);
  },
  'key-version-required': async (m) => {
    const id = ids(m);
    refused(await call(m, 'getPublicKey_v1_0', { keyId: id.asymmetric!.id }), 'Invalid Key Version');
    refused(await call(m, 'getPrivateKey_v1_2', { keyId: id.asymmetric!.id }), 'Invalid Key Version');
    refused(await call(m, 'getSymmetricKey_v1_1', { keyId: id.symmetric!.id }), 'Invalid Key Version');
    refused(await call(m, 'getSymmetricKey_v1_2', { keyId: id.symmetric!.id }), 'Invalid Key Version');
    assert.equal(head(await call(m, 'getSymmetricKey_v1_0', { keyId: id.symmetric!.id })).isSuccessful, true);
  },
  'bad-key-version-invalid-key-version': async (m) =>
    refused(await call(m, 'getPublicKey_v1_0', { keyId: ids(m).asymmetric!.id, query: { keyVersion: 'abc' } }), 'Invalid Key Version'),
  'v10-symmetric-key-oldest-version': async (m) => {
    const keyId = f(m).rotated!.symmetric!;
    const oldest = body(await call(m, 'getSymmetricKey_v1_1', { keyId, query: { keyVersion: 2 } })).symmetricKey;
    assert.equal(body(await call(m, 'getSymmetricKey_v1_0', { keyId })).symmetricKey, oldest);
  },
  'scheduled-version-query-invalid-key-version': async (m) =>
    refused(await call(m, 'getSymmetricKey_v1_1', { keyId: f(m).rotated!.symmetric!, query: { keyVersion: 1 } }), 'Invalid Key Version'),
  'v11-serves-v10-paths': async (m) => {
    const a = await m.send('GET', appkeyPath(m, `secrets/${ids(m).secret!.id}`, 'v1.1'));
    assert.equal(body(a).secret, ids(m).secret!.value);
  },
  'aes-cbc': async (m) => {
    const ciphertext = body(await encrypt(m, 'cbc')).ciphertext as string;
    const listing = body(await call(m, 'getSymmetricKey_v1_0', { keyId: ids(m).symmetric!.id })).symmetricKey as string;
    const blob = Buffer.from(ciphertext, 'base64');
    const d = createDecipheriv('aes-256-cbc', fromHexListing(listing.replaceAll(',\n', ', ')), blob.subarray(4, 20));
    assert.equal(Buffer.concat([d.update(blob.subarray(20)), d.final()]).toString(), 'cbc');
  },
  'unknown-version-invalid-user-data': async (m) => {
    const blob = randomBytes(36);
    blob.writeUInt32BE(0x7fffffff, 0);
    refused(await decrypt(m, blob.toString('base64')), 'Invalid User Data');
  },
  'sign-pkcs1-sha256': async (m) => {
    const signature = Buffer.from(body(await sign(m, 'hashed')).signature as string, 'base64');
    const der = Buffer.from(body(await call(m, 'getPublicKey_v1_0', { keyId: ids(m).asymmetric!.id, query: { keyVersion: 0 } })).encodedKey as string, 'base64');
    assert.ok(verify('sha256', Buffer.from('hashed'), createPublicKey({ key: der, format: 'der', type: 'spki' }), signature.subarray(4)));
  },
  'wrong-signature-invalid-user-data': async (m) => refused(await verifyCall(m, 'other', body(await sign(m, 'one')).signature as string), 'Invalid User Data'),
  'base64-unpadded': async (m) => {
    const signature = body(await sign(m, 'pad')).signature as string;
    assert.equal(signature.length, 347); // 260 bytes: "=" left off
    assert.equal(body(await verifyCall(m, 'pad', `${signature}=`)).result, true);
  },
  'base64-lenient': async (m) => {
    const signature = (body(await sign(m, 'lenient')).signature as string).replace(/.{76}/g, '$&\r\n');
    assert.equal(body(await verifyCall(m, 'lenient', ` ${signature}==`)).result, true);
  },
  'hex-listing-uppercase-wrapped': async (m) => {
    const listing = body(await call(m, 'getSymmetricKey_v1_0', { keyId: ids(m).symmetric!.id })).symmetricKey as string;
    assert.match(listing, /^0x[0-9A-F]{2}(, 0x[0-9A-F]{2}){15},\n0x[0-9A-F]{2}(, 0x[0-9A-F]{2}){15}$/);
  },
  'key-type-camel-case': async (m) => {
    const query = { keyVersion: 0 };
    assert.equal(body(await call(m, 'getPublicKey_v1_0', { keyId: ids(m).asymmetric!.id, query })).keyType, 'publicKey');
    assert.equal(body(await call(m, 'getPrivateKey_v1_0', { keyId: ids(m).asymmetric!.id, query })).keyType, 'privateKey');
  },
  'local-key-raw-bytes': async (m) => {
    const local = body(await call(m, 'createLocalKey_v1_0', { keyId: ids(m).symmetric!.id }));
    const plaintext = body(await decrypt(m, local.localKeyCiphertext as string)).plaintext as string;
    assert.deepEqual(Buffer.from(plaintext, 'latin1'), Buffer.from(local.localKeyPlaintext as string, 'base64'));
  },
  'text-limit-in-characters': async (m) => {
    assert.equal(head(await encrypt(m, '한'.repeat(32768))).isSuccessful, true);
    refused(await encrypt(m, '한'.repeat(32769)), 'Invalid User Data');
  },
  'empty-plaintext-refused': async (m) => refused(await encrypt(m, ''), 'Invalid User Data'),
  'content-type-unchecked': async (m) => {
    const path = appkeyPath(m, `symmetric-keys/${ids(m).symmetric!.id}/encrypt`);
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
      assert.equal(head(await m.send('POST', path, { rawBody: '{"plaintext":"typed"}', headers })).isSuccessful, true);
    }
  },
  'scalars-coerced': async (m) => {
    const ciphertext = body(await encrypt(m, 123)).ciphertext as string;
    assert.equal(body(await decrypt(m, ciphertext)).plaintext, '123');
  },
  'unknown-fields-refused': async (m) =>
    refused(await call(m, 'symmetricEncrypt_v1_0', { keyId: ids(m).symmetric!.id, body: { plaintext: 'x', extra: 1 } }), 'Invalid User Data'),
  'oversized-body-cut-short': async (m) => {
    const raw = await earlyAnswer(m, appkeyPath(m, `symmetric-keys/${ids(m).symmetric!.id}/encrypt`), 4 * 1024 * 1024);
    assert.match(raw, /^HTTP\/1\.1 400 [^]*connection: close[^]*Invalid User Data/i);
  },
  'wrong-method-405': async (m) => {
    const a = await m.send('DELETE', appkeyPath(m, `symmetric-keys/${ids(m).symmetric!.id}/encrypt`));
    assert.equal(a.status, 405);
    assert.equal(a.headers.allow, 'POST');
    refused(a, 'Method Not Allowed');
  },
  'lenient-paths': async (m) => {
    for (const path of [`${appkeyPath(m, 'confirm')}/`, appkeyPath(m, 'Confirm').replace('keymanager', 'KeyManager')]) {
      assert.equal(head(await m.send('GET', path)).isSuccessful, true, path);
    }
  },
  'legacy-management-paths': async (m) => {
    const creds = m.profile.credentials!;
    const headers = { 'content-type': 'application/json', 'x-tc-authentication-id': creds.accessKeyId, 'x-tc-authentication-secret': creds.secretAccessKey };
    const a = await m.send('POST', appkeyPath(m, 'keys/symmetric-key/create'), { headers, rawBody: JSON.stringify({ keyStoreName: 'Store #1', name: 'legacy' }) });
    assert.equal(body(a).keyStatus, 'ACTIVE');
  },
  'plain-http-redirects': async (m) => {
    const a = await m.send('GET', appkeyPath(m, 'confirm'), { plain: true });
    assert.equal(a.status, 308);
    assert.equal(a.headers.location, `${m.mock.baseUrl}${appkeyPath(m, 'confirm')}`);
  },
  'certificate-field-example-spelling': async (m) => assert.equal(body(await call(m, 'getClientInfo_v1_0')).clientSentCerfificate, false),
  'mac-header-null-when-absent': async (m) => assert.equal(body(await call(m, 'getClientInfo_v1_0')).clientMacHeader, null),
  'mac-echo-normalised': async (m) => assert.equal(body(await call(m, 'getClientInfo_v1_0', { mac: '0a-00-27-00-00-01' })).clientMacHeader, '0A:00:27:00:00:01'),
  'mac-exact-notation': async (m) => {
    const mac = f(m).mac!;
    refused(await call(m, 'getSecret_v1_0', { keyId: mac.keys.secret, mac: mac.registered.toUpperCase() }), 'MAC Auth Failure');
    assert.equal(head(await call(m, 'getSecret_v1_0', { keyId: mac.keys.secret, mac: mac.registered })).isSuccessful, true);
  },
  'client-ip-ipv6-mapped': async (m) => assert.equal(body(await call(m, 'getClientInfo_v1_0')).clientIp, '::ffff:127.0.0.1'),
  'tls-refuses-bad-certificates': async (m) => {
    for (const cert of [foreignCertificate(), m.certificate('expired')]) {
      await assert.rejects(call(m, 'getSecret_v1_0', { keyId: f(m).certificate!.keys.secret, cert }));
    }
    refused(await call(m, 'getSecret_v1_0', { keyId: f(m).certificate!.keys.secret, cert: m.certificate('notInService') }), 'Certificate Auth Failure');
  },
  'credentials-invalid-appkey': async (m) => refused(await call(m, 'getSecret_v1_2', { keyId: ids(m).secret!.id, credentials: null }), 'Invalid Appkey'),
};

test('every switch shows in a request to the alternate personality', async () => {
  for (const s of PERSONALITY_SWITCHES) {
    try {
      await PROBES[s.name](alt);
    } catch (e) {
      throw new Error(`switch ${s.name}: ${(e as Error).message}`, { cause: e });
    }
  }
});

test('no switch shows in the same request to the reference', async () => {
  for (const s of PERSONALITY_SWITCHES) {
    await assert.rejects(PROBES[s.name](ref), `the reference plays ${s.name}`);
  }
});
