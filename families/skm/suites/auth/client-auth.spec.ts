// Key-store client authentication: IPv4, MAC, client certificate, all enabled methods together,
// and the public key that is readable regardless. Each refusal runs its positive control first.
// Source: skm-solution-guide.en.txt; skm-api-v1.0-v1.1.ko.md#공개-키-조회
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { validCallsIn } from '../variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { KEY_KIND, mainKeys, validCall, type KeyIds } from '../../../../harness/valid-calls.ts';
import { checkRefusal, noAnswer } from '../../../../harness/refusal-check.ts';
import { foreignCertificate } from '../../../../harness/foreign-certificate.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import { pinned } from '../../../../harness/oracles/expectations.ts';
import { profileCertificate, type CallOptions, type ClientCertificate } from '../../../../harness/http/skm-client.ts';
import type { LoadedTarget } from '../../../../harness/profile/load-target.ts';

// A refusal that gives protected data away blames this one; a wrong refusal the mode's own requirement.
const LEAKS = 'SKM-SEC-ECHO-003';

// The operations a key store's authentication guards: every keyed data operation but the public key.
const guarded = operations.filter((o) => KEY_KIND[o.operation] && o.operation !== 'getPublicKey');

function keyOf(keys: KeyIds, operation: string, field: string): KeyIds {
  const kind = KEY_KIND[operation]!;
  return { [kind]: needFixture(keys[kind], `${field}.${kind}`) };
}

function certificate(target: LoadedTarget, which: 'valid' | 'expired' | 'notInService'): ClientCertificate {
  return profileCertificate(`fixtures.certificate.${which}`, needFixture(target.profile.fixtures?.certificate?.[which], `fixtures.certificate.${which}`));
}

for (const op of guarded) {
  test.describe(`${op.operationId} client authentication`, validCallsIn(op.version), () => {
    test('a store whose IPv4 list excludes the client refuses with IPv4 Auth Failure', requirement('SKM-CAU-IP-001', 'SKM-SEC-ECHO-003'), async ({ skm, target, expectations }) => {
      needVersion(target, op.version);
      const f = needFixture(target.profile.fixtures?.ipv4Denied, 'fixtures.ipv4Denied');
      // No request from this runner passes that store: the control runs on the main keys.
      await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: keyOf(f.keys, op.operation, 'fixtures.ipv4Denied.keys'), controlKeys: mainKeys(target), breaking: {}, message: 'IPv4 Auth Failure', blame: ['SKM-CAU-IP-001'], leakBlame: LEAKS });
    });

    test('a store whose IPv4 list admits the client by CIDR serves it', requirement('SKM-CAU-IP-003'), async ({ skm, target }) => {
      needVersion(target, op.version);
      const f = needFixture(target.profile.fixtures?.ipv4Allowed, 'fixtures.ipv4Allowed');
      const opts = await validCall(skm, op.operation, op.version, keyOf(f.keys, op.operation, 'fixtures.ipv4Allowed.keys'));
      succeeds(await skm.call(op.operationId, opts));
    });

    test('a store whose IPv4 entry for the client is not In Service refuses with IPv4 Auth Failure', requirement('SKM-CAU-IP-002'), async ({ skm, target, expectations }) => {
      needVersion(target, op.version);
      const f = needFixture(target.profile.fixtures?.ipv4NotInService, 'fixtures.ipv4NotInService');
      await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: keyOf(f.keys, op.operation, 'fixtures.ipv4NotInService.keys'), controlKeys: mainKeys(target), breaking: {}, message: 'IPv4 Auth Failure', blame: ['SKM-CAU-IP-002'], leakBlame: LEAKS });
    });

    for (const [label, mac, ids] of [
      ['without the MAC header', undefined, ['SKM-CAU-MAC-001']],
      ['with an unregistered MAC', 'unregistered', ['SKM-CAU-MAC-002']],
      ['with a MAC not In Service', 'notInService', ['SKM-CAU-MAC-003']],
    ] as const) {
      test(`a MAC store refuses a call ${label} with MAC Auth Failure`, requirement(...ids, 'SKM-CAU-MAC-004', 'SKM-SEC-ECHO-003'), async ({ skm, target, expectations }) => {
        needVersion(target, op.version);
        const f = needFixture(target.profile.fixtures?.mac, 'fixtures.mac');
        const sent = mac === undefined ? undefined : mac === 'unregistered' ? (f.unregistered ?? '02:00:00:00:00:00') : needFixture(f.notInService, 'fixtures.mac.notInService');
        await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: keyOf(f.keys, op.operation, 'fixtures.mac.keys'), passing: { mac: f.registered }, breaking: { mac: sent }, message: 'MAC Auth Failure', controlBlame: 'SKM-CAU-MAC-004', blame: ids, leakBlame: LEAKS });
      });
    }

    for (const [label, which, ids] of [
      ['without a certificate', undefined, ['SKM-CAU-CRT-001', 'SKM-SEC-CERT-001']],
      ['with a certificate it did not issue', 'foreign', ['SKM-CAU-CRT-002']],
      ['with an expired certificate', 'expired', ['SKM-CAU-CRT-003']],
      ['with a certificate not In Service', 'notInService', ['SKM-CAU-CRT-004']],
    ] as const) {
      test(`a certificate store refuses a call ${label} with Certificate Auth Failure`, requirement(...ids, 'SKM-CAU-CRT-005', 'SKM-SEC-ECHO-003'), async ({ skm, target, expectations }) => {
        needVersion(target, op.version);
        const f = needFixture(target.profile.fixtures?.certificate, 'fixtures.certificate');
        const sent = which === undefined ? undefined : which === 'foreign' ? foreignCertificate() : certificate(target, which);
        // A certificate the store will not take may be refused in the TLS handshake already (SKM-CAU-CRT-002/003).
        const handshake = (which === 'foreign' || which === 'expired') && !ids.some((id) => expectations.strict.has(id));
        const alsoAccept = handshake ? { reason: 'the TLS handshake refused the certificate', test: noAnswer } : undefined;
        await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys: keyOf(f.keys, op.operation, 'fixtures.certificate.keys'), passing: { certificate: certificate(target, 'valid') }, breaking: { certificate: sent }, message: 'Certificate Auth Failure', alsoAccept, controlBlame: 'SKM-CAU-CRT-005', blame: ids, leakBlame: LEAKS });
      });
    }

    test('a store with MAC and certificate needs both', requirement('SKM-CAU-ALL-001', 'SKM-CAU-ALL-002'), async ({ skm, target, expectations }) => {
      needVersion(target, op.version);
      const f = needFixture(target.profile.fixtures?.allMethods, 'fixtures.allMethods');
      const cert = profileCertificate('fixtures.allMethods.certificate', f.certificate);
      const keys = keyOf(f.keys, op.operation, 'fixtures.allMethods.keys');
      const passing = { mac: f.mac, certificate: cert };
      await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys, passing, breaking: { mac: undefined }, message: 'MAC Auth Failure' });
      await checkRefusal({ skm, expectations, operation: op.operation, version: op.version, keys, passing, breaking: { certificate: undefined }, message: 'Certificate Auth Failure' });
    });
  });
}

