// The documented limits (FACTS.md): plaintext 32 KB in all, RSA2048 190 bytes, sign data 8 KB, context 50
// bytes. Inside and outside under every reading of the units (MUST); the exact edge only where the profile
// pins the reading, else recorded (SHOULD). Every refusal after the same request within the limit succeeded.
import { attribute } from '../../../harness/oracles/conformance-failure.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';
import { successData } from '../harness/answers.ts';
import { observe, type Expectations } from '../harness/expectations.ts';
import type { KmsCall, KmsClient } from '../harness/kms-client.ts';
import { DEFAULT_READING, largestAccepted, largestContext } from '../harness/limits.ts';
import { succeeds } from '../harness/oracles.ts';
import { control, expectRefused } from '../harness/refusal-check.ts';
import { keyTag, needVariant } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { requirement, test, variant } from '../harness/test.ts';
import type { NcpTarget } from '../harness/target.ts';

const version = 'v2' as const;

/** A body one field of which has `bytes` random bytes. */
type Body = (bytes: number) => Record<string, unknown>;

interface Limit {
  name: string;
  role: 'aes256' | 'rsa2048' | 'ecdsa' | 'convergent';
  action: 'encrypt' | 'sign';
  body: Body;
  within: number;
  over: number;
  inside: string;
  outside: string;
}

const withContext = (bytes: number) => ({ plaintext: randomText(16), context: randomText(bytes) });

const LIMITS: Limit[] = [
  { name: 'plaintext of 32 KB', role: 'aes256', action: 'encrypt', body: (n) => ({ plaintext: randomText(n) }), within: 24_000, over: 32_769, inside: 'NCP-ENC-LIM-001', outside: 'NCP-ENC-LIM-002' },
  { name: 'RSA2048 plaintext of 190 bytes', role: 'rsa2048', action: 'encrypt', body: (n) => ({ plaintext: randomText(n) }), within: 190, over: 191, inside: 'NCP-ENC-RSA-001', outside: 'NCP-ENC-RSA-002' },
  { name: 'sign data of 8 KB', role: 'ecdsa', action: 'sign', body: (n) => ({ data: randomText(n) }), within: 6_000, over: 8_193, inside: 'NCP-SIG-LIM-001', outside: 'NCP-SIG-LIM-002' },
  { name: 'context of 50 bytes', role: 'convergent', action: 'encrypt', body: withContext, within: 36, over: 51, inside: 'NCP-CNV-LIM-001', outside: 'NCP-CNV-LIM-002' },
];

const call = (target: NcpTarget, l: Pick<Limit, 'role' | 'action'>, body: Record<string, unknown>): KmsCall => ({ keyTag: keyTag(target, l.role), action: l.action, version, body });

test.describe('limits', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));

  for (const l of LIMITS) {
    test(`${l.name}: ${l.within} bytes are accepted`, requirement(l.inside), async ({ kms, target }) => {
      await attribute(l.inside, async () => succeeds(await kms.send(call(target, l, l.body(l.within))), `${l.within} bytes`));
    });

    test(`${l.name}: ${l.over} bytes are refused`, requirement(l.outside), async ({ kms, target }) => {
      const c = await control(kms, call(target, l, l.body(l.within)));
      await expectRefused(c, { breaking: { body: l.body(l.over) } });
    });
  }

  test('a list of plaintexts over 32 KB in sum is refused though each is smaller', requirement('NCP-LST-LIM-001'), async ({ kms, target }) => {
    const list = (bytes: number) => ({ plaintext: [randomText(bytes), randomText(bytes), randomText(bytes)] });
    const c = await control(kms, call(target, { role: 'aes256', action: 'encrypt' }, list(8_000)));
    await expectRefused(c, { breaking: { body: list(11_000) } });
  });
});

interface Edge {
  id: string;
  name: string;
  role: Limit['role'];
  action: Limit['action'];
  body: Body;
  largest: (e: Expectations) => number;
}

const EDGES: Edge[] = [
  { id: 'NCP-ENC-LIM-003', name: 'plaintext', role: 'aes256', action: 'encrypt', body: (n) => ({ plaintext: randomText(n) }), largest: (e) => largestAccepted(32, e.limitReading ?? DEFAULT_READING) },
  { id: 'NCP-SIG-LIM-003', name: 'sign data', role: 'ecdsa', action: 'sign', body: (n) => ({ data: randomText(n) }), largest: (e) => largestAccepted(8, e.limitReading ?? DEFAULT_READING) },
  { id: 'NCP-CNV-LIM-003', name: 'context', role: 'convergent', action: 'encrypt', body: withContext, largest: (e) => largestContext(e.limitReading ?? DEFAULT_READING) },
];

/** Pinned: the edge of the pinned reading is held. Unpinned: where the edge lies is recorded. */
async function judgeEdge(kms: KmsClient, target: NcpTarget, e: Expectations, edge: Edge): Promise<void> {
  const largest = edge.largest(e);
  const c = await control(kms, call(target, edge, edge.body(Math.floor(largest / 2))));
  if (!e.strict(edge.id)) {
    const at = await kms.send(call(target, edge, edge.body(largest)));
    const past = await kms.send(call(target, edge, edge.body(largest + 1)));
    const seen = (ex: Exchange) => (successData(ex) ? 'accepted' : `refused (HTTP ${ex.response?.status})`);
    observe(edge.id, `${largest} decoded bytes ${seen(at)}, ${largest + 1} ${seen(past)}`);
    return;
  }
  await attribute(edge.id, async () => {
    succeeds(await kms.send(call(target, edge, edge.body(largest))), `${largest} bytes, the edge of the pinned reading`);
    await expectRefused(c, { breaking: { body: edge.body(largest + 1) } });
  });
}

test.describe('limits at their exact edge', variant(version), () => {
  test.beforeEach(({ target }) => needVariant(target, version));
  for (const edge of EDGES) {
    test(`${edge.name}: the edge of the pinned reading`, requirement(edge.id), async ({ kms, target, expectations }) => {
      await judgeEdge(kms, target, expectations, edge);
    });
  }
});
