// MAY requirements where the documents allow either of two answers: each test accepts both, and still
// fails on a third (a server error, a wrong result, success where only refusal is allowed). Reported,
// never required for certification. Sources: spec/skm/requirements.yaml (the ambiguity of each entry)
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';
import type { Expectations } from '../../../harness/oracles/expectations.ts';

function isSuccess(ex: Exchange): boolean {
  return (ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true;
}

/** Either a success of the operation, checked by `onSuccess`, or a clean refusal. */
async function eitherOr(ex: Exchange, e: Expectations, onSuccess: (ex: Exchange) => void | Promise<void>): Promise<void> {
  notAServerError(ex);
  if (isSuccess(ex)) await onSuccess(ex);
  else refused(ex, e);
}

const v = (target: { profile: { apiVersions: string[] } }) => (target.profile.apiVersions.includes('v1.0') ? 'v1_0' : 'v1_2');

test('an empty plaintext encrypts to a ciphertext of the empty string, or is refused', requirement('SKM-SYM-ENC-007'), async ({ skm, target, expectations }) => {
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  await eitherOr(await skm.call(`symmetricEncrypt_${v(target)}`, { keyId: key.id, body: { plaintext: '' } }), expectations, async (enc) => {
    const ciphertext = succeeds<{ ciphertext: string }>(enc).ciphertext;
    const ex = await skm.call(`symmetricDecrypt_${v(target)}`, { keyId: key.id, body: { ciphertext } });
    ensure(succeeds<{ plaintext: string }>(ex).plaintext === '', { oracle: 'emptyRoundTrip', title: 'Empty text did not come back empty', expected: '""', received: 'another text', exchange: ex });
  });
});

for (const version of ['v1.1', 'v1.2']) {
  test(`${version} symmetric-key without keyVersion answers the newest version, or is refused`, requirement('SKM-SYM-KEY-007'), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    const newest = succeeds<{ keyVersion: number }>(await skm.call(`symmetricEncrypt_${v(target)}`, { keyId: key.id, body: { plaintext: 'x' } })).keyVersion;
    await eitherOr(await skm.call(`getSymmetricKey_${version.replace('.', '_')}`, { keyId: key.id }), expectations, (ex) => {
      const got = (ex.body as { keyVersion?: unknown }).keyVersion;
      ensure(got === newest, { oracle: 'newestVersion', title: 'Not the newest version', expected: `keyVersion ${newest}`, received: `keyVersion ${String(got)}`, exchange: ex });
    });
  });
}

test('under /v1.1/ only the symmetric-key query is served', requirement('SKM-VER-V11-001'), async ({ skm, target, expectations }) => {
  needVersion(target, 'v1.1');
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  const base = `/keymanager/v1.1/appkey/${encodeURIComponent(target.profile.appkey)}/symmetric-keys/${key.id}`;
  const ex = await skm.send('POST', `${base}/encrypt`, { body: { plaintext: 'x' } });
  notAServerError(ex);
  refused(ex, expectations);
});

test('unknown extra fields in a body are ignored or refused', requirement('SKM-ROB-JSON-006'), async ({ skm, target, expectations }) => {
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  const ex = await skm.call(`symmetricEncrypt_${v(target)}`, { keyId: key.id, body: { plaintext: 'extra', unexpected: { nested: [1, 2] } } });
  await eitherOr(ex, expectations, async (ok) => {
    const ciphertext = succeeds<{ ciphertext: string }>(ok).ciphertext;
    const dec = await skm.call(`symmetricDecrypt_${v(target)}`, { keyId: key.id, body: { ciphertext } });
    const plaintext = succeeds<{ plaintext: string }>(dec).plaintext;
    ensure(plaintext === 'extra', { oracle: 'extraFields', title: 'Extra fields changed the result', expected: '"extra"', received: JSON.stringify(plaintext), exchange: dec });
  });
});

test('a trailing slash or another letter case is served like the documented path, or refused', requirement('SKM-ROB-PATH-003'), async ({ skm, target, expectations }) => {
  const key = needFixture(target.profile.keys.secret, 'keys.secret');
  const version = v(target).replace('_', '.');
  const path = `/keymanager/${version}/appkey/${encodeURIComponent(target.profile.appkey)}/secrets/${key.id}`;
  const creds = version === 'v1.2' ? target.profile.credentials : undefined;
  for (const odd of [`${path}/`, path.replace('/secrets/', '/SECRETS/')]) {
    await eitherOr(await skm.send('GET', odd, { credentials: creds }), expectations, (ex) => succeeds(ex, `getSecret_${v(target)}`));
  }
});

test('scheduling an already scheduled key again fails or keeps the first date', requirement('SKM-MGT-DEL-005'), async ({ skm, provisioner, expectations }) => {
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  const first = succeeds<{ deletionDateTime: string }>(await skm.call('scheduleKeyDeletion_v1_2', { keyId })).deletionDateTime;
  await eitherOr(await skm.call('scheduleKeyDeletion_v1_2', { keyId }), expectations, (ex) => {
    const again = succeeds<{ deletionDateTime: string }>(ex).deletionDateTime;
    ensure(again === first, { oracle: 'sameDeletionDate', title: 'A second schedule moved the deletion', expected: first, received: again, exchange: ex });
  });
});
