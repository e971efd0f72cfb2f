// Bad input never breaks the service: each operation gets malformed, mistyped, missing, oversized
// and mislabelled bodies, odd key ids and undocumented methods, after its positive control. Never a
// 5xx, always the error envelope, no internals; afterwards the operation still answers a known-good
// request correctly. Each input blames the requirement about it; a 5xx blames SKM-ROB-GEN-001.
import { test, requirement, needVersion } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { validCallsIn } from '../variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { confirmControl, DATA_OPERATIONS, mainKeys, validCall } from '../../../../harness/valid-calls.ts';
import { controlFor, expectRefused, expectRefusedOrSucceeds, noAnswer, type Control, type Refusal } from '../../../../harness/refusal-check.ts';
import { notAServerError } from '../../../../harness/oracles/server-error.ts';
import { noInternalDetail } from '../../../../harness/oracles/leaks.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute } from '../../../../harness/oracles/conformance-failure.ts';
import type { Expectations } from '../../../../harness/oracles/expectations.ts';
import { operationRecord, type CallOptions, type SkmClient } from '../../../../harness/http/skm-client.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';

/** A bad body (opts over the known-good call) or a raw request, and the requirement it tests. */
interface BadInput {
  label: string;
  requirement: string;
  opts?: CallOptions;
  raw?: { method: string; path: string };
  /** the documents allow processing it: a success must then answer as the control did ('same'), or
   *  be a well-formed success of the operation (a 'coerced' scalar) */
  mayProcess?: 'same' | 'coerced';
  /** a front proxy may close the connection instead of answering (SKM-ROB-SIZE-001) */
  mayClose?: boolean;
}

