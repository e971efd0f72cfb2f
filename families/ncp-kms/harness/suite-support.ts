// What several suites need: the key a role names (or "not covered"), the variants to run, preparation
// steps (a ciphertext, a signature) whose failure leaves a test not covered, and the envelope checks of a
// served call.
import { test } from '@playwright/test';
import type { Exchange } from '../../../harness/http/exchange.ts';
import { attribute, ensure, precondition } from '../../../harness/oracles/conformance-failure.ts';
import { answered } from '../../../harness/oracles/server-error.ts';
import { needFixture } from '../../../harness/not-covered.ts';
import type { SignatureVersion } from '../auth/signer.ts';
import { bodyOf, gatewayError, KMS_ERROR_MESSAGES, kmsErrorCode, shownBody, type Json } from './answers.ts';
import type { Expectations } from './expectations.ts';
import type { KmsCall, KmsClient } from './kms-client.ts';
import { field, succeeds } from './oracles.ts';
import type { KeyRole, NcpTarget } from './target.ts';

export const VARIANTS: readonly SignatureVersion[] = ['v2', 'v1'];

/** The requirement that every action is served under a variant. */
export const SERVED_UNDER: Readonly<Record<SignatureVersion, string>> = { v2: 'NCP-GW-V2-001', v1: 'NCP-V1-GEN-001' };

/** Skips, as not covered, a test of a variant the target does not declare (or v1 without its API key). */
export function needVariant(target: NcpTarget, version: SignatureVersion): void {
  test.skip(!target.profile.signatureVersions.includes(version), `not covered: the target does not declare signature ${version}`);
  if (version === 'v1') needFixture(target.profile.credentials.apiKey, 'credentials.apiKey (signature v1)');
}

export function keyTag(target: NcpTarget, role: KeyRole): string {
  return needFixture(target.profile.keys[role], `keys.${role}`).keyTag;
}

/** A step the test needs but does not judge: its failure leaves the test not covered. */
export function prepare(kms: KmsClient, call: KmsCall, name: string): Promise<string> {
  return precondition(async () => {
    const ex = await kms.send(call);
    return field(ex, succeeds(ex, `preparing ${call.action}`), name);
  });
}

/** The call was served: no refusal by the gateway or by KMS (whatever its envelope looks like). */
export function served(ex: Exchange): void {
  answered(ex);
  const status = ex.response!.status;
  const code = kmsErrorCode(ex);
  const refusedBy = status >= 400 || gatewayError(ex) ? `HTTP ${status}` : code && Object.hasOwn(KMS_ERROR_MESSAGES, code) ? `code ${code}` : undefined;
  ensure(!refusedBy, { oracle: 'served', title: 'Documented request not served', expected: 'the action served', received: `${refusedBy}: ${shownBody(ex)}`, exchange: ex });
}

export const ENVELOPE_REQUIREMENTS = ['NCP-ENV-SUC-001', 'NCP-ENV-SUC-002', 'NCP-ENV-SUC-003', 'NCP-ENV-CT-001'];

/** The success envelope (NCP-ENV-SUC-001) and what the documents only show by example (SUC-002, SUC-003, CT-001). */
export async function successEnvelope(ex: Exchange, e: Expectations): Promise<Json> {
  const data = await attribute('NCP-ENV-SUC-001', () => {
    const body = bodyOf(ex);
    const code = body?.code;
    const ok = typeof code === 'string' && (e.strict('NCP-ENV-SUC-001') ? code === 'SUCCESS' : code.toUpperCase() === 'SUCCESS');
    const data = body?.data;
    ensure(ok && typeof data === 'object' && data !== null && !Array.isArray(data), {
      oracle: 'successEnvelope', title: 'Success without the documented envelope', expected: '{"code": "SUCCESS", "msg": ..., "data": {...}}', received: shownBody(ex), exchange: ex,
    });
    return data as Json;
  });
  const { status, headers } = ex.response!;
  const msg = bodyOf(ex)?.msg;
  e.pinned('NCP-ENV-SUC-002', msg === '', { oracle: 'successEnvelope', title: 'Success msg other than ""', expected: 'msg ""', received: JSON.stringify(msg), exchange: ex });
  e.pinned('NCP-ENV-SUC-003', status === 200, { oracle: 'successEnvelope', title: 'Success other than HTTP 200', expected: 'HTTP 200', received: `HTTP ${status}`, exchange: ex });
  const type = headers['content-type'] ?? '';
  e.pinned('NCP-ENV-CT-001', /^application\/json\s*(;|$)/i.test(type), { oracle: 'successEnvelope', title: 'Success not sent as JSON', expected: 'Content-Type application/json', received: type || '(none)', exchange: ex });
  return data;
}

/** A value that must carry the KMS prefix. */
export function prefixed(ex: Exchange, value: string, what: string): void {
  ensure(/^ncpkms:v\d+:./.test(value), { oracle: 'prefixed', title: `${what} without the KMS prefix`, expected: 'ncpkms:v{version}:...', received: value.slice(0, 40), exchange: ex });
}
