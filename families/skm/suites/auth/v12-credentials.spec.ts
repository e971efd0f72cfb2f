// v1.2: X-TC-AUTHENTICATION-ID and X-TC-AUTHENTICATION-SECRET on every call, each removed or
// altered in turn, after the positive control. Key create/delete run on keys the harness made,
// so an unchecked credential shows as a success, not as some other error.
// Source: skm-api-v1.2.ja.md#基本情報
import { randomBytes } from 'node:crypto';
import { test, requirement, needVersion, needFixture } from '../../../../harness/test.ts';
import { details } from '../../../../harness/test-details.ts';
import { variant } from '../../../../harness/variants.ts';
import type { Provisioner } from '../../../../harness/provisioner.ts';
import { operations } from '../../../../generated/skm/operations.ts';
import { mainKeys, DATA_OPERATIONS } from '../../../../harness/valid-calls.ts';
import { control, controlFor, expectRefused, type Control } from '../../../../harness/refusal-check.ts';
import { succeeds } from '../../../../harness/oracles/success.ts';
import { precondition } from '../../../../harness/oracles/conformance-failure.ts';
import type { CallOptions, Credentials, SkmClient } from '../../../../harness/http/skm-client.ts';
import type { LoadedTarget } from '../../../../harness/profile/load-target.ts';

const v12 = operations.filter((o) => o.version === 'v1.2');

/** A breaking of the credentials: the requirement a wrong refusal blames, and the one a leak of the
 *  secret blames where the catalogue has one. */
type Breaking = { label: string; id: string; leakId?: string; credentials: (c: Credentials) => CallOptions };
const BREAKINGS: Breaking[] = [
  { label: 'without both headers', id: 'SKM-MGT-AUTH-001', credentials: () => ({ credentials: null }) },
  { label: 'without the secret header', id: 'SKM-MGT-AUTH-002', credentials: (c) => ({ omitHeaders: ['x-tc-authentication-secret'], credentials: c }) },
  { label: 'without the id header', id: 'SKM-MGT-AUTH-003', credentials: (c) => ({ omitHeaders: ['x-tc-authentication-id'], credentials: c }) },
  { label: 'with a wrong secret', id: 'SKM-SEC-CRED-001', leakId: 'SKM-SEC-ECHO-002', credentials: (c) => ({ credentials: { ...c, secretAccessKey: `${c.secretAccessKey.slice(0, -2)}zz` } }) },
  { label: 'with an unknown id', id: 'SKM-SEC-CRED-002', credentials: (c) => ({ credentials: { ...c, accessKeyId: randomBytes(10).toString('hex') } }) },
];

/** A valid request for a v1.2 management operation, on a fresh key the harness made for it. */
async function managementCall(op: string, skm: SkmClient, target: LoadedTarget, provisioner: Provisioner): Promise<CallOptions> {
  const store = target.profile.provisioning?.keyStoreName ?? 'Store #1';
  if (op === 'createSecret') return { body: { keyStoreName: store, name: 'kms-conformance credential check', description: 'x', secretValue: 'value' } };
  if (op === 'createSymmetricKey' || op === 'createAsymmetricKey') return { body: { keyStoreName: store, name: 'kms-conformance credential check', description: 'x', autoRotationPeriod: 0 } };
  const keyId = succeeds<{ keyId: string }>(await provisioner.create('secret')).keyId;
  if (op === 'deleteKeyImmediately') succeeds(await skm.call('scheduleKeyDeletion_v1_2', { keyId }));
  return { keyId };
}

/** Keys the calls made or removed are the provisioner's to clean up, or no longer. */
function trackKeys(provisioner: Provisioner, operationId: string, body: unknown): void {
  const keyId = (body as { keyId?: unknown } | undefined)?.keyId;
  if (typeof keyId !== 'string') return;
  if (operationId.startsWith('create')) provisioner.track(keyId);
  if (operationId.startsWith('deleteKeyImmediately')) provisioner.forget(keyId);
}

for (const op of v12) {
  const management = !DATA_OPERATIONS.includes(op.operation);
  for (const b of BREAKINGS) {
    const title = `${op.operationId} ${b.label} is refused`;
    const ids = details(requirement(b.id, ...(b.leakId ? [b.leakId] : []), 'SKM-ERR-GEN-001'), variant('v1.2'));
    const blames = { blame: [b.id, 'SKM-ERR-GEN-001'], leakBlame: b.leakId ?? b.id };
    if (management) {
      test(title, ids, async ({ skm, target, expectations, provisioner }) => {
        const creds = needFixture(target.profile.credentials, 'credentials');
        const c: Control = await control(skm, op.operationId, await precondition(() => managementCall(op.operation, skm, target, provisioner)));
        trackKeys(provisioner, op.operationId, c.body);
        // The broken call gets a key of its own, so the control's success cannot have used it up.
        const fresh = await precondition(() => managementCall(op.operation, skm, target, provisioner));
        const broken = { ...fresh, ...b.credentials(creds) };
        // A create that goes through despite the broken credential makes a key: it must still go.
        const send = async (client: SkmClient) => {
          const ex = await client.call(op.operationId, broken);
          trackKeys(provisioner, op.operationId, ex.body);
          return ex;
        };
        await expectRefused(c, { expectations, send, ...blames, protect: { 'secret access key': creds.secretAccessKey, 'sent secret': broken.credentials?.secretAccessKey } });
      });
    } else {
      test(title, ids, async ({ skm, target, expectations }) => {
        needVersion(target, 'v1.2');
        const creds = needFixture(target.profile.credentials, 'credentials');
        const c = await controlFor(skm, op.operation, 'v1.2', mainKeys(target));
        const broken = b.credentials(creds);
        await expectRefused(c, { expectations, breaking: broken, ...blames, protect: { 'secret access key': creds.secretAccessKey, 'sent secret': broken.credentials?.secretAccessKey } });
      });
    }
  }
}
