// The NAVER Cloud API Gateway request signature, versions 1 and 2 (spec/openapi.yaml, securitySchemes):
// Base64(HMAC-SHA256(secret key as UTF-8, string to sign)), where the string to sign is
//   METHOD + " " + pathWithQuery + "\n" + timestamp + "\n" + accessKey                       (v2)
// and, for v1, the same with the API Gateway API key on its own line before the access key, or without
// it: public samples disagree (FACTS.md: inferred), so it is an option. The default, with the API key,
// follows the older gateway samples that introduced the v1 API key; a target profile pins the other.
import { createHmac } from 'node:crypto';

export const GATEWAY_HEADERS = {
  timestamp: 'x-ncp-apigw-timestamp',
  accessKey: 'x-ncp-iam-access-key',
  apiKey: 'x-ncp-apigw-api-key',
  signatureV1: 'x-ncp-apigw-signature-v1',
  signatureV2: 'x-ncp-apigw-signature-v2',
} as const;

export type SignatureVersion = 'v1' | 'v2';
export const SIGNATURE_VERSIONS: readonly SignatureVersion[] = ['v1', 'v2'];

export type V1StringToSign = 'with-api-key' | 'without-api-key';
export const DEFAULT_V1_STRING_TO_SIGN: V1StringToSign = 'with-api-key';

/** A timestamp 5 minutes or more away from the gateway's clock, either way, is invalid (FACTS.md). */
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

export interface GatewayCredentials {
  accessKey: string;
  secretKey: string;
  /** the API Gateway API key: signature v1 only */
  apiKey?: string;
}

export interface SigningInput {
  version: SignatureVersion;
  method: string;
  /** the request target as sent: path and query string, no scheme or host */
  pathWithQuery: string;
  /** milliseconds since the epoch, as decimal digits; a string, so a breaking can send what is not */
  timestamp: string;
  credentials: GatewayCredentials;
  v1StringToSign?: V1StringToSign;
}

export type SignedHeaders = Record<string, string>;

export class SigningError extends Error {}

export function stringToSign(input: SigningInput): string {
  const lines = [`${input.method.toUpperCase()} ${input.pathWithQuery}`, input.timestamp];
  if (input.version === 'v1' && (input.v1StringToSign ?? DEFAULT_V1_STRING_TO_SIGN) === 'with-api-key') {
    lines.push(requireApiKey(input.credentials));
  }
  lines.push(input.credentials.accessKey);
  return lines.join('\n');
}

export function signature(input: SigningInput): string {
  return createHmac('sha256', Buffer.from(input.credentials.secretKey, 'utf8')).update(stringToSign(input), 'utf8').digest('base64');
}

/** The dedicated headers of a request signed as `input` says. */
export function signedHeaders(input: SigningInput): SignedHeaders {
  const { credentials } = input;
  const headers: SignedHeaders = { [GATEWAY_HEADERS.timestamp]: input.timestamp, [GATEWAY_HEADERS.accessKey]: credentials.accessKey };
  if (input.version === 'v1') {
    headers[GATEWAY_HEADERS.apiKey] = requireApiKey(credentials);
    headers[GATEWAY_HEADERS.signatureV1] = signature(input);
  } else {
    headers[GATEWAY_HEADERS.signatureV2] = signature(input);
  }
  return headers;
}

export interface RequestToSign {
  version: SignatureVersion;
  method: string;
  pathWithQuery: string;
  credentials: GatewayCredentials;
  v1StringToSign?: V1StringToSign;
  /** the signing time in epoch milliseconds; default now */
  now?: number;
}

/** The signing input of a request made now (or at `now`). */
export function signingInput(request: RequestToSign): SigningInput {
  const { now, ...rest } = request;
  return { ...rest, timestamp: String(Math.trunc(now ?? Date.now())) };
}

/** The dedicated headers of a correctly signed request. */
export function signRequest(request: RequestToSign): SignedHeaders {
  return signedHeaders(signingInput(request));
}

/** The header that carries the signature of `version`. */
export function signatureHeader(version: SignatureVersion): string {
  return version === 'v1' ? GATEWAY_HEADERS.signatureV1 : GATEWAY_HEADERS.signatureV2;
}

function requireApiKey(credentials: GatewayCredentials): string {
  if (credentials.apiKey === undefined) throw new SigningError('signature v1 needs the API Gateway API key (credentials.apiKey)');
  return credentials.apiKey;
}
