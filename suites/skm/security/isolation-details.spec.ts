// Isolation beyond the MUSTs: another tenant's key looks like no key at all, credentials only
// open their own project, a mixed credential pair fails, and one key's ciphertext means nothing
// to another key.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused, refusedWith } from '../../../harness/oracles/refusal.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import { mainKeys, validCall } from '../../../harness/valid-calls.ts';

test('another tenant\'s key gets the same message as a key that exists nowhere', requirement('SKM-SEC-TEN-002'), async ({ skm, target, expectations }) => {
  const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
  const theirs = needFixture(other.keys.secret, 'fixtures.otherTenant.keys.secret');
  const version = target.profile.apiVersions.includes('v1.0') ? 'v1_0' : 'v1_2';
  const nowhere = await skm.call(`getSecret_${version}`, { keyId: randomBytes(16).toString('hex') });
  refused(nowhere, expectations);
  const ex = await skm.call(`getSecret_${version}`, { keyId: theirs });
  refusedWith(ex, 'Invalid Key Id', expectations);
  ensure(ex.resultMessage === nowhere.resultMessage, { oracle: 'sameMessage', title: 'Another tenant\'s key is told apart', expected: JSON.stringify(nowhere.resultMessage), received: JSON.stringify(ex.resultMessage), exchange: ex });
});

test('v1.2 credentials of another project, or a mixed pair, do not open this appkey', requirement('SKM-SEC-TEN-004', 'SKM-SEC-CRED-003'), async ({ skm, target, expectations }) => {
  needVersion(target, 'v1.2');
  const other = needFixture(target.profile.fixtures?.otherTenant?.credentials, 'fixtures.otherTenant.credentials');
  const mine = needFixture(target.profile.credentials, 'credentials');
  const good = needFixture(await validCall(skm, 'getSecret', 'v1.2', mainKeys(target)), 'keys.secret');
  succeeds(await skm.call('getSecret_v1_2', good));
  refused(await skm.call('getSecret_v1_2', { ...good, credentials: other }), expectations);
  refused(await skm.call('getSecret_v1_2', { ...good, credentials: { accessKeyId: other.accessKeyId, secretAccessKey: mine.secretAccessKey } }), expectations);
  refused(await skm.call('getSecret_v1_2', { ...good, credentials: { accessKeyId: mine.accessKeyId, secretAccessKey: other.secretAccessKey } }), expectations);
});

test('a ciphertext of one symmetric key never decrypts under another', requirement('SKM-SEC-CT-004'), async ({ skm, target }) => {
  const version = target.profile.apiVersions.includes('v1.0') ? 'v1_0' : 'v1_2';
  const mine = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  const second = needFixture(target.profile.fixtures?.rotated?.symmetric ?? target.profile.fixtures?.ipv4Allowed?.keys.symmetric, 'a second symmetric key (fixtures.rotated.symmetric)');
  const plaintext = `cross key ${randomBytes(6).toString('hex')}`;
  const enc = succeeds<{ ciphertext: string }>(await skm.call(`symmetricEncrypt_${version}`, { keyId: mine.id, body: { plaintext } }));
  const ex = await skm.call(`symmetricDecrypt_${version}`, { keyId: second, body: { ciphertext: enc.ciphertext } });
  ensure((ex.body as { plaintext?: unknown } | undefined)?.plaintext !== plaintext, { oracle: 'keySeparation', title: 'Another key decrypted the ciphertext', expected: 'a refusal or other text', received: 'the original plaintext', exchange: ex });
});

test('twenty concurrent encrypt and decrypt calls all come back right', requirement('SKM-ROB-CONC-001'), async ({ skm, target }) => {
  const version = target.profile.apiVersions.includes('v1.0') ? 'v1_0' : 'v1_2';
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  await Promise.all(Array.from({ length: 20 }, async (_, i) => {
    const plaintext = `concurrent ${i} ${randomBytes(4).toString('hex')}`;
    const enc = succeeds<{ ciphertext: string }>(await skm.call(`symmetricEncrypt_${version}`, { keyId: key.id, body: { plaintext } }));
    const ex = await skm.call(`symmetricDecrypt_${version}`, { keyId: key.id, body: { ciphertext: enc.ciphertext } });
    ensure(succeeds<{ plaintext: string }>(ex).plaintext === plaintext, { oracle: 'concurrency', title: 'A concurrent round trip went wrong', expected: plaintext, received: 'another text', exchange: ex });
  }));
});
