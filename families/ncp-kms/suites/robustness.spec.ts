// Malformed, mistyped or missing input is refused as a client error, never a 5xx or INTERNAL_SERVER_ERROR,
// and the service keeps serving. Each case after the same action's documented request succeeded.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';
import type { Json } from '../harness/answers.ts';
import type { KmsCall } from '../harness/kms-client.ts';
import { succeeds } from '../harness/oracles.ts';
import { control, expectRefused, expectRefusedOr } from '../harness/refusal-check.ts';
import { needVariant } from '../harness/suite-support.ts';
import { ACTIONS, validCall, type LogicalAction } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';

const version = 'v2' as const;
const GENERAL = 'NCP-ROB-GEN-001';

interface Case {
  id: string;
  action: LogicalAction;
  what: string;
  /** the change over the action's documented request */
  change: (call: KmsCall) => Partial<KmsCall>;
  /** a reading of the documents may take it (a coerced scalar): a success is recorded unless pinned */
  coercible?: boolean;
}

const body = (call: KmsCall) => call.body as Json;
const without = (name: string) => (call: KmsCall): Partial<KmsCall> => ({ body: Object.fromEntries(Object.entries(body(call)).filter(([k]) => k !== name)) });
const replaced = (name: string, value: unknown) => (call: KmsCall): Partial<KmsCall> => ({ body: { ...body(call), [name]: value } });

const CASES: Case[] = [
  ...ACTIONS.flatMap((action): Case[] => [
    { id: 'NCP-ROB-JSON-001', action, what: 'a body that is not JSON', change: () => ({ rawBody: '{"plaintext": ' }) },
    { id: 'NCP-ROB-JSON-001', action, what: 'a JSON array', change: () => ({ rawBody: '[]' }) },
  ]),
  { id: 'NCP-ROB-B64-001', action: 'encrypt', what: 'plaintext not Base64', change: replaced('plaintext', 'not Base64!') },
  { id: 'NCP-ROB-B64-001', action: 'encrypt', what: 'context not Base64', change: replaced('context', '%%%') },
  { id: 'NCP-ROB-B64-001', action: 'decrypt', what: 'ciphertext body not Base64', change: replaced('ciphertext', 'ncpkms:v1:%%%') },
  { id: 'NCP-ROB-B64-001', action: 'reencrypt', what: 'ciphertext body not Base64', change: replaced('ciphertext', 'ncpkms:v1:%%%') },
  { id: 'NCP-ROB-B64-001', action: 'sign', what: 'data not Base64', change: replaced('data', '%%%') },
  { id: 'NCP-ROB-B64-001', action: 'verify', what: 'signature not Base64', change: replaced('signature', 'ncpkms:v1:%%%') },
  { id: 'NCP-ROB-REQ-001', action: 'encrypt', what: 'no plaintext', change: without('plaintext') },
  { id: 'NCP-ROB-REQ-001', action: 'decrypt', what: 'no ciphertext', change: without('ciphertext') },
  { id: 'NCP-ROB-REQ-001', action: 'reencrypt', what: 'no ciphertext', change: without('ciphertext') },
  { id: 'NCP-ROB-REQ-001', action: 'sign', what: 'no data', change: without('data') },
  { id: 'NCP-ROB-REQ-001', action: 'verify', what: 'no signature', change: without('signature') },
  { id: 'NCP-ROB-REQ-001', action: 'verify', what: 'no data', change: without('data') },
  { id: 'NCP-ROB-TYPE-001', action: 'encrypt', what: 'an object for plaintext', change: replaced('plaintext', { text: 'AAAA' }) },
  { id: 'NCP-ROB-TYPE-001', action: 'encrypt', what: 'an empty list of plaintexts', change: replaced('plaintext', []) },
  { id: 'NCP-ROB-TYPE-001', action: 'decrypt', what: 'a list of numbers for ciphertext', change: replaced('ciphertext', [1, 2]) },
  { id: 'NCP-ROB-TYPE-001', action: 'createCustomKey', what: 'an object for bits', change: replaced('bits', { bits: 256 }) },
  { id: 'NCP-ROB-TYPE-001', action: 'createCustomKey', what: 'bits as the string "256"', change: replaced('bits', '256'), coercible: true },
  { id: 'NCP-ROB-TYPE-001', action: 'encrypt', what: 'a number for plaintext', change: replaced('plaintext', 12345678), coercible: true },
];

test.describe('robustness', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  for (const k of CASES) {
    test(`${k.action}: ${k.what} is refused`, requirement(k.id, GENERAL), async ({ kms, target, expectations }) => {
      const c = await control(kms, await validCall(kms, target, k.action, version));
      if (!k.coercible) return void (await expectRefused(c, { breaking: k.change(c.call) }));
      await expectRefusedOr(c, { breaking: k.change(c.call) }, (_d, ex) => {
        expectations.pinned(k.id, false, { oracle: 'robustness', title: 'A coerced value accepted', expected: 'a refusal', received: 'a success', exchange: ex });
      });
    });
  }

  const UNKNOWN_PATHS = [
    { what: 'an unknown action', path: (tag: string) => `/keys/v2/${tag}/explode` },
    { what: 'an unknown API version', path: (tag: string) => `/keys/v9/${tag}/encrypt` },
    { what: 'a path outside the API', path: () => '/kms/v2/encrypt' },
  ];
  for (const u of UNKNOWN_PATHS) {
    test(`${u.what} is refused with a 4xx`, requirement('NCP-ROB-URL-001', GENERAL), async ({ kms, target }) => {
      const c = await control(kms, await validCall(kms, target, 'encrypt', version));
      await expectRefused(c, {
        breaking: { path: u.path(encodeURIComponent(c.call.keyTag)) },
        judge: (ex: Exchange) => {
          ensure(ex.response!.status >= 400 && ex.response!.status < 500, { oracle: 'robustness', title: 'Unknown path not refused with a 4xx', expected: 'HTTP 4xx', received: `HTTP ${ex.response!.status}`, exchange: ex });
        },
      });
    });
  }

  test('after every malformed request, a valid call still succeeds', requirement('NCP-ROB-ALIVE-001', GENERAL), async ({ kms, target }) => {
    const calls = new Map<LogicalAction, KmsCall>();
    for (const action of ACTIONS) calls.set(action, (await control(kms, await validCall(kms, target, action, version))).call);
    for (const k of CASES) await kms.send({ ...calls.get(k.action)!, ...k.change(calls.get(k.action)!) });
    for (const [action, call] of calls) {
      const ex = await kms.send(call);
      await attribute('NCP-ROB-ALIVE-001', () => succeeds(ex, `${action} after the malformed requests`));
    }
  });
});
