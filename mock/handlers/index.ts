// One handler per logical operation (the spec's x-operation); the API version only changes what a handler reads
// from call.route.op.
import type { Handler } from './call.ts';
import { asymmetricSign, asymmetricVerify, getPrivateKey, getPublicKey } from './asymmetric.ts';
import { getClientInfo } from './client.ts';
import { createAsymmetricKey, createSecret, createSymmetricKey, deleteKeyImmediately, scheduleKeyDeletion } from './management.ts';
import { getSecret } from './secrets.ts';
import { createLocalKey, getSymmetricKey, symmetricDecrypt, symmetricEncrypt } from './symmetric.ts';

export const handlers: Readonly<Record<string, Handler>> = {
  getClientInfo,
  getSecret,
  symmetricEncrypt,
  symmetricDecrypt,
  createLocalKey,
  getSymmetricKey,
  asymmetricSign,
  asymmetricVerify,
  getPrivateKey,
  getPublicKey,
  createSecret,
  createSymmetricKey,
  createAsymmetricKey,
  scheduleKeyDeletion,
  deleteKeyImmediately,
};
