// The data-level failure modes of the solution guide, one test per mode and operation, each with
// its positive control. Source: skm-solution-guide.en.txt
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { details } from '../../../../harness/test-details.ts';
import { validCallsIn } from '../variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { KEY_KIND, mainKeys, DATA_OPERATIONS } from '../../../../harness/valid-calls.ts';
import { checkRefusal, controlFor, expectRefused } from '../../../../harness/refusal-check.ts';

const dataOps = operations.filter((o) => DATA_OPERATIONS.includes(o.operation));
const keyedOps = dataOps.filter((o) => KEY_KIND[o.operation]);
const unknownKeyId = () => randomBytes(16).toString('hex');

for (const op of dataOps) {
  test(`${op.operationId}: an unknown appkey is refused with Invalid Appkey`, details(requirement('SKM-ERR-APPKEY-001', 'SKM-ERR-GEN-002'), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { appkey: `nx${randomBytes(8).toString('hex')}` }, message: 'Invalid Appkey' });
  });
}

for (const op of keyedOps) {
  test(`${op.operationId}: an unknown key id is refused with Invalid Key Id`, details(requirement('SKM-ERR-KEYID-001', 'SKM-ERR-GEN-002'), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { keyId: unknownKeyId() }, message: 'Invalid Key Id' });
  });

  test(`${op.operationId}: a key Scheduled to be Deleted is refused with Invalid Key Id`, details(requirement('SKM-ERR-KEYID-002'), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const fixture = needFixture(target.profile.fixtures?.scheduledForDeletion, 'fixtures.scheduledForDeletion');
    const keyId = needFixture(fixture.keys[KEY_KIND[op.operation]!], `fixtures.scheduledForDeletion.keys.${KEY_KIND[op.operation]}`);
    // The guide names a key not In Service under both Invalid Key Id and Invalid Key Status.
    const message = expectations.strict.has('SKM-ERR-KEYID-002') ? 'Invalid Key Id' : (['Invalid Key Id', 'Invalid Key Status'] as const);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { keyId }, message });
  });
}

for (const op of operations.filter((o) => o.queryParams.some((p) => p.name === 'keyVersion'))) {
  test(`${op.operationId}: a key version that does not exist is refused with Invalid Key Version`, details(requirement('SKM-ERR-KEYVER-001'), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { query: { keyVersion: 99_999 } }, message: 'Invalid Key Version' });
  });
}

for (const version of ['v1.0', 'v1.2']) {
  test.describe(`rotated keys ${version}`, variant(version), () => {
    // Material made with a version since deleted, or now Scheduled to be Deleted: each refused with its message.
    for (const c of [
      { slot: 'deletedVersion', message: 'Invalid Key Version', decrypt: 'SKM-ERR-KEYVER-002', verify: 'SKM-ERR-KEYVER-003', what: 'a deleted version' },
      { slot: 'scheduledVersion', message: 'Invalid Key Version Status', decrypt: 'SKM-ERR-KVSTAT-001', verify: 'SKM-ERR-KVSTAT-002', what: 'a version Scheduled to be Deleted' },
    ] as const) {
      for (const kind of ['symmetric', 'asymmetric'] as const) {
        const [check, field] = kind === 'symmetric' ? ['symmetricDecrypt', 'ciphertext'] as const : ['asymmetricVerify', 'signature'] as const;
        test(`${check} of a ${field} from ${c.what} is refused with ${c.message}`, requirement(kind === 'symmetric' ? c.decrypt : c.verify), async ({ skm, target, expectations }) => {
          needVersion(target, version);
          const rotated = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
          const keyId = needFixture(rotated[kind], `fixtures.rotated.${kind}`);
          const material = needFixture(rotated[c.slot], `fixtures.rotated.${c.slot}`);
          const old = needFixture(material[field], `fixtures.rotated.${c.slot}.${field}`);
          // The same operation on the same key with material of its newest version works.
          const control = await controlFor(skm, check, version, { [kind]: keyId });
          // Only the documented fields: decrypt takes the ciphertext, verify the text and the signature.
          const body = kind === 'symmetric' ? { ciphertext: old } : { plaintext: material.plaintext, signature: old };
          await expectRefused(control, { expectations, breaking: { body }, message: c.message, protect: { plaintext: material.plaintext } });
        });
      }
    }

    for (const [kind, check, field] of [['symmetric', 'symmetricDecrypt', 'ciphertext'], ['asymmetric', 'asymmetricVerify', 'signature']] as const) {
      test(`${check} with a key not In Service is refused with Invalid Key Status`, requirement('SKM-ERR-KSTAT-001'), async ({ skm, target, expectations }) => {
        needVersion(target, version);
        const f = needFixture(target.profile.fixtures?.invalidKeyStatus, 'fixtures.invalidKeyStatus');
        const keyId = needFixture(f[kind], `fixtures.invalidKeyStatus.${kind}`);
        const material = needFixture(f[field], `fixtures.invalidKeyStatus.${field}`);
        // That key cannot serve anything: the control is the same call on the main key.
        const control = await controlFor(skm, check, version, mainKeys(target));
        const message = expectations.strict.has('SKM-ERR-KSTAT-001') ? 'Invalid Key Status' : (['Invalid Key Status', 'Invalid Key Id'] as const);
        const breaking = { keyId, body: kind === 'symmetric' ? { ciphertext: material } : { plaintext: f.plaintext, signature: material } };
        await expectRefused(control, { expectations, breaking, message, protect: { plaintext: f.plaintext } });
      });
    }
  });
}

for (const version of ['v1.0', 'v1.2']) {
  test(`${version}: an unknown path is refused with URL NOT FOUND`, details(requirement('SKM-ERR-URL-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const control = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
    const path = `/keymanager/${version}/appkey/${encodeURIComponent(target.profile.appkey)}/symmetric-keys/${control.opts.keyId}/unknown`;
    const credentials = version === 'v1.2' ? target.profile.credentials : undefined;
    await expectRefused(control, { expectations, send: (c) => c.send('POST', path, { body: { plaintext: 'data' }, credentials }), message: 'URL NOT FOUND' });
  });
}
