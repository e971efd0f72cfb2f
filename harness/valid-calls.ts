// A known-good request for any operation, against any set of keys: the positive control of every
// refusal, and the "still answers" probe of the robustness suites. It is the documented call, with
// every parameter the spec lists for the operation (the documents show `?keyVersion=` in every key
// query's URL and never say it may be left out). A call needing material (decrypt, verify) or a
// version (key queries) learns it first with the same authentication.
import type { CallOptions, SkmClient } from './http/skm-client.ts';
import { operationId, operationRecord } from './http/skm-client.ts';
import type { LoadedTarget } from './profile/load-target.ts';
import { ensure } from './oracles/conformance-failure.ts';
import { succeeds } from './oracles/success.ts';
import type { Exchange } from './http/exchange.ts';
import { operations } from '../generated/skm/operations.ts';

export type KeyKind = 'secret' | 'symmetric' | 'asymmetric';

export interface KeyIds {
  secret?: string;
  symmetric?: string;
  asymmetric?: string;
}

/** Which kind of key each data operation works on. */
export const KEY_KIND: Record<string, KeyKind | undefined> = {
  getClientInfo: undefined,
  getSecret: 'secret',
  symmetricEncrypt: 'symmetric',
  symmetricDecrypt: 'symmetric',
  createLocalKey: 'symmetric',
  getSymmetricKey: 'symmetric',
  asymmetricSign: 'asymmetric',
  asymmetricVerify: 'asymmetric',
  getPrivateKey: 'asymmetric',
  getPublicKey: 'asymmetric',
};

export const DATA_OPERATIONS = Object.keys(KEY_KIND);
export const KEYED_OPERATIONS = DATA_OPERATIONS.filter((op) => KEY_KIND[op] !== undefined);

/** The operation that reports the newest version of a key of each kind (the documents: encryption
 *  and signing use the newest version). */
const NEWEST_VERSION_FROM: Partial<Record<KeyKind, string>> = { symmetric: 'symmetricEncrypt', asymmetric: 'asymmetricSign' };

export function mainKeys(target: LoadedTarget): KeyIds {
  const k = target.profile.keys;
  return { secret: k.secret?.id, symmetric: k.symmetric?.id, asymmetric: k.asymmetric?.id };
}

export const CONTROL_PLAINTEXT = 'kms-conformance control';

/** Options for a request that a conformant target answers with success, or undefined when the
 *  key set lacks the key the operation needs. `auth` is applied to the preparing calls too. */
export async function validCall(skm: SkmClient, operation: string, version: string, keys: KeyIds, auth: CallOptions = {}): Promise<CallOptions | undefined> {
  const kind = KEY_KIND[operation];
  const keyId = kind ? keys[kind] : undefined;
  if (kind && !keyId) return undefined;
  const base: CallOptions = { ...auth, keyId };
  const documented = operationRecord(operationId(operation, version)).queryParams.map((p) => p.name);
  if (documented.includes('keyVersion')) base.query = { ...base.query, keyVersion: await newestVersion(skm, kind!, version, base) };
  switch (operation) {
    case 'symmetricEncrypt':
    case 'asymmetricSign':
      return { ...base, body: { plaintext: CONTROL_PLAINTEXT } };
    case 'symmetricDecrypt': {
      const enc = await skm.call(operationId('symmetricEncrypt', version), { ...base, body: { plaintext: CONTROL_PLAINTEXT } });
      return { ...base, body: { ciphertext: (enc.body as { ciphertext?: string } | undefined)?.ciphertext ?? '' } };
    }
    case 'asymmetricVerify': {
      const sig = await skm.call(operationId('asymmetricSign', version), { ...base, body: { plaintext: CONTROL_PLAINTEXT } });
      return { ...base, body: { plaintext: CONTROL_PLAINTEXT, signature: (sig.body as { signature?: string } | undefined)?.signature ?? '' } };
    }
    default:
      return base;
  }
}

/** What a successful control must also show to count: a decrypt that returns the control text, a
 *  verify that accepts the genuine signature. Success alone would let an operation that answers
 *  "false" to everything pass every check that it never says "true". */
export function confirmControl(operation: string, ex: Exchange): void {
  const body = (ex.body ?? {}) as { plaintext?: unknown; result?: unknown };
  if (operation === 'symmetricDecrypt') {
    ensure(body.plaintext === CONTROL_PLAINTEXT, { oracle: 'control', title: 'Decrypt of a fresh ciphertext did not return its text', expected: JSON.stringify(CONTROL_PLAINTEXT), received: JSON.stringify(body.plaintext), exchange: ex });
  }
  if (operation === 'asymmetricVerify') {
    ensure(body.result === true, { oracle: 'control', title: 'Verify of a genuine signature did not answer true', expected: 'result true', received: `result ${JSON.stringify(body.result)}`, exchange: ex });
  }
}

async function newestVersion(skm: SkmClient, kind: KeyKind, version: string, base: CallOptions): Promise<number> {
  const from = NEWEST_VERSION_FROM[kind]!;
  // v1.1 has only the key query: learn the version through another declared API version.
  const declared = skm.target.profile.apiVersions as readonly string[];
  const via = [version, 'v1.2', 'v1.0'].find((v) => declared.includes(v) && hasOperation(from, v)) ?? version;
  const ex = await skm.call(operationId(from, via), { ...base, query: undefined, body: { plaintext: CONTROL_PLAINTEXT } });
  // A success that misses its documented shape blames the answer's own requirement, not this test's.
  if ((ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true) succeeds(ex);
  const newest = (ex.body as { keyVersion?: unknown } | undefined)?.keyVersion;
  // Without it there is no documented call to make: the caller's precondition fails, never a guess.
  ensure(typeof newest === 'number', { oracle: 'control', title: `The newest key version could not be learned from ${from}`, expected: 'a success with keyVersion', received: ex.resultMessage ?? ex.error ?? `HTTP ${ex.response?.status}`, exchange: ex });
  return newest;
}

function hasOperation(operation: string, version: string): boolean {
  return operations.some((o) => o.operation === operation && o.version === version);
}
