// Malformed headers and query values: a bad MAC header never passes MAC authentication, bad v1.2
// credential headers never succeed, bad keyVersion values and bad Base64 are client errors.
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { mainKeys, validCall } from '../../../harness/valid-calls.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { refused, refusedWith } from '../../../harness/oracles/refusal.ts';
import { noInternalDetail } from '../../../harness/oracles/leaks.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { operationId } from '../../../harness/http/skm-client.ts';

const BAD_MACS = ['not-a-mac', 'zz:zz:zz:zz:zz:zz', 'a'.repeat(1200), '0a:00:27:00:00:01, 0a:00:27:00:00:02', '0a:00:27:00:00:0１'];

for (const version of ['v1.0', 'v1.2']) {
  test(`${version}: a malformed MAC header never passes MAC authentication`, requirement('SKM-ROB-HDR-001'), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const f = needFixture(target.profile.fixtures?.mac, 'fixtures.mac');
    const keyId = needFixture(f.keys.symmetric, 'fixtures.mac.keys.symmetric');
    const op = operationId('symmetricEncrypt', version);
    succeeds(await skm.call(op, { keyId, mac: f.registered, body: { plaintext: 'x' } }));
    for (const mac of BAD_MACS) {
      // Header values must be Latin-1 on the wire; non-ASCII goes as its UTF-8 bytes.
      const ex = await skm.call(op, { keyId, mac: Buffer.from(mac).toString('latin1'), body: { plaintext: 'x' } });
      notAServerError(ex);
      refusedWith(ex, 'MAC Auth Failure', expectations);
    }
  });

  test(`${version}: keyVersion values that are not versions are client errors`, requirement('SKM-ROB-QRY-001', 'SKM-ROB-GEN-001'), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
    const op = operationId('getPublicKey', version);
    for (const keyVersion of ['-1', 'abc', '1.5', '', '99999999999999999999999']) {
      const ex = await skm.call(op, { keyId: key.id, query: { keyVersion } });
      notAServerError(ex);
      noInternalDetail(ex);
      refused(ex, expectations);
    }
    succeeds(await skm.call(op, { keyId: key.id }));
  });

  test(`${version}: broken Base64 in a ciphertext or signature is Invalid User Data`, requirement('SKM-ROB-B64-001'), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const sym = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    const enc = succeeds<{ ciphertext: string }>(await skm.call(operationId('symmetricEncrypt', version), { keyId: sym.id, body: { plaintext: 'x' } }));
    for (const ciphertext of [`${enc.ciphertext.slice(0, -2)}=`, enc.ciphertext.replace(/(.{8})/, '$1\n'), `${enc.ciphertext}*`]) {
      refusedWith(await skm.call(operationId('symmetricDecrypt', version), { keyId: sym.id, body: { ciphertext } }), 'Invalid User Data', expectations);
    }
  });
}

for (const op of operations.filter((o) => o.version === 'v1.2' && o.operation !== 'createSecret' && !o.operation.startsWith('create') && o.operation !== 'scheduleKeyDeletion' && o.operation !== 'deleteKeyImmediately')) {
  test(`${op.operationId}: malformed credential headers never succeed`, requirement('SKM-ROB-HDR-002'), async ({ skm, target, expectations }) => {
    needVersion(target, 'v1.2');
    const creds = needFixture(target.profile.credentials, 'credentials');
    const good = needFixture(await validCall(skm, op.operation, 'v1.2', mainKeys(target)), `keys for ${op.operation}`);
    for (const bad of ['', 'x'.repeat(8192), Buffer.from('비밀').toString('latin1')]) {
      const ex = await skm.call(op.operationId, { ...good, credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: bad } });
      notAServerError(ex);
      refused(ex, expectations);
    }
    succeeds(await skm.call(op.operationId, good));
  });
}
