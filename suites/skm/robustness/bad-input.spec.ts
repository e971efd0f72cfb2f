// Bad input never breaks the service: each operation gets malformed, mistyped, missing, oversized
// and mislabelled bodies, odd key ids and undocumented methods. Never a 5xx, always the error
// envelope, no internals; afterwards the operation still answers a known-good request correctly.
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { DATA_OPERATIONS, mainKeys, validCall } from '../../../harness/valid-calls.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { noInternalDetail } from '../../../harness/oracles/leaks.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import type { CallOptions } from '../../../harness/http/skm-client.ts';

/** A bad body (opts over the known-good call) or a raw key id path segment. */
interface BadInput {
  label: string;
  opts?: CallOptions;
  rawKeyId?: string;
}

function badBodies(fields: string[]): BadInput[] {
  const first = fields[0];
  return [
    { label: 'malformed JSON', opts: { rawBody: '{"plaintext": "unterminated' } },
    { label: 'a JSON array', opts: { rawBody: '[1,2,3]' } },
    { label: 'JSON null', opts: { rawBody: 'null' } },
    { label: 'an empty body', opts: { rawBody: '' } },
    { label: 'no fields', opts: { body: {} } },
    ...['number', 'boolean', 'object', 'array', 'null'].map((t) => ({ label: `${first} as ${t}`, opts: { body: { [first]: { number: 7, boolean: true, object: { a: 1 }, array: ['x'], null: null }[t] } } })),
    { label: 'text/plain content type', opts: { body: { [first]: 'data' }, contentType: 'text/plain' } },
    { label: 'no content type', opts: { body: { [first]: 'data' }, contentType: null } },
    { label: 'a 1 MiB field', opts: { body: { [first]: 'x'.repeat(1024 * 1024) } } },
    { label: 'a 16 MiB body', opts: { rawBody: JSON.stringify({ [first]: 'x'.repeat(16 * 1024 * 1024) }) } },
    { label: 'deep nesting', opts: { rawBody: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` } },
  ];
}

const ODD_KEY_IDS = ['', '%2F..%2F..%2Fconfirm', '..', 'a'.repeat(2000), '%00', '%E2%98%83', 'key%20id', '%25', 'ABCDEF0123456789ABCDEF0123456789'];
const ODD_APPKEYS = ['', '%2F..%2Fx', 'k'.repeat(2000), '%E2%98%83'];

for (const op of operations.filter((o) => DATA_OPERATIONS.includes(o.operation))) {
  const bodyIds = op.hasRequestBody ? ['SKM-ROB-JSON-001', 'SKM-ROB-JSON-005', 'SKM-ROB-CT-001', 'SKM-ROB-SIZE-001'] : [];
  const pathIds = op.pathParams.includes('keyid') ? ['SKM-ROB-PATH-001'] : [];
  test(`${op.operationId} survives bad input`, requirement('SKM-ROB-GEN-001', 'SKM-ROB-GEN-002', 'SKM-ROB-LEAK-001', 'SKM-ROB-ALIVE-001', 'SKM-ROB-METH-001', 'SKM-ROB-PATH-002', ...bodyIds, ...pathIds), async ({ skm, target, expectations }) => {
    needVersion(target, op.version);
    const good = needFixture(await validCall(skm, op.operation, op.version, mainKeys(target)), `keys for ${op.operation}`);
    const fields = op.hasRequestBody ? Object.keys((good.body ?? {}) as object) : [];
    const inputs: BadInput[] = op.hasRequestBody ? badBodies(fields) : [];
    if (op.pathParams.includes('keyid')) {
      for (const id of ODD_KEY_IDS) inputs.push({ label: `key id ${JSON.stringify(id.slice(0, 20))}`, rawKeyId: id });
    }
    for (const input of inputs) {
      const ex = input.rawKeyId === undefined
        ? await skm.call(op.operationId, { ...good, body: undefined, ...input.opts })
        : await skm.send(op.method, op.path.replace('{appkey}', encodeURIComponent(target.profile.appkey)).replace('{keyid}', input.rawKeyId), { ...good, credentials: op.version === 'v1.2' ? target.profile.credentials : undefined });
      notAServerError(ex);
      noInternalDetail(ex);
      refused(ex, expectations);
    }
    for (const appkey of ODD_APPKEYS) {
      const path = op.path.replace('{appkey}', appkey).replace('{keyid}', good.keyId ?? 'x');
      const ex = await skm.send(op.method, path, { ...good, credentials: op.version === 'v1.2' ? target.profile.credentials : undefined });
      notAServerError(ex);
      noInternalDetail(ex);
      refused(ex, expectations);
    }
    for (const method of ['PATCH', op.method === 'GET' ? 'DELETE' : 'GET']) {
      const path = op.path.replace('{appkey}', encodeURIComponent(target.profile.appkey)).replace('{keyid}', good.keyId ?? 'x');
      const ex = await skm.send(method, path, { credentials: op.version === 'v1.2' ? target.profile.credentials : undefined });
      notAServerError(ex);
      noInternalDetail(ex);
      refused(ex, expectations);
    }
    succeeds(await skm.call(op.operationId, (await validCall(skm, op.operation, op.version, mainKeys(target)))!));
  });
}
