// What the documents show of the envelope without stating it as a rule (SHOULD): resultCode 0 and
// "success" on success, HTTP 200, a JSON media type; and how errors are shaped where FACTS.md says
// the details are unknown: never 0, no success fields, the transport the profile pins.
// Sources: skm-api-v1.0-v1.1.ko.md#api-응답의-데이터-공통-헤더; FACTS.md#skm-error-reporting
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { controlFor, expectRefused } from '../../../../harness/refusal-check.ts';
import { attribute, ensure, precondition } from '../../../../harness/oracles/conformance-failure.ts';
import { pinned } from '../../../../harness/oracles/expectations.ts';
import { mainKeys, validCall } from '../../../../harness/valid-calls.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

function header(ex: Exchange): { resultCode?: unknown; resultMessage?: unknown } {
  return (ex.response?.json as { header?: { resultCode?: unknown; resultMessage?: unknown } } | undefined)?.header ?? {};
}

for (const version of versionsOf('symmetricEncrypt')) {
  test.describe(`envelope details ${version}`, variant(version), () => {
    test('success is resultCode 0, "success", HTTP 200, JSON', requirement('SKM-ENV-SUC-002', 'SKM-ENV-SUC-003', 'SKM-ENV-CT-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      for (const op of ['getClientInfo', 'getSecret', 'symmetricEncrypt', 'asymmetricSign', 'getPublicKey']) {
        const opts = needFixture(await precondition(() => validCall(skm, op, version, mainKeys(target))), `keys for ${op}`);
        const ex = await skm.call(operationId(op, version), opts);
        // That the call works is each operation's own requirement; here it only makes the header worth reading.
        await precondition(() => succeeds(ex));
        const h = header(ex);
        // The values appear only in the example: unpinned, a number and a string are enough.
        const asDocumented = pinned(expectations, 'SKM-ENV-SUC-002', h.resultCode === 0 && h.resultMessage === 'success', typeof h.resultCode === 'number' && typeof h.resultMessage === 'string');
        await attribute('SKM-ENV-SUC-002', () => ensure(asDocumented, { oracle: 'successHeader', title: 'Success header differs from the documents', expected: 'resultCode 0, resultMessage "success"', received: `resultCode ${JSON.stringify(h.resultCode)}, resultMessage ${JSON.stringify(h.resultMessage)}`, exchange: ex }));
        // The documents name no status: any 2xx (which succeeds() requires) unless the profile pins 200.
        const status = ex.response!.status;
        await attribute('SKM-ENV-SUC-003', () => ensure(pinned(expectations, 'SKM-ENV-SUC-003', status === 200, true), { oracle: 'successStatus', title: 'Success without HTTP 200', expected: 'HTTP 200 (pinned by the profile)', received: `HTTP ${status}`, exchange: ex }));
        const type = ex.response!.headers['content-type'] ?? '';
        await attribute('SKM-ENV-CT-001', () => ensure(/^application\/json(\s*;.*)?$/i.test(type), { oracle: 'mediaType', title: 'Not a JSON media type', expected: 'application/json', received: JSON.stringify(type), exchange: ex }));
      }
    });

    test('an error has a non-zero code, no success fields, and the profile\'s transport', requirement('SKM-ERR-TRN-001', 'SKM-ERR-CODE-001', 'SKM-ERR-BODY-001'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
      const ex = await attribute('SKM-ERR-TRN-001', () => expectRefused(c, { expectations, breaking: { keyId: randomBytes(16).toString('hex') } }));
      const h = header(ex);
      await attribute('SKM-ERR-CODE-001', () => ensure(typeof h.resultCode === 'number' && h.resultCode !== 0, { oracle: 'errorCode', title: 'Error with the success code', expected: 'a numeric resultCode other than 0', received: JSON.stringify(h.resultCode), exchange: ex }));
      const body = ex.body;
      const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body as object).length === 0);
      await attribute('SKM-ERR-BODY-001', () => ensure(empty, { oracle: 'errorBody', title: 'Error body carries data', expected: 'no body, null or {}', received: JSON.stringify(body).slice(0, 200), exchange: ex }));
    });

    test('a key id used with an operation of another key type is refused', requirement('SKM-ERR-KEYID-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const secret = needFixture(target.profile.keys.secret, 'keys.secret');
      const sym = needFixture(target.profile.keys.symmetric, 'keys.symmetric');
      // Unpinned, any documented message: what a key of the wrong type yields is not documented.
      const message = expectations.strict.has('SKM-ERR-KEYID-003') ? 'Invalid Key Id' : undefined;
      const encrypt = await controlFor(skm, 'symmetricEncrypt', version, mainKeys(target));
      await expectRefused(encrypt, { expectations, breaking: { keyId: secret.id }, message });
      const sign = await controlFor(skm, 'asymmetricSign', version, mainKeys(target));
      await expectRefused(sign, { expectations, breaking: { keyId: sym.id }, message });
    });
  });
}
