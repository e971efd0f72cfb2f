// Sign and verify: formats, the 245-byte limit at its edge, true for genuine pairs, never true otherwise.
// Sources: skm-api-v1.0-v1.1.ko.md#비대칭키로-서명, #비대칭키로-데이터-검증; skm-api-v1.2.ja.md#非対称鍵で署名, #非対称鍵でデータ検証
import { test, requirement, needVersion, needFixture, versionsOf } from '../../../harness/test.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { refused, refusedWith } from '../../../harness/oracles/refusal.ts';
import { decodeOrFail, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { decodeBase64 } from '../../../harness/formats.ts';
import { operationId } from '../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';

const LIMIT = 245;

function neverTrue(ex: Exchange, what: string): void {
  const result = (ex.body as { result?: unknown } | undefined)?.result;
  ensure(result !== true, { oracle: 'verifyNeverTrue', title: `Verify accepted ${what}`, expected: 'result false or a refusal', received: 'result true', exchange: ex });
}

for (const version of versionsOf('asymmetricSign')) {
  const sign = operationId('asymmetricSign', version);
  const verify = operationId('asymmetricVerify', version);

  test.describe(`sign/verify ${version}`, () => {
    test('sign returns a Base64 signature that verifies with the same key version', requirement('SKM-ASY-SIGN-001', 'SKM-ASY-SIGN-002', 'SKM-ASY-VFY-001', 'SKM-ASY-VFY-002', 'SKM-ASY-VFY-006', 'SKM-VER-TYPE-001'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const signEx = await skm.call(sign, { keyId: key.id, body: { plaintext: 'data' } });
      const signed = succeeds<{ signature: string; keyVersion: number }>(signEx);
      decodeOrFail('signature', () => decodeBase64(signed.signature), signEx);
      const ex = await skm.call(verify, { keyId: key.id, body: { plaintext: 'data', signature: signed.signature } });
      const v = succeeds<{ result: boolean; keyVersion: number }>(ex);
      ensure(v.result === true, { oracle: 'verify', title: 'Genuine signature not verified', expected: 'result true', received: `result ${v.result}`, exchange: ex });
      ensure(v.keyVersion === signed.keyVersion, { oracle: 'verify', title: 'Verify reports another key version', expected: `keyVersion ${signed.keyVersion}`, received: `keyVersion ${v.keyVersion}`, exchange: ex });
    });

    test('sign accepts exactly 245 bytes and the signature verifies', requirement('SKM-ASY-SIGN-003', 'SKM-ASY-VFY-007'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const plaintext = 'b'.repeat(LIMIT);
      const signed = succeeds<{ signature: string }>(await skm.call(sign, { keyId: key.id, body: { plaintext } }));
      const ex = await skm.call(verify, { keyId: key.id, body: { plaintext, signature: signed.signature } });
      ensure(succeeds<{ result: boolean }>(ex).result === true, { oracle: 'verify', title: '245-byte signature not verified', expected: 'result true', received: 'result false', exchange: ex });
    });

    test('sign rejects 246 bytes', requirement('SKM-ASY-SIGN-004'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      refused(await skm.call(sign, { keyId: key.id, body: { plaintext: 'b'.repeat(LIMIT + 1) } }), expectations);
    });

    test('sign counts the limit in UTF-8 bytes', requirement('SKM-ASY-SIGN-005'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      succeeds(await skm.call(sign, { keyId: key.id, body: { plaintext: '가'.repeat(81) } }));
      refused(await skm.call(sign, { keyId: key.id, body: { plaintext: '가'.repeat(82) } }), expectations);
    });

    test('verify never accepts altered data or an altered signature', requirement('SKM-ASY-VFY-003', 'SKM-ASY-VFY-004'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const signed = succeeds<{ signature: string }>(await skm.call(sign, { keyId: key.id, body: { plaintext: 'original' } }));
      neverTrue(await skm.call(verify, { keyId: key.id, body: { plaintext: 'originaL', signature: signed.signature } }), 'altered data');
      const bytes = Buffer.from(signed.signature, 'base64');
      bytes[bytes.length - 1] ^= 0x01;
      neverTrue(await skm.call(verify, { keyId: key.id, body: { plaintext: 'original', signature: bytes.toString('base64') } }), 'an altered signature');
    });

    test('a genuine signature of other data verifies as false', requirement('SKM-ASY-VFY-005'), async ({ skm, target }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      const other = succeeds<{ signature: string }>(await skm.call(sign, { keyId: key.id, body: { plaintext: 'other data' } }));
      const ex = await skm.call(verify, { keyId: key.id, body: { plaintext: 'data', signature: other.signature } });
      ensure(succeeds<{ result: boolean }>(ex).result === false, { oracle: 'verify', title: 'Wrong signature not reported as false', expected: 'result false', received: 'result true', exchange: ex });
    });

    test('verify refuses a malformed signature with Invalid User Data', requirement('SKM-ERR-DATA-003'), async ({ skm, target, expectations }) => {
      needVersion(target, version);
      const key = needFixture(target.profile.keys.asymmetric, 'keys.asymmetric');
      refusedWith(await skm.call(verify, { keyId: key.id, body: { plaintext: 'data', signature: '%%%not base64%%%' } }), 'Invalid User Data', expectations);
      refusedWith(await skm.call(verify, { keyId: key.id, body: { plaintext: 'data', signature: 'AAAAAAAA' } }), 'Invalid User Data', expectations);
    });
  });
}
