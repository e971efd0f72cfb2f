// Symmetric key query: v1.0 without versions, v1.1 and v1.2 by keyVersion (the documented call).
// Sources: skm-api-v1.0-v1.1.ko.md#대칭키-조회, skm-api-v1.2.ja.md#対称鍵照会
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { validCallsIn } from '../variants.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute, decodeOrFail, ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import { decodeHexListing } from '../../../../harness/formats.ts';
import { validCall } from '../../../../harness/valid-calls.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';
import type { Expectations } from '../../../../harness/oracles/expectations.ts';

async function thirtyTwoBytes(ex: Exchange, listing: string, e: Expectations): Promise<void> {
  const bytes = await attribute('SKM-SYM-KEY-002', () => decodeOrFail('symmetricKey', () => decodeHexListing(listing, e.strict.has('SKM-SYM-KEY-002')), ex));
  await attribute('SKM-SYM-KEY-003', () => ensure(bytes.length === 32, { oracle: 'symmetricKey', title: 'Symmetric key is not 32 bytes', expected: '32 bytes (AES-256)', received: `${bytes.length} bytes`, exchange: ex }));
}

test('v1.0 symmetric key query returns a 32-byte hex listing', details(requirement('SKM-SYM-KEY-001', 'SKM-SYM-KEY-002', 'SKM-SYM-KEY-003'), variant('v1.0')), async ({ skm, target, expectations }) => {
  needVersion(target, 'v1.0');
  const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
  const ex = await skm.call('getSymmetricKey_v1_0', { keyId: key.id });
  const body = await attribute('SKM-SYM-KEY-001', () => succeeds<{ symmetricKey: string }>(ex));
  await thirtyTwoBytes(ex, body.symmetricKey, expectations);
});

for (const version of ['v1.1', 'v1.2']) {
  test(`${version} symmetric key query returns the version asked for`, details(requirement('SKM-SYM-KEY-002', 'SKM-SYM-KEY-003', 'SKM-SYM-KEY-004', 'SKM-SYM-KEY-005', 'SKM-VER-TYPE-001'), validCallsIn(version)), async ({ skm, target, expectations }) => {
    needVersion(target, version);
    const key = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
    // The version encrypt uses exists for certain, whatever the key's history: validCall asks for it.
    const opts = await precondition(async () => (await validCall(skm, 'getSymmetricKey', version, { symmetric: key.id }))!);
    const asked = (opts.query as { keyVersion: number }).keyVersion;
    const ex = await skm.call(operationId('getSymmetricKey', version), opts);
    const body = await attribute(['SKM-SYM-KEY-004', 'SKM-VER-TYPE-001'], () => succeeds<{ symmetricKey: string; keyVersion: number }>(ex));
    await thirtyTwoBytes(ex, body.symmetricKey, expectations);
    await attribute('SKM-SYM-KEY-005', () => ensure(body.keyVersion === asked, { oracle: 'keyVersion', title: 'Another key version returned', expected: `keyVersion ${asked}`, received: `keyVersion ${body.keyVersion}`, exchange: ex }));
  });
}
