// A known-good request for any operation, against any set of keys: the positive control of every
// negative check, and the "still answers" probe of the robustness suites. A call needing material
// (decrypt, verify) makes it first with the same authentication.
import type { CallOptions, SkmClient } from './http/skm-client.ts';
import { operationId } from './http/skm-client.ts';
import type { LoadedTarget } from './profile/load-target.ts';

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

export function mainKeys(target: LoadedTarget): KeyIds {
  const k = target.profile.keys;
  return { secret: k.secret?.id, symmetric: k.symmetric?.id, asymmetric: k.asymmetric?.id };
}

export const CONTROL_PLAINTEXT = 'skm-conformance control';

/** Options for a request that a conformant target answers with success, or undefined when the
 *  key set lacks the key the operation needs. `auth` is applied to the preparing call too. */
export async function validCall(skm: SkmClient, operation: string, version: string, keys: KeyIds, auth: CallOptions = {}): Promise<CallOptions | undefined> {
  const kind = KEY_KIND[operation];
  const keyId = kind ? keys[kind] : undefined;
  if (kind && !keyId) return undefined;
  const base: CallOptions = { ...auth, keyId };
  switch (operation) {
    case 'symmetricEncrypt':
      return { ...base, body: { plaintext: CONTROL_PLAINTEXT } };
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
    case 'getSymmetricKey':
      return version === 'v1.1' ? { ...base, query: { keyVersion: await newestVersion(skm, base) } } : base;
    default:
      return base;
  }
}

async function newestVersion(skm: SkmClient, base: CallOptions): Promise<number> {
  // v1.1 has only the key query: encrypt through another declared version to learn the newest.
  const via = skm.target.profile.apiVersions.includes('v1.0') ? 'v1.0' : 'v1.2';
  const enc = await skm.call(operationId('symmetricEncrypt', via), { ...base, body: { plaintext: CONTROL_PLAINTEXT } });
  return (enc.body as { keyVersion?: number } | undefined)?.keyVersion ?? 0;
}
