// v1.2: X-TC-AUTHENTICATION-ID and X-TC-AUTHENTICATION-SECRET on every call, each removed or
// altered in turn, with the positive control. Key create/delete run on keys the harness made,
// so an unchecked credential shows as a success, not as some other error.
// Source: skm-api-v1.2.ja.md#基本情報
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture } from '../../../harness/test.ts';
import type { Provisioner } from '../../../harness/provisioner.ts';
import type { Expectations } from '../../../harness/oracles/expectations.ts';
import { operations } from '../../../generated/skm/operations.ts';
import { mainKeys, validCall, DATA_OPERATIONS } from '../../../harness/valid-calls.ts';
import { refused } from '../../../harness/oracles/refusal.ts';
import { succeeds } from '../../../harness/oracles/success.ts';
import { leaksNothing } from '../../../harness/oracles/leaks.ts';
import type { CallOptions, Credentials, SkmClient } from '../../../harness/http/skm-client.ts';
import type { LoadedTarget } from '../../../harness/profile/load-target.ts';

const v12 = operations.filter((o) => o.version === 'v1.2');

type Breaking = { label: string; ids: string[]; credentials: (c: Credentials) => CallOptions };
const BREAKINGS: Breaking[] = [
  { label: 'without both headers', ids: ['SKM-MGT-AUTH-001'], credentials: () => ({ credentials: null }) },
  { label: 'without the secret header', ids: ['SKM-MGT-AUTH-002'], credentials: (c) => ({ omitHeaders: ['x-tc-authentication-secret'], credentials: c }) },
  { label: 'without the id header', ids: ['SKM-MGT-AUTH-003'], credentials: (c) => ({ omitHeaders: ['x-tc-authentication-id'], credentials: c }) },
  { label: 'with a wrong secret', ids: ['SKM-SEC-CRED-001', 'SKM-SEC-ECHO-002'], credentials: (c) => ({ credentials: { ...c, secretAccessKey: `${c.secretAccessKey.slice(0, -2)}zz` } }) },
  { label: 'with an unknown id', ids: ['SKM-SEC-CRED-002'], credentials: (c) => ({ credentials: { ...c, accessKeyId: randomBytes(10).toString('hex') } }) },
];

/** A valid request for a v1.2 management operation, on a key the harness made for it. */
async function prepareManagement(op: string, skm: SkmClient, target: LoadedTarget, provisioner: Provisioner): Promise<CallOptions> {
  const store = target.profile.provisioning?.keyStoreName ?? 'Store #1';
  if (op === 'createSecret') return { body: { keyStoreName: store, name: 'skm-conformance credential check', description: 'x', secretValue: 'value' } };
  if (op === 'createSymmetricKey' || op === 'createAsymmetricKey') return { body: { keyStoreName: store, name: 'skm-conformance credential check', description: 'x', autoRotationPeriod: 0 } };
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  if (op === 'deleteKeyImmediately') succeeds(await skm.call('scheduleKeyDeletion_v1_2', { keyId }));
  return { keyId };
}

async function refusedThenControl(skm: SkmClient, op: string, opts: CallOptions, broken: CallOptions, creds: Credentials, expectations: Expectations, provisioner?: Provisioner): Promise<void> {
  const ex = await skm.call(op, { ...opts, ...broken });
  // A create that went through despite the broken credential made a key: it must still go.
  const madeKey = (ex.body as { keyId?: unknown } | undefined)?.keyId;
  if (provisioner && op.startsWith('create') && typeof madeKey === 'string') provisioner.track(madeKey);
  refused(ex, expectations);
  leaksNothing(ex, { 'secret access key': creds.secretAccessKey, 'sent secret': broken.credentials?.secretAccessKey });
  const body = succeeds<{ keyId?: string }>(await skm.call(op, opts));
  if (provisioner && op.startsWith('create') && body.keyId) provisioner.track(body.keyId);
  if (provisioner && op.startsWith('deleteKeyImmediately') && body.keyId) provisioner.forget(body.keyId);
}

for (const op of v12) {
  const management = !DATA_OPERATIONS.includes(op.operation);
  for (const b of BREAKINGS) {
    const title = `${op.operationId} ${b.label} is refused`;
    const ids = requirement(...b.ids, 'SKM-ERR-GEN-001');
    if (management) {
      test(title, ids, async ({ skm, target, expectations, provisioner }) => {
        const creds = needFixture(target.profile.credentials, 'credentials');
        const opts = await prepareManagement(op.operation, skm, target, provisioner);
        await refusedThenControl(skm, op.operationId, opts, b.credentials(creds), creds, expectations, provisioner);
      });
    } else {
      test(title, ids, async ({ skm, target, expectations }) => {
        needVersion(target, 'v1.2');
        const creds = needFixture(target.profile.credentials, 'credentials');
        const opts = needFixture(await validCall(skm, op.operation, 'v1.2', mainKeys(target)), `keys for ${op.operation}`);
        await refusedThenControl(skm, op.operationId, opts, b.credentials(creds), creds, expectations);
      });
    }
  }
}
