// Sign and verify: formats, the 245-byte limit at its edge, true for genuine pairs, never true otherwise.
// Sources: skm-api-v1.0-v1.1.ko.md#비대칭키로-서명, #비대칭키로-데이터-검증; skm-api-v1.2.ja.md#非対称鍵で署名, #非対称鍵でデータ検証
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../../harness/test.ts';
import { variant } from '../../../../harness/variants.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { controlFor, control, expectRefused, expectRefusedOrSucceeds } from '../../../../harness/refusal-check.ts';
import { attribute, decodeOrFail, ensure } from '../../../../harness/oracles/conformance-failure.ts';
import { mainKeys } from '../../../../harness/valid-calls.ts';
import { decodeBase64 } from '../../../../harness/formats.ts';
import { operationId } from '../../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

const LIMIT = 245;

function neverTrue(ex: Exchange, what: string): void {
  const result = (ex.body as { result?: unknown } | undefined)?.result;
  ensure(result !== true, { oracle: 'verifyNeverTrue', title: `Verify accepted ${what}`, expected: 'result false or a refusal', received: 'result true', exchange: ex });
}

for (const version of versionsOf('asymmetricSign')) {
  const sign = operationId('asymmetricSign', version);
  const verify = operationId('asymmetricVerify', version);

  test.describe(`sign/verify ${version}`, variant(version), () => {
    test('sign returns a Base64 signature that verifies with the same key version', requirement('SKM-ASY-SIGN-001', 'SKM-ASY-SIGN-002', 'SKM-ASY-VFY-001', 'SKM-ASY-VFY-002', 'SKM-ASY-VFY-006', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const signEx = await skm.call(sign, { keyId: key.id, body: { plaintext: 'data' } });
      const signed = await attribute(['SKM-ASY-SIGN-001', 'SKM-VER-TYPE-001'], () => succeeds<{ signature: string; keyVersion: number }>(signEx));
      await attribute('SKM-ASY-SIGN-002', () => decodeOrFail('signature', () => decodeBase64(signed.signature), signEx));
      const ex = await skm.call(verify, { keyId: key.id, body: { plaintext: 'data', signature: signed.signature } });
      const v = await attribute(['SKM-ASY-VFY-001', 'SKM-VER-TYPE-001'], () => succeeds<{ result: boolean; keyVersion: number }>(ex));
      await attribute('SKM-ASY-VFY-002', () => ensure(v.result === true, { oracle: 'verify', title: 'Genuine signature not verified', expected: 'result true', received: `result ${v.result}`, exchange: ex }));
      await attribute('SKM-ASY-VFY-006', () => ensure(v.keyVersion === signed.keyVersion, { oracle: 'verify', title: 'Verify reports another key version', expected: `keyVersion ${signed.keyVersion}`, received: `keyVersion ${v.keyVersion}`, exchange: ex }));
    });

    test('sign accepts exactly 245 bytes and the signature verifies', requirement('SKM-ASY-SIGN-003', 'SKM-ASY-VFY-007'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const plaintext = 'b'.repeat(LIMIT);
      const signed = await attribute('SKM-ASY-SIGN-003', async () => succeeds<{ signature: string }>(await skm.call(sign, { keyId: key.id, body: { plaintext } })));
      const ex = await skm.call(verify, { keyId: key.id, body: { plaintext, signature: signed.signature } });
      await attribute('SKM-ASY-VFY-007', () => ensure(succeeds<{ result: boolean }>(ex).result === true, { oracle: 'verify', title: '245-byte signature not verified', expected: 'result true', received: 'result false', exchange: ex }));
    });

    test('sign rejects 246 bytes', requirement('SKM-ASY-SIGN-004'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'asymmetricSign', version, mainKeys(target));
      await expectRefused(c, { expectations, breaking: { body: { plaintext: 'b'.repeat(LIMIT + 1) } } });
    });

    test('sign counts the limit in UTF-8 bytes', requirement('SKM-ASY-SIGN-005'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      // 81 three-byte characters are 243 bytes: the control; 82 are 246 bytes.
      const c = await control(skm, sign, { keyId: key.id, body: { plaintext: '가'.repeat(81) } });
      await expectRefused(c, { expectations, breaking: { body: { plaintext: '가'.repeat(82) } } });
    });

    test('verify never accepts altered data or an altered signature', requirement('SKM-ASY-VFY-003', 'SKM-ASY-VFY-004'), async ({ skm, target }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'asymmetricVerify', version, mainKeys(target));
      const { plaintext, signature } = c.opts.body as { plaintext: string; signature: string };
      await attribute('SKM-ASY-VFY-003', async () => neverTrue(await skm.call(verify, { ...c.opts, body: { plaintext: `${plaintext}.`, signature } }), 'altered data'));
      const bytes = Buffer.from(signature, 'base64');
      bytes[bytes.length - 1] ^= 0x01;
      await attribute('SKM-ASY-VFY-004', async () => neverTrue(await skm.call(verify, { ...c.opts, body: { plaintext, signature: bytes.toString('base64') } }), 'an altered signature'));
    });

    test('a genuine signature of other data verifies as false', requirement('SKM-ASY-VFY-005'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'asymmetricVerify', version, mainKeys(target));
      const other = succeeds<{ signature: string }>(await skm.call(sign, { ...c.opts, body: { plaintext: 'other data' } }));
      const breaking = { body: { plaintext: (c.opts.body as { plaintext: string }).plaintext, signature: other.signature } };
      const resultFalse = (ex: Exchange) => ensure(succeeds<{ result: boolean }>(ex).result === false, { oracle: 'verify', title: 'Wrong signature not reported as false', expected: 'result false', received: 'result true', exchange: ex });
      // Unpinned, a refusal is allowed too (the guide's Invalid User Data could apply); result true never.
      if (expectations.strict.has('SKM-ASY-VFY-005')) resultFalse(await skm.call(verify, { ...c.opts, ...breaking }));
      else await expectRefusedOrSucceeds(c, { expectations, breaking }, resultFalse);
    });

    test('verify refuses a malformed signature with Invalid User Data', requirement('SKM-ERR-DATA-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const c = await controlFor(skm, 'asymmetricVerify', version, mainKeys(target));
      const plaintext = (c.opts.body as { plaintext: string }).plaintext;
      const strict = expectations.strict.has('SKM-ERR-DATA-003');
      const notTrue = (ex: Exchange) => ensure(!strict && succeeds<{ result: boolean }>(ex).result === false, { oracle: 'verify', title: 'Malformed signature not refused', expected: strict ? 'Invalid User Data' : 'Invalid User Data or result false', received: `result ${String((ex.body as { result?: unknown }).result)}`, exchange: ex });
      for (const signature of ['%%%not base64%%%', 'AAAAAAAA']) {
        await expectRefusedOrSucceeds(c, { expectations, breaking: { body: { plaintext, signature } }, message: 'Invalid User Data' }, notTrue);
      }
    });
  });
}
