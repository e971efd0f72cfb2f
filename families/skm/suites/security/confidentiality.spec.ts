// What must never cross: a signature of one key verifying under another, secret material echoed
// in an error, data over plain HTTP from a store that requires a certificate.
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { controlFor, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import { mainKeys } from '../../../../harness/valid-calls.ts';
import { operationId, profileCertificate } from '../../../../harness/http/skm-client.ts';
import { secondKey } from './second-key.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

for (const version of versionsOf('asymmetricSign')) {
  test(`${version}: a signature of another key never verifies`, details(requirement('SKM-SEC-SIG-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const other = secondKey(target, 'asymmetric');
    // The control: verify answers true for a genuine signature of this key, so "never true" means something.
    const c = await controlFor(skm, 'asymmetricVerify', version, mainKeys(target));
    const plaintext = (c.opts.body as { plaintext: string }).plaintext;
    const signed = await precondition(async () => succeeds<{ signature: string }>(await skm.call(operationId('asymmetricSign', version), { ...other.auth, keyId: other.keyId, body: { plaintext } })));
    await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { plaintext, signature: signed.signature } } }, (ex) => {
      ensure((ex.body as { result?: unknown } | undefined)?.result !== true, { oracle: 'verifyNeverTrue', title: 'Another key\'s signature verified', expected: 'result false or a refusal', received: 'result true', exchange: ex });
    });
  });

  test(`${version}: errors do not echo submitted plaintext or secrets`, details(requirement('SKM-SEC-ECHO-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const marker = `echo-${randomBytes(12).toString('hex')}`;
    const encrypt = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
    const protect = { 'submitted plaintext': marker };
    await expectRefused(encrypt, { expectations, breaking: { body: { plaintext: marker + 'a'.repeat(33_000) } }, protect });
    await expectRefused(encrypt, { expectations, breaking: { keyId: randomBytes(16).toString('hex'), body: { plaintext: marker } }, protect });
    const secret = target.profile.keys.secret;
    if (secret?.value) {
      const read = await controlFor(skm, 'getSecret', version, mainKeys(target));
      await expectRefused(read, { expectations, breaking: { appkey: `nx${marker}` }, protect: { 'secret value': secret.value } });
    }
  });
}

for (const version of versionsOf('getSecret')) {
  test(`${version}: plain HTTP serves no data from a store that requires a certificate`, details(requirement('SKM-SEC-CERT-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const plain = needFixture(target.profile.plainBaseUrl, 'plainBaseUrl');
    const f = needFixture(target.profile.fixtures?.certificate, 'fixtures.certificate');
    const secret = needFixture(f.keys.secret, 'fixtures.certificate.keys.secret');
    const certificate = profileCertificate('fixtures.certificate.valid', needFixture(f.valid, 'fixtures.certificate.valid'));
    ensure(plain.startsWith('http://'), { oracle: 'plainHttp', title: 'plainBaseUrl is not plain HTTP', expected: 'http://…', received: plain });
    // The control: over HTTPS with its certificate, that store serves the secret.
    const c = await controlFor(skm, 'getSecret', version, { secret }, { certificate });
    // A redirect away from plain HTTP serves nothing either.
    const redirect = { reason: 'a redirect', test: (ex: Exchange) => (ex.response?.status ?? 0) >= 300 && (ex.response?.status ?? 0) < 400 };
    await expectRefused(c, { expectations, breaking: { plain: true, certificate: undefined }, alsoAccept: redirect });
  });
}
