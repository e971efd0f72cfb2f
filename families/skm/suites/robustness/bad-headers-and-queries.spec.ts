// Malformed headers and query values: a bad MAC header never passes MAC authentication, bad v1.2
// credential headers never succeed, bad keyVersion values and bad Base64 are client errors. Each
// after the same request, made valid, succeeded.
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { CONTROL_PLAINTEXT, mainKeys } from '../../../../harness/valid-calls.ts';
import { control, controlFor, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { noInternalDetail } from '../../../../harness/oracles/leaks.ts';
import { ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

const BAD_MACS = ['not-a-mac', 'zz:zz:zz:zz:zz:zz', 'a'.repeat(1200), '0a:00:27:00:00:01, 0a:00:27:00:00:02', '0a:00:27:00:00:0１'];

for (const version of ['v1.0', 'v1.2']) {
  test(`${version}: a malformed MAC header never passes MAC authentication`, details(requirement('SKM-ROB-HDR-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const f = needFixture(target.profile.fixtures?.mac, 'fixtures.mac');
    const keyId = needFixture(f.keys.symmetric, 'fixtures.mac.keys.symmetric');
    const c = await control(skm, operationId('symmetricEncrypt', version), { keyId, mac: f.registered, body: { plaintext: 'x' } });
    for (const mac of BAD_MACS) {
      // Header values must be Latin-1 on the wire; non-ASCII goes as its UTF-8 bytes.
      await expectRefused(c, { expectations, breaking: { mac: Buffer.from(mac).toString('latin1') }, message: 'MAC Auth Failure' });
    }
  });

  test(`${version}: keyVersion values that are not versions are client errors`, details(requirement('SKM-ROB-QRY-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const c = await controlFor(skm, 'getPublicKey', version, mainKeys(target));
    for (const keyVersion of ['-1', 'abc', '1.5', '', '99999999999999999999999']) {
      noInternalDetail(await expectRefused(c, { expectations, breaking: { query: { keyVersion } } }));
    }
  });

  test(`${version}: broken Base64 in a ciphertext is refused, or decoded leniently to the right text`, details(requirement('SKM-ROB-B64-001'), variant(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const c = await controlFor(skm, 'symmetricDecrypt', version, mainKeys(target));
    const ciphertext = (c.opts.body as { ciphertext: string }).ciphertext;
    const rightText = (ex: Exchange) => {
      const plaintext = (ex.body as { plaintext?: unknown } | undefined)?.plaintext;
      ensure(plaintext === CONTROL_PLAINTEXT, { oracle: 'lenientBase64', title: 'Broken Base64 decoded to a wrong text', expected: 'a refusal or the original text', received: JSON.stringify(plaintext), exchange: ex });
    };
    const strict = expectations.strict.has('SKM-ROB-B64-001');
    for (const broken of [`${ciphertext.slice(0, -2)}=`, ciphertext.replace(/(.{8})/, '$1\n'), `${ciphertext}*`]) {
      const refusal = { expectations, breaking: { body: { ciphertext: broken } }, message: 'Invalid User Data' as const };
      if (strict) await expectRefused(c, refusal);
      else await expectRefusedOrSucceeds(c, { ...refusal, message: undefined }, rightText);
    }
  });
}

for (const op of operations.filter((o) => o.version === 'v1.2' && !o.operation.startsWith('create') && o.operation !== 'scheduleKeyDeletion' && o.operation !== 'deleteKeyImmediately')) {
  test(`${op.operationId}: malformed credential headers never succeed`, details(requirement('SKM-ROB-HDR-002'), variant('v1.2')), async ({ skm, target, expectations }) => {
    needVersion(target, 'v1.2');
    const creds = needFixture(target.profile.credentials, 'credentials');
    const c = await controlFor(skm, op.operation, 'v1.2', mainKeys(target));
    for (const bad of ['', 'x'.repeat(8192), Buffer.from('비밀').toString('latin1')]) {
      await expectRefused(c, { expectations, breaking: { credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: bad } } });
    }
  });
}
