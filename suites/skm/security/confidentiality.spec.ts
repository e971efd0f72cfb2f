// What must never cross: a signature of one key verifying under another, secret material echoed
// in an error, data over plain HTTP from a store that requires a certificate.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { ensure } from '../../../harness/oracles/conformance-failure.ts';
import { leaksNothing } from '../../../harness/oracles/leaks.ts';
import { operationId } from '../../../harness/http/skm-client.ts';

for (const version of versionsOf('asymmetricSign')) {
  test(`${version}: a signature of another key never verifies`, requirement('SKM-SEC-SIG-001'), async ({ skm, target }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
    const other = needFixture(target.profile.fixtures?.rotated?.asymmetric ?? target.profile.fixtures?.mac?.keys.asymmetric, 'a second asymmetric key (fixtures.rotated.asymmetric)');
    const mac = target.profile.fixtures?.rotated?.asymmetric ? undefined : target.profile.fixtures?.mac?.registered;
    const signed = succeeds<{ signature: string }>(await skm.call(operationId('asymmetricSign', version), { keyId: other, mac, body: { plaintext: 'cross-key' } }));
    const ex = await skm.call(operationId('asymmetricVerify', version), { keyId: key.id, body: { plaintext: 'cross-key', signature: signed.signature } });
    ensure((ex.body as { result?: unknown } | undefined)?.result !== true, { oracle: 'verifyNeverTrue', title: 'Another key\'s signature verified', expected: 'result false or a refusal', received: 'result true', exchange: ex });
  });

  test(`${version}: errors do not echo submitted plaintext or secrets`, requirement('SKM-SEC-ECHO-001'), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const sym = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    const marker = `echo-${randomBytes(12).toString('hex')}`;
    const over = await skm.call(operationId('symmetricEncrypt', version), { keyId: sym.id, body: { plaintext: marker + 'a'.repeat(33_000) } });
    refused(over, expectations);
    leaksNothing(over, { 'submitted plaintext': marker });
    const badKey = await skm.call(operationId('symmetricEncrypt', version), { keyId: randomBytes(16).toString('hex'), body: { plaintext: marker } });
    refused(badKey, expectations);
    leaksNothing(badKey, { 'submitted plaintext': marker });
    const secret = target.profile.keys.secret;
    if (secret?.value) {
      const wrongApp = await skm.call(operationId('getSecret', version), { keyId: secret.id, appkey: `nx${marker}` });
      refused(wrongApp, expectations);
      leaksNothing(wrongApp, { 'secret value': secret.value });
    }
  });
}

test('plain HTTP serves no data from a store that requires a certificate', requirement('SKM-SEC-CERT-001'), async ({ skm, target, expectations }) => {
  const plain = needFixture(target.profile.plainBaseUrl, 'plainBaseUrl');
  const f = needFixture(target.profile.fixtures?.certificate, 'fixtures.certificate');
  const keyId = needFixture(f.keys.secret, 'fixtures.certificate.keys.secret');
  const version = target.profile.apiVersions.includes('v1.0') ? 'v1.0' : 'v1.2';
  const ex = await skm.call(operationId('getSecret', version), { keyId, plain: true });
  ensure(plain.startsWith('http://'), { oracle: 'plainHttp', title: 'plainBaseUrl is not plain HTTP', expected: 'http://…', received: plain });
  refused(ex, expectations);
});
