// KMS refusals in the documented envelope: one of the seven codes with its documented message, never
// SUCCESS; the HTTP status, the code for each condition and the refusal of an action the key's type does
// not offer, as pinned by the profile. Each refusal after the same request made valid succeeded.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { gatewayError, KMS_ERROR_MESSAGES, kmsErrorCode, shownBody } from '../harness/answers.ts';
import type { Expectations } from '../harness/expectations.ts';
import { control, expectRefused } from '../harness/refusal-check.ts';
import { keyTag, needVariant } from '../harness/suite-support.ts';
import { randomText, validCall } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';

const version = 'v2' as const;

/** Beyond the refusal (judged under NCP-ERR-GEN-001): the KMS envelope (ERR-GEN-001), its documented
 *  message (ERR-GEN-002), its status (ERR-STS-001). */
async function documentedRefusal(ex: Exchange, e: Expectations): Promise<string> {
  const code = await attribute('NCP-ERR-GEN-001', () => {
    const code = kmsErrorCode(ex);
    ensure(code !== undefined && !gatewayError(ex), { oracle: 'kmsError', title: 'Refusal outside the KMS envelope', expected: '{"code": <documented code>, "msg": ...}', received: shownBody(ex), exchange: ex });
    return code;
  });
  await attribute('NCP-ERR-GEN-002', () => {
    const msg = (ex.response!.json as { msg?: unknown }).msg;
    const documented = KMS_ERROR_MESSAGES[code];
    const ok = typeof msg === 'string' && (e.strict('NCP-ERR-GEN-002') ? msg === documented : msg.toLowerCase().includes(documented.toLowerCase()));
    ensure(ok, { oracle: 'kmsError', title: 'Refusal without its documented message', expected: `msg ${JSON.stringify(documented)} (code ${code})`, received: JSON.stringify(msg), exchange: ex });
  });
  const pinned = e.kmsErrorStatus?.[code];
  const status = ex.response!.status;
  e.pinned('NCP-ERR-STS-001', pinned === undefined || status === pinned, { oracle: 'kmsError', title: 'Refusal with another HTTP status than the profile declares', expected: `HTTP ${pinned} for ${code}`, received: `HTTP ${status}`, exchange: ex });
  return code;
}

function codeIs(id: string, wanted: readonly string[], code: string, ex: Exchange, e: Expectations): void {
  e.pinned(id, wanted.includes(code), { oracle: 'kmsError', title: 'Refusal with another code', expected: wanted.join(' or '), received: code, exchange: ex });
}

test.describe('KMS errors', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));
  const STATUS = ['NCP-ERR-GEN-001', 'NCP-ERR-GEN-002', 'NCP-ERR-STS-001'];

  test('a plaintext that is not Base64 is refused with INVALID_REQUEST and its message', requirement(...STATUS, 'NCP-ERR-MAP-002'), async ({ kms, target, expectations }) => {
    const c = await control(kms, await validCall(kms, target, 'encrypt', version));
    await expectRefused(c, {
      breaking: { body: { plaintext: 'not Base64!' } },
      blame: 'NCP-ERR-GEN-001',
      judge: async (ex) => codeIs('NCP-ERR-MAP-002', ['INVALID_REQUEST'], await documentedRefusal(ex, expectations), ex, expectations),
    });
  });

  test('a keyTag that names no key is refused with NOT_FOUND and its message', requirement(...STATUS, 'NCP-ERR-MAP-001'), async ({ kms, target, expectations }) => {
    const c = await control(kms, await validCall(kms, target, 'encrypt', version));
    await expectRefused(c, {
      breaking: { keyTag: `no-such-key-${randomText(6).replace(/[^A-Za-z0-9]/g, '')}` },
      blame: 'NCP-ERR-GEN-001',
      judge: async (ex) => codeIs('NCP-ERR-MAP-001', ['NOT_FOUND'], await documentedRefusal(ex, expectations), ex, expectations),
    });
  });

  const WRONG_TYPE = [
    { action: 'sign' as const, from: 'ecdsa' as const, to: 'aes256' as const },
    { action: 'verify' as const, from: 'ecdsa' as const, to: 'aes256' as const },
    { action: 'encrypt' as const, from: 'aes256' as const, to: 'ecdsa' as const },
  ];
  for (const w of WRONG_TYPE) {
    test(`${w.action} with a key of type ${w.to === 'aes256' ? 'AES256' : 'ECDSA'} is refused`, requirement('NCP-KEY-TYPE-001'), async ({ kms, target }) => {
      const c = await control(kms, await validCall(kms, target, w.action, version));
      await expectRefused(c, { breaking: { keyTag: keyTag(target, w.to) } });
    });
  }
});
