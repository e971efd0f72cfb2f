// The documented request of each action (the positive controls), with what it needs prepared first: a
// ciphertext for decrypt and reencrypt, a signature for verify. Preparation that fails leaves the test
// not covered; it is never judged here.
import { randomBytes } from 'node:crypto';
import type { SignatureVersion } from '../auth/signer.ts';
import { b64 } from './answers.ts';
import type { Action, KmsCall, KmsClient } from './kms-client.ts';
import { keyTag, prepare } from './suite-support.ts';
import type { NcpTarget } from './target.ts';

export type LogicalAction = Exclude<Action, 're-encrypt'>;
export const ACTIONS: readonly LogicalAction[] = ['encrypt', 'decrypt', 'createCustomKey', 'reencrypt', 'sign', 'verify'];

/** The key each action is tried on: an AES256 key encrypts, an ECDSA key signs. */
export const KEY_FOR: Readonly<Record<LogicalAction, 'aes256' | 'ecdsa'>> = {
  encrypt: 'aes256', decrypt: 'aes256', createCustomKey: 'aes256', reencrypt: 'aes256', sign: 'ecdsa', verify: 'ecdsa',
};

export const randomText = (bytes: number): string => b64(randomBytes(bytes));

/** The documented request of `action` under `version`, on the action's key, after its preparation. */
export async function validCall(kms: KmsClient, target: NcpTarget, action: LogicalAction, version: SignatureVersion, plaintext = randomText(24)): Promise<KmsCall> {
  const tag = keyTag(target, KEY_FOR[action]);
  const base = { keyTag: tag, version };
  switch (action) {
    case 'encrypt':
      return { ...base, action, body: { plaintext } };
    case 'createCustomKey':
      return { ...base, action, body: { bits: 256 } };
    case 'sign':
      return { ...base, action, body: { data: plaintext } };
    case 'decrypt':
    case 'reencrypt': {
      const ciphertext = await prepare(kms, { ...base, action: 'encrypt', body: { plaintext } }, 'ciphertext');
      return { ...base, action, body: { ciphertext } };
    }
    case 'verify': {
      const signature = await prepare(kms, { ...base, action: 'sign', body: { data: plaintext } }, 'signature');
      return { ...base, action, body: { data: plaintext, signature } };
    }
  }
}
