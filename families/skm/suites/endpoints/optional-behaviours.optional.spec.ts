// MAY requirements where the documents allow either of two answers: each test accepts both, and still
// fails on a third (a server error, a wrong result, success where only refusal is allowed). Each runs
// the documented request first: "refused" means nothing from an operation that never works.
// Reported, never required for certification. Sources: families/skm/spec/requirements.yaml (each ambiguity)
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { validCallsIn } from '../variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { control, controlFor, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { mainKeys } from '../../../../harness/valid-calls.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';

// Each of these needs one API version, whichever: one test per version, each calling only its own.
for (const version of versionsOf('symmetricEncrypt')) {
  test(`${version}: an empty plaintext encrypts to a ciphertext of the empty string, or is refused`, details(requirement('SKM-SYM-ENC-007'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const c = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
    await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { plaintext: '' } } }, async (enc) => {
      const ciphertext = succeeds<{ ciphertext: string }>(enc).ciphertext;
      const ex = await skm.call(operationId('symmetricDecrypt', version), { keyId: c.opts.keyId, body: { ciphertext } });
      ensure(succeeds<{ plaintext: string }>(ex).plaintext === '', { oracle: 'emptyRoundTrip', title: 'Empty text did not come back empty', expected: '""', received: 'another text', exchange: ex });
    });
  });

  test(`${version}: unknown extra fields in a body are ignored or refused`, details(requirement('SKM-ROB-JSON-006'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const c = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
    await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { plaintext: 'extra', unexpected: { nested: [1, 2] } } } }, async (ok) => {
      const ciphertext = succeeds<{ ciphertext: string }>(ok).ciphertext;
      const dec = await skm.call(operationId('symmetricDecrypt', version), { keyId: c.opts.keyId, body: { ciphertext } });
      const plaintext = succeeds<{ plaintext: string }>(dec).plaintext;
      ensure(plaintext === 'extra', { oracle: 'extraFields', title: 'Extra fields changed the result', expected: '"extra"', received: JSON.stringify(plaintext), exchange: dec });
    });
  });

  test(`${version}: a trailing slash or another letter case is served like the documented path, or refused`, details(requirement('SKM-ROB-PATH-003'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.secret, 'keys.secret');
    const c = await controlFor(skm, 'getSecret', version, mainKeys(target));
    const path = `/keymanager/${version}/appkey/${encodeURIComponent(target.profile.appkey)}/secrets/${key.id}`;
    const credentials = version === 'v1.2' ? target.profile.credentials : undefined;
    for (const odd of [`${path}/`, path.replace('/secrets/', '/SECRETS/')]) {
      await expectRefusedOrSucceeds(c, { expectations, send: (s) => s.send('GET', odd, { credentials }) }, (ex) => void succeeds(ex, operationId('getSecret', version)));
    }
  });
}

for (const version of ['v1.1', 'v1.2']) {
  test(`${version} symmetric-key without keyVersion answers the newest version, or is refused`, details(requirement('SKM-SYM-KEY-007'), validCallsIn(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    // The control is the documented call, which asks for the newest version by number.
    const c = await controlFor(skm, 'getSymmetricKey', version, mainKeys(target));
    const newest = (c.opts.query as { keyVersion: number }).keyVersion;
    await expectRefusedOrSucceeds(c, { expectations, breaking: { query: {} } }, (ex) => {
      const got = succeeds<{ keyVersion: number }>(ex).keyVersion;
      ensure(got === newest, { oracle: 'newestVersion', title: 'Not the newest version', expected: `keyVersion ${newest}`, received: `keyVersion ${String(got)}`, exchange: ex });
    });
  });
}

test('under /v1.1/ only the symmetric-key query is documented; encrypt there is refused or served like v1.0', details(requirement('SKM-VER-V11-001'), validCallsIn('v1.1')), async ({ skm, target, expectations }) => {
  needVersion(target, 'v1.1');
  const c = await controlFor(skm, 'getSymmetricKey', 'v1.1', mainKeys(target));
  const path = `/keymanager/v1.1/appkey/${encodeURIComponent(target.profile.appkey)}/symmetric-keys/${c.opts.keyId}/encrypt`;
  const send = (s: typeof skm) => s.send('POST', path, { body: { plaintext: 'x' } });
  if (expectations.strict.has('SKM-VER-V11-001')) await expectRefused(c, { expectations, send, message: 'URL NOT FOUND' });
  else await expectRefusedOrSucceeds(c, { expectations, send }, (ex) => void succeeds(ex, 'symmetricEncrypt_v1_0'));
});

test('scheduling an already scheduled key again fails or keeps the first date', details(requirement('SKM-MGT-DEL-005'), variant('v1.2')), async ({ skm, provisioner, expectations }) => {
  const keyId = (await provisioner.createControl('secret')).body.keyId as string;
  // The control is this very request, the first time.
  const first = await control(skm, 'scheduleKeyDeletion_v1_2', { keyId });
  await expectRefusedOrSucceeds(first, { expectations }, (ex) => {
    const again = succeeds<{ deletionDateTime: string }>(ex).deletionDateTime;
    ensure(again === first.body.deletionDateTime, { oracle: 'sameDeletionDate', title: 'A second schedule moved the deletion', expected: String(first.body.deletionDateTime), received: again, exchange: ex });
  });
});
