// Schema-violating bodies generated from the spec for every operation that takes one; each input is
// re-checked against the generated request validator before use, so only really invalid input is
// held against the target. Oracles: never a 5xx, always the error envelope, no internal detail;
// afterwards the operation still answers a known-good request. Runs: SKM_ROBUSTNESS_RUNS (per
// operation) or SKM_RUNS; the seed is in the test's annotations.
import fc from 'fast-check';
import type { ValidateFunction } from 'ajv';
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { requestSchemas } from '../../../generated/skm/request-schemas.ts';
import * as validators from '../../../generated/skm/validators.js';
import { checkedInvalidArbitrary } from '../../../generators/arbitraries.ts';
import { propertyParameters } from '../../../harness/property-settings.ts';
import { mainKeys, validCall, DATA_OPERATIONS } from '../../../harness/valid-calls.ts';
import { notAServerError } from '../../../harness/oracles/server-error.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { noInternalDetail } from '../../../harness/oracles/leaks.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import type { Exchange } from '../../../harness/http/exchange.ts';
import type { Provisioner } from '../../../harness/provisioner.ts';

const byName = validators as unknown as Record<string, ValidateFunction>;
const RUNS = Number(process.env.SKM_ROBUSTNESS_RUNS ?? 250);

function judge(ex: Exchange, expectations: Parameters<typeof refused>[1], provisioner?: Provisioner): void {
  const keyId = (ex.body as { keyId?: unknown } | undefined)?.keyId;
  if (provisioner && typeof keyId === 'string') provisioner.track(keyId);
  notAServerError(ex);
  noInternalDetail(ex);
  refused(ex, expectations);
}

const REQS = requirement('SKM-ROB-GEN-001', 'SKM-ROB-GEN-002', 'SKM-ROB-JSON-002', 'SKM-ROB-JSON-003', 'SKM-ROB-JSON-004', 'SKM-ROB-LEAK-001', 'SKM-ROB-ALIVE-001');

for (const op of operations.filter((o) => requestSchemas[o.operationId]?.body)) {
  const arbitrary = checkedInvalidArbitrary(requestSchemas[op.operationId].body as Record<string, unknown>, byName[`${op.operationId}_request`]);

  if (DATA_OPERATIONS.includes(op.operation)) {
    test(`${op.operationId} refuses generated invalid bodies cleanly`, REQS, async ({ skm, target, expectations }, testInfo) => {
      needVersion(target, op.version);
      const good = needFixture(await validCall(skm, op.operation, op.version, mainKeys(target)), `keys for ${op.operation}`);
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          judge(await skm.call(op.operationId, { ...good, body: input.value }), expectations);
        }),
        propertyParameters(testInfo, RUNS),
      );
      succeeds(await skm.call(op.operationId, (await validCall(skm, op.operation, op.version, mainKeys(target)))!));
    });
  } else {
    test(`${op.operationId} refuses generated invalid bodies cleanly`, REQS, async ({ skm, target, expectations, provisioner }, testInfo) => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          judge(await skm.call(op.operationId, { body: input.value }), expectations, provisioner);
        }),
        propertyParameters(testInfo, Math.ceil(RUNS / 3)),
      );
      const store = target.profile.provisioning?.keyStoreName ?? 'Store #1';
      succeeds(await provisioner.create(op.operation === 'createSecret' ? 'secret' : op.operation === 'createSymmetricKey' ? 'symmetric' : 'asymmetric', { keyStoreName: store }));
    });
  }
}
