// Schema-violating bodies generated from the spec for every operation that takes one; each input is
// re-checked against the generated request validator before use, so only really invalid input is
// held against the target. After the positive control: never a 5xx, always the error envelope, no
// internal detail; afterwards the operation still answers a known-good request. Runs:
// SKM_ROBUSTNESS_RUNS (per operation) or SKM_RUNS; the seed is in the test's annotations.
import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { test, requirement, needVersion } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { validCallsIn } from '../variants.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { requestSchemas } from '../../../../generated/skm/request-schemas.ts';
import * as validators from '../../../../generated/skm/validators.js';
import { checkedInvalidArbitrary } from '../../../../generators/arbitraries.ts';
import { propertyParameters } from '../../../../harness/property-settings.ts';
import { confirmControl, mainKeys, validCall, DATA_OPERATIONS } from '../../../../harness/valid-calls.ts';
import { controlFor, expectRefused, type Control } from '../../../../harness/refusal-check.ts';
import { notAServerError } from '../../../../harness/oracles/server-error.ts';
import { noInternalDetail } from '../../../../harness/oracles/leaks.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { attribute } from '../../../../harness/oracles/conformance-failure.ts';
import type { Expectations } from '../../../../harness/oracles/expectations.ts';
import type { Provisioner } from '../../../../harness/provisioner.ts';
import type { Exchange } from '../../../../harness/http/exchange.ts';
import type { CreatableKind } from '../../../../harness/provisioner.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;
const RUNS = Number(process.env.SKM_ROBUSTNESS_RUNS ?? 250);
const CREATED_KIND: Record<string, CreatableKind> = { createSecret: 'secret', createSymmetricKey: 'symmetric', createAsymmetricKey: 'asymmetric' };

/** A documented string field given as a number or boolean: a lenient service may coerce it (SKM-ROB-JSON-004). */
function coercibleScalar(violation: string): boolean {
  return / as (number|boolean|integer)$/.test(violation);
}

/** The requirement a generated body's violation tests (generators/arbitraries.ts names each kind). */
function violated(violation: string): string {
  if (violation === 'body is not an object') return 'SKM-ROB-JSON-002';
  if (violation.startsWith('without ')) return 'SKM-ROB-JSON-003';
  if (/ as \w+$/.test(violation)) return 'SKM-ROB-JSON-004';
  return 'SKM-ROB-GEN-002';
}

/** The control's request with a generated body: refused cleanly (a key made anyway still goes). */
async function judge(c: Control, input: { violation: string; value: unknown }, e: Expectations, provisioner?: Provisioner): Promise<void> {
  const body = input.value;
  const coerced = coercibleScalar(input.violation) && !e.strict.has('SKM-ROB-JSON-004');
  await expectRefused(c, {
    expectations: e,
    blame: [violated(input.violation)],
    alsoAccept: coerced ? { reason: 'a scalar coerced to a string', test: (ex) => isWellFormedSuccess(ex, c.operationId) } : undefined,
    send: async (skm) => {
      const ex = await skm.call(c.operationId, { ...c.opts, body });
      provisioner?.trackCreated(ex);
      await attribute('SKM-ROB-GEN-001', () => notAServerError(ex));
      await attribute('SKM-ROB-LEAK-001', () => noInternalDetail(ex));
      return ex;
    },
  });
}

function isWellFormedSuccess(ex: Exchange, operationId: string): boolean {
  return (ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true && byName[`${operationId}_response`](ex.response!.json);
}

const REQS = requirement('SKM-ROB-GEN-001', 'SKM-ROB-GEN-002', 'SKM-ROB-JSON-002', 'SKM-ROB-JSON-003', 'SKM-ROB-JSON-004', 'SKM-ROB-LEAK-001', 'SKM-ROB-ALIVE-001');

for (const op of operations.filter((o) => requestSchemas[o.operationId]?.body)) {
  const arbitrary = checkedInvalidArbitrary(requestSchemas[op.operationId].body as Record<string, unknown>, byName[`${op.operationId}_request`]);

  if (DATA_OPERATIONS.includes(op.operation)) {
    test(`${op.operationId} refuses generated invalid bodies cleanly`, details(REQS, validCallsIn(op.version)), async ({ skm, target, expectations }, testInfo) => {
      needVersion(target, op.version);
      const c = await controlFor(skm, op.operation, op.version, mainKeys(target));
      await fc.assert(fc.asyncProperty(arbitrary, (input) => judge(c, input, expectations)), propertyParameters(testInfo, RUNS));
      await attribute('SKM-ROB-ALIVE-001', async () => {
        const ex = await skm.call(op.operationId, await validCall(skm, op.operation, op.version, mainKeys(target)));
        succeeds(ex);
        confirmControl(op.operation, ex);
      });
    });
  } else {
    test(`${op.operationId} refuses generated invalid bodies cleanly`, details(REQS, validCallsIn(op.version)), async ({ expectations, provisioner }, testInfo) => {
      const kind = CREATED_KIND[op.operation];
      const c = await provisioner.createControl(kind);
      await fc.assert(fc.asyncProperty(arbitrary, (input) => judge(c, input, expectations, provisioner)), propertyParameters(testInfo, Math.ceil(RUNS / 3)));
      await attribute('SKM-ROB-ALIVE-001', async () => succeeds(await provisioner.create(kind)));
    });
  }
}
