// Reading the two answer shapes of NAVER Cloud KMS (spec/openapi.yaml): the KMS envelope {code, msg, data}
// and the API Gateway's {"error": {errorCode, message, details}}. Pure readers: judging is the oracles'.
import type { Exchange } from '../../../harness/http/exchange.ts';
import { readSpec } from '../spec/catalogue.ts';

export type Json = Record<string, unknown>;

const spec = readSpec();

/** The seven documented KMS codes and their messages (the spec's x-ncp-error-codes). */
export const KMS_ERROR_MESSAGES: Readonly<Record<string, string>> = Object.fromEntries(
  (spec['x-ncp-error-codes'] as { code: string; message: string }[]).map((e) => [e.code, e.message]),
);

/** The gateway's error table (the spec's x-ncp-gateway-errors). */
export const GATEWAY_ERRORS = spec['x-ncp-gateway-errors'] as readonly { status: number; errorCode: string; message: string }[];

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function bodyOf(ex: Exchange): Json | undefined {
  const json = ex.response?.json;
  return isObject(json) ? json : undefined;
}

/** The data of a success under the lenient reading (2xx, code SUCCESS in any letter case, data an object). */
export function successData(ex: Exchange): Json | undefined {
  const status = ex.response?.status ?? 0;
  const body = bodyOf(ex);
  const ok = status >= 200 && status < 300 && typeof body?.code === 'string' && body.code.toUpperCase() === 'SUCCESS';
  return ok && isObject(body.data) ? body.data : undefined;
}

/** The gateway's error object, when the answer is one. */
export function gatewayError(ex: Exchange): Json | undefined {
  const error = bodyOf(ex)?.error;
  return isObject(error) ? error : undefined;
}

/** The KMS error code, when the answer is a KMS envelope that is not a success. */
export function kmsErrorCode(ex: Exchange): string | undefined {
  const code = bodyOf(ex)?.code;
  return typeof code === 'string' && code.toUpperCase() !== 'SUCCESS' ? code : undefined;
}

export const PREFIX = /^ncpkms:v(\d+):/;

/** The key version a KMS prefix names, or undefined. */
export function prefixVersion(value: unknown): number | undefined {
  const match = typeof value === 'string' ? PREFIX.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

export const b64 = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64');

/** The answer's body as evidence may show it: masked, and cut to `length` characters. */
export function shownBody(ex: Exchange, length = 200): string {
  const m = ex.masked();
  return m.response ? m.response.text.slice(0, length) : `no answer: ${m.error}`;
}
