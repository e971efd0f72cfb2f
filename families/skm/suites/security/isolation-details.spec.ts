// Isolation beyond the MUSTs: another tenant's key looks like no key at all, credentials only
// open their own project, a mixed credential pair fails, and one key's ciphertext means nothing
// to another key.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, controlFor, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { attribute, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { mainKeys } from '../../../../harness/valid-calls.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import { secondKey } from './second-key.ts';

test('v1.2 credentials of another project, or a mixed pair, do not open this appkey', details(requirement('SKM-SEC-TEN-004', 'SKM-SEC-CRED-003'), variant('v1.2')), async ({ skm, target, expectations }) => {
  needVersion(target, 'v1.2');
  const other = needFixture(target.profile.fixtures?.otherTenant?.credentials, 'fixtures.otherTenant.credentials');
  const mine = needFixture(target.profile.credentials, 'credentials');
  const c = await controlFor(skm, 'getSecret', 'v1.2', mainKeys(target));
  await attribute('SKM-SEC-TEN-004', () => expectRefused(c, { expectations, breaking: { credentials: other } }));
  await attribute('SKM-SEC-CRED-003', async () => {
    await expectRefused(c, { expectations, breaking: { credentials: { accessKeyId: other.accessKeyId, secretAccessKey: mine.secretAccessKey } } });
    await expectRefused(c, { expectations, breaking: { credentials: { accessKeyId: mine.accessKeyId, secretAccessKey: other.secretAccessKey } } });
  });
});

// Each of these needs one API version, whichever: one test per version, each calling only its own.
for (const version of versionsOf('symmetricEncrypt')) {
  test(`${version}: another tenant's key gets the same message as a key that exists nowhere`, details(requirement('SKM-SEC-TEN-002'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const other = needFixture(target.profile.fixtures?.otherTenant, 'fixtures.otherTenant');
    const theirs = needFixture(other.keys.secret, 'fixtures.otherTenant.keys.secret');
    const c = await controlFor(skm, 'getSecret', version, mainKeys(target));
    const nowhere = await expectRefused(c, { expectations, breaking: { keyId: randomBytes(16).toString('hex') } });
    const ex = await expectRefused(c, { expectations, breaking: { keyId: theirs } });
    ensure(ex.resultMessage === nowhere.resultMessage, { oracle: 'sameMessage', title: 'Another tenant\'s key is told apart', expected: JSON.stringify(nowhere.resultMessage), received: JSON.stringify(ex.resultMessage), exchange: ex });
  });

  test(`${version}: a ciphertext of one symmetric key never decrypts under another`, details(requirement('SKM-SEC-CT-004'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const second = secondKey(target, 'symmetric');
    // The control: the second key decrypts a ciphertext of its own, so a refusal of the foreign one means something.
    const c = await controlFor(skm, 'symmetricDecrypt', version, { symmetric: second.keyId }, second.auth);
    const mine = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    const plaintext = `cross key ${randomBytes(6).toString('hex')}`;
    const enc = (await control(skm, operationId('symmetricEncrypt', version), { keyId: mine.id, body: { plaintext } })).body as { ciphertext: string };
    await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { ciphertext: enc.ciphertext } } }, (ex) => {
      ensure((ex.body as { plaintext?: unknown } | undefined)?.plaintext !== plaintext, { oracle: 'keySeparation', title: 'Another key decrypted the ciphertext', expected: 'a refusal or other text', received: 'the original plaintext', exchange: ex });
    });
  });

  test(`${version}: twenty concurrent encrypt and decrypt calls all come back right`, details(requirement('SKM-ROB-CONC-001'), variant(version)), async ({ skm, target }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const plaintext = `concurrent ${i} ${randomBytes(4).toString('hex')}`;
      const enc = succeeds<{ ciphertext: string }>(await skm.call(operationId('symmetricEncrypt', version), { keyId: key.id, body: { plaintext } }));
      const ex = await skm.call(operationId('symmetricDecrypt', version), { keyId: key.id, body: { ciphertext: enc.ciphertext } });
      ensure(succeeds<{ plaintext: string }>(ex).plaintext === plaintext, { oracle: 'concurrency', title: 'A concurrent round trip went wrong', expected: plaintext, received: 'another text', exchange: ex });
    }));
  });
}