function badBodies(control: Control): BadInput[] {
  const body = control.opts.body as Record<string, unknown>;
  const first = Object.keys(body)[0];
  const mistyped = { number: 7, boolean: true, object: { a: 1 }, array: ['x'], null: null };
  return [
    { label: 'malformed JSON', requirement: 'SKM-ROB-JSON-001', opts: { rawBody: '{"plaintext": "unterminated' } },
    { label: 'a JSON array', requirement: 'SKM-ROB-JSON-002', opts: { rawBody: '[1,2,3]' } },
    { label: 'JSON null', requirement: 'SKM-ROB-JSON-002', opts: { rawBody: 'null' } },
    { label: 'an empty body', requirement: 'SKM-ROB-JSON-005', opts: { rawBody: '' } },
    { label: 'no fields', requirement: 'SKM-ROB-JSON-003', opts: { body: {} } },
    // A lenient service may coerce a scalar to a string (SKM-ROB-JSON-004), never an object or array.
    ...Object.entries(mistyped).map(([t, value]) => ({ label: `${first} as ${t}`, requirement: 'SKM-ROB-JSON-004', opts: { body: { ...body, [first]: value } }, mayProcess: t === 'number' || t === 'boolean' ? ('coerced' as const) : undefined })),
    // The documents name no request Content-Type: reading the JSON anyway is allowed (SKM-ROB-CT-001).
    { label: 'text/plain content type', requirement: 'SKM-ROB-CT-001', opts: { contentType: 'text/plain' }, mayProcess: 'same' },
    { label: 'no content type', requirement: 'SKM-ROB-CT-001', opts: { contentType: null }, mayProcess: 'same' },
    { label: 'a 1 MiB field', requirement: 'SKM-ROB-SIZE-001', opts: { body: { [first]: 'x'.repeat(1024 * 1024) } }, mayClose: true },
    { label: 'a 16 MiB body', requirement: 'SKM-ROB-SIZE-001', opts: { rawBody: JSON.stringify({ [first]: 'x'.repeat(16 * 1024 * 1024) }) }, mayClose: true },
    { label: 'deep nesting', requirement: 'SKM-ROB-GEN-002', opts: { rawBody: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` } },
  ];
}

const ODD_KEY_IDS = ['', '%2F..%2F..%2Fconfirm', '..', 'a'.repeat(2000), '%00', '%E2%98%83', 'key%20id', '%25', 'ABCDEF0123456789ABCDEF0123456789'];
const ODD_APPKEYS = ['', '%2F..%2Fx', 'k'.repeat(2000), '%E2%98%83'];

function rawInputs(op: (typeof operations)[number], appkey: string, keyId: string | undefined): BadInput[] {
  const path = (a: string, k: string) => op.path.replace('{appkey}', a).replace('{keyid}', k);
  const mine = encodeURIComponent(appkey);
  const inputs: BadInput[] = [];
  if (op.pathParams.includes('keyid')) for (const id of ODD_KEY_IDS) inputs.push({ label: `key id ${JSON.stringify(id.slice(0, 20))}`, requirement: 'SKM-ROB-PATH-001', raw: { method: op.method, path: path(mine, id) } });
  for (const a of ODD_APPKEYS) inputs.push({ label: `appkey ${JSON.stringify(a.slice(0, 20))}`, requirement: 'SKM-ROB-PATH-002', raw: { method: op.method, path: path(a, keyId ?? 'x') } });
  for (const method of ['PATCH', op.method === 'GET' ? 'DELETE' : 'GET']) inputs.push({ label: `method ${method}`, requirement: 'SKM-ROB-METH-001', raw: { method, path: path(mine, keyId ?? 'x') } });
  return inputs;
}

/** Sends the input; a 5xx or internal detail blames its own requirement before anything else is judged. */
function sender(c: Control, input: BadInput, credentials: CallOptions['credentials']): (skm: SkmClient) => Promise<Exchange> {
  return async (skm) => {
    const ex = input.raw ? await skm.send(input.raw.method, input.raw.path, { ...c.opts, body: undefined, credentials }) : await skm.call(c.operationId, { ...c.opts, ...input.opts });
    if (input.mayClose && noAnswer(ex)) return ex;
    await attribute('SKM-ROB-GEN-001', () => notAServerError(ex));
    await attribute('SKM-ROB-LEAK-001', () => noInternalDetail(ex));
    return ex;
  };
}

async function judge(c: Control, input: BadInput, e: Expectations, credentials: CallOptions['credentials']): Promise<void> {
  const strict = e.strict.has(input.requirement);
  const closed = input.mayClose && !strict ? { reason: 'the connection was closed', test: noAnswer } : undefined;
  const r: Refusal = { expectations: e, send: sender(c, input, credentials), alsoAccept: closed };
  await attribute(input.requirement, async () => {
    if (input.mayProcess && !strict) {
      await expectRefusedOrSucceeds(c, r, (ex) => {
        succeeds(ex, c.operationId);
        if (input.mayProcess === 'same') confirmControl(operationRecord(c.operationId).operation, ex);
      });
    } else await expectRefused(c, r);
  });
}

for (const op of operations.filter((o) => DATA_OPERATIONS.includes(o.operation))) {
  const bodyIds = op.hasRequestBody ? ['SKM-ROB-JSON-001', 'SKM-ROB-JSON-002', 'SKM-ROB-JSON-003', 'SKM-ROB-JSON-004', 'SKM-ROB-JSON-005', 'SKM-ROB-CT-001', 'SKM-ROB-SIZE-001'] : [];
  const pathIds = op.pathParams.includes('keyid') ? ['SKM-ROB-PATH-001'] : [];
  test(`${op.operationId} survives bad input`, details(requirement('SKM-ROB-GEN-001', 'SKM-ROB-GEN-002', 'SKM-ROB-LEAK-001', 'SKM-ROB-ALIVE-001', 'SKM-ROB-METH-001', 'SKM-ROB-PATH-002', ...bodyIds, ...pathIds), validCallsIn(op.version)), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const c = await controlFor(skm, op.operation, op.version, mainKeys(target));
    const credentials = op.version === 'v1.2' ? target.profile.credentials : undefined;
    const inputs = [...(op.hasRequestBody ? badBodies(c) : []), ...rawInputs(op, target.profile.appkey, c.opts.keyId)];
    for (const input of inputs) await judge(c, input, expectations, credentials);
    await attribute('SKM-ROB-ALIVE-001', async () => {
      const again = await validCall(skm, op.operation, op.version, mainKeys(target));
      const ex = await skm.call(op.operationId, again);
      succeeds(ex);
      confirmControl(op.operation, ex);
    });
  });
}