for (const op of operations.filter((o) => o.operation === 'getPublicKey')) {
  test.describe(`${op.operationId} in stores with client authentication`, variant(op.version), () => {
    const stores = [
      ['ipv4Denied', 'IPv4 Auth Failure'],
      ['mac', 'MAC Auth Failure'],
      ['certificate', 'Certificate Auth Failure'],
    ] as const;
    for (const [store, message] of stores) {
      test(`the public key of a ${store} store is readable without its client authentication`, requirement('SKM-CAU-PUB-001'), async ({ skm, target }) => {
        needVersion(target, op.version);
        const keys = needFixture(target.profile.fixtures?.[store]?.keys, `fixtures.${store}.keys`);
        const keyId = needFixture(keys.asymmetric, `fixtures.${store}.keys.asymmetric`);
        // No version can be learned from a store that refuses this runner: there, the first one (versions start at 0).
        const opts = store === 'ipv4Denied' ? { keyId, query: { keyVersion: 0 } } : await precondition(async () => (await validCall(skm, 'getPublicKey', op.version, { asymmetric: keyId }, passingAuth(target, store)))!);
        succeeds(await skm.call(op.operationId, { ...opts, mac: undefined, certificate: undefined }));
      });

      test(`the private key of a ${store} store is refused without its client authentication`, requirement('SKM-CAU-PUB-002'), async ({ skm, target, expectations }) => {
        needVersion(target, op.version);
        const keys = needFixture(target.profile.fixtures?.[store]?.keys, `fixtures.${store}.keys`);
        const asymmetric = needFixture(keys.asymmetric, `fixtures.${store}.keys.asymmetric`);
        const passing = passingAuth(target, store);
        // No request from this runner passes an IPv4-denied store: its control runs on the main keys.
        const controlKeys = store === 'ipv4Denied' ? mainKeys(target) : undefined;
        await checkRefusal({ skm, expectations, operation: 'getPrivateKey', version: op.version, keys: { asymmetric }, controlKeys, passing, breaking: { mac: undefined, certificate: undefined }, message });
      });
    }
  });
}

/** What passes a fixture store's client authentication, where anything can. */
function passingAuth(target: LoadedTarget, store: 'ipv4Denied' | 'mac' | 'certificate'): CallOptions {
  if (store === 'mac') return { mac: target.profile.fixtures!.mac!.registered };
  if (store === 'certificate') return { certificate: certificate(target, 'valid') };
  return {};
}

for (const version of ['v1.0', 'v1.2']) {
  test.describe(`confirm ${version} reports what the client sent`, variant(version), () => {
    test('the MAC header value', requirement('SKM-CAU-CFM-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const mac = '0a:1b:2c:3d:4e:5f';
      const ex = await skm.call(`getClientInfo_${version.replace('.', '_')}`, { mac });
      const body = succeeds<{ clientMacHeader: string }>(ex);
      // Unpinned, letter case is not held against the target: normalising is not documented either way.
      const echoed = pinned(expectations, 'SKM-CAU-CFM-001', body.clientMacHeader, body.clientMacHeader?.toLowerCase());
      ensure(echoed === mac, { oracle: 'confirm', title: 'MAC header not reported', expected: JSON.stringify(mac), received: JSON.stringify(body.clientMacHeader), exchange: ex });
    });

    test('whether a certificate was presented', requirement('SKM-CAU-CFM-002'), async ({ skm, target }) => {
      needVersion(target, version);
      const flag = (b: Record<string, unknown>) => b.clientSentCertificate ?? b.clientSentCerfificate;
      const op = `getClientInfo_${version.replace('.', '_')}`;
      const withCert = await skm.call(op, { certificate: certificate(target, 'valid') });
      ensure(flag(succeeds(withCert)) === true, { oracle: 'confirm', title: 'Certificate not reported', expected: 'certificate flag true', received: String(flag(succeeds(withCert))), exchange: withCert });
      const without = await skm.call(op);
      ensure(flag(succeeds(without)) === false, { oracle: 'confirm', title: 'Certificate reported though none was sent', expected: 'certificate flag false', received: String(flag(succeeds(without))), exchange: without });
    });
  });
}
