// The data-level failure modes of the solution guide, one test per mode and operation, each with
// its positive control. Source: skm-solution-guide.en.txt
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { KEY_KIND, mainKeys, DATA_OPERATIONS } from '../../../harness/valid-calls.ts';
import { checkRefusal } from '../../../harness/negative-check.ts';
import { refusedWith } from '../../../harness/oracles/refusal.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { leaksNothing } from '../../../harness/oracles/leaks.ts';
import { operationId } from '../../../harness/http/skm-client.ts';

const dataOps = operations.filter((o) => DATA_OPERATIONS.includes(o.operation));
const keyedOps = dataOps.filter((o) => KEY_KIND[o.operation]);
const unknownKeyId = () => randomBytes(16).toString('hex');

for (const op of dataOps) {
  test(`${op.operationId}: an unknown appkey is refused with Invalid Appkey`, requirement('SKM-ERR-APPKEY-001'), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { appkey: `nx${randomBytes(8).toString('hex')}` }, message: 'Invalid Appkey' });
  });
}

for (const op of keyedOps) {
  test(`${op.operationId}: an unknown key id is refused with Invalid Key Id`, requirement('SKM-ERR-KEYID-001'), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { keyId: unknownKeyId() }, message: 'Invalid Key Id' });
  });

  test(`${op.operationId}: a key Scheduled to be Deleted is refused with Invalid Key Id`, requirement('SKM-ERR-KEYID-002'), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const fixture = needFixture(target.profile.fixtures?.scheduledForDeletion, 'fixtures.scheduledForDeletion');
    const keyId = needFixture(fixture.keys[KEY_KIND[op.operation]!], `fixtures.scheduledForDeletion.keys.${KEY_KIND[op.operation]}`);
    // The guide names a key not In Service under both Invalid Key Id and Invalid Key Status.
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { keyId }, message: ['Invalid Key Id', 'Invalid Key Status'] });
  });
}

for (const op of operations.filter((o) => ['getPrivateKey', 'getPublicKey'].includes(o.operation) || o.operationId === 'getSymmetricKey_v1_1' || o.operationId === 'getSymmetricKey_v1_2')) {
  test(`${op.operationId}: a key version that does not exist is refused with Invalid Key Version`, requirement('SKM-ERR-KEYVER-001'), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: mainKeys(target), breaking: { query: { keyVersion: 99_999 } }, message: 'Invalid Key Version' });
  });
}

for (const version of ['v1.0', 'v1.2']) {
  test.describe(`rotated keys ${version}`, () => {
    // Material made with a version since deleted, or now Scheduled to be Deleted: each refused with its message.
    for (const c of [
      { slot: 'deletedVersion', message: 'Invalid Key Version', decrypt: 'SKM-ERR-KEYVER-002', verify: 'SKM-ERR-KEYVER-003', what: 'a deleted version' },
      { slot: 'scheduledVersion', message: 'Invalid Key Version Status', decrypt: 'SKM-ERR-KVSTAT-001', verify: 'SKM-ERR-KVSTAT-002', what: 'a version Scheduled to be Deleted' },
    ] as const) {
      for (const kind of ['symmetric', 'asymmetric'] as const) {
        const [use, check, field] = kind === 'symmetric' ? ['symmetricEncrypt', 'symmetricDecrypt', 'ciphertext'] as const : ['asymmetricSign', 'asymmetricVerify', 'signature'] as const;
        test(`${check} of a ${field} from ${c.what} is refused with ${c.message}`, requirement(kind === 'symmetric' ? c.decrypt : c.verify), async ({ skm, target, expectations }) => {
          needVersion(target, version);
          const rotated = needFixture(target.profile.fixtures?.rotated, 'fixtures.rotated');
          const keyId = needFixture(rotated[kind], `fixtures.rotated.${kind}`);
          const material = needFixture(rotated[c.slot], `fixtures.rotated.${c.slot}`);
          const old = needFixture(material[field], `fixtures.rotated.${c.slot}.${field}`);
          // Positive control: the key itself is usable.
          succeeds(await skm.call(operationId(use, version), { keyId, body: { plaintext: 'control' } }));
          const ex = await skm.call(operationId(check, version), { keyId, body: { plaintext: material.plaintext, [field]: old } });
          refusedWith(ex, c.message, expectations);
          leaksNothing(ex, { plaintext: material.plaintext });
        });
      }
    }

    test('decrypt and verify with a key not In Service are refused with Invalid Key Status', requirement('SKM-ERR-KSTAT-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const f = needFixture(target.profile.fixtures?.invalidKeyStatus, 'fixtures.invalidKeyStatus');
      const v = version.replace('.', '_');
      test.skip(!(f.symmetric && f.ciphertext) && !(f.asymmetric && f.signature), 'not covered: fixtures.invalidKeyStatus has neither a ciphertext nor a signature');
      if (f.symmetric && f.ciphertext) {
        const ex = await skm.call(`symmetricDecrypt_${v}`, { keyId: f.symmetric, body: { ciphertext: f.ciphertext } });
        refusedWith(ex, ['Invalid Key Status', 'Invalid Key Id'], expectations);
        leaksNothing(ex, { plaintext: f.plaintext });
      }
      if (f.asymmetric && f.signature) {
        refusedWith(await skm.call(`asymmetricVerify_${v}`, { keyId: f.asymmetric, body: { plaintext: f.plaintext, signature: f.signature } }), ['Invalid Key Status', 'Invalid Key Id'], expectations);
      }
    });
  });
}

test('an unknown path is refused with URL NOT FOUND', requirement('SKM-ERR-URL-001'), async ({ skm, target, expectations }) => {
  const keyId = target.profile.keys.symmetric?.id ?? unknownKeyId();
  const version = target.profile.apiVersions.includes('v1.0') ? 'v1.0' : 'v1.2';
  const path = `/keymanager/${version}/appkey/${encodeURIComponent(target.profile.appkey)}/symmetric-keys/${keyId}/unknown`;
  refusedWith(await skm.send('POST', path, { body: { plaintext: 'data' }, credentials: version === 'v1.2' ? target.profile.credentials : undefined }), 'URL NOT FOUND', expectations);
});
