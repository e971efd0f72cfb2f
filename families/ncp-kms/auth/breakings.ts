// The named ways to break the gateway's request authentication, as data: a generic auth-failure suite
// sends the documented request once as its positive control, then once per breaking, and expects the
// breaking's outcome. A breaking changes what is signed (before signing, so a shifted timestamp is still
// correctly signed and only the time is wrong) or the signed headers (after signing), never both by
// accident. Each names the requirements (spec/requirements.yaml) it checks, per signature variant.
import {
  GATEWAY_HEADERS, signature, signatureHeader, signedHeaders, TIMESTAMP_WINDOW_MS,
  type SignatureVersion, type SignedHeaders, type SigningInput,
} from './signer.ts';

export interface BreakingContext {
  /** the runner's clock in epoch milliseconds, read once per breaking */
  now: number;
  /** how far inside or outside the 5-minute window to go: the runner's and the gateway's clocks differ */
  marginMs: number;
  /** a secret key that is not the access key's */
  otherSecretKey: string;
  /** an access key the account does not have */
  unknownAccessKey: string;
}

export const DEFAULT_CLOCK_MARGIN_MS = 30_000;

export interface Breaking {
  name: string;
  description: string;
  /** refused: the gateway must refuse it; served: it must still be served (the edges of the window) */
  outcome: 'refused' | 'served';
  /** the variants the breaking applies to, with the requirements it checks under each */
  requirements: Partial<Record<SignatureVersion, readonly string[]>>;
  /** changes what is signed */
  input?: (input: SigningInput, ctx: BreakingContext) => SigningInput;
  /** changes the signed headers */
  headers?: (headers: SignedHeaders, input: SigningInput) => SignedHeaders;
}

const without = (name: string) => (headers: SignedHeaders): SignedHeaders => {
  const { [name]: _dropped, ...rest } = headers;
  return rest;
};

const at = (offsetMs: (ctx: BreakingContext) => number) => (input: SigningInput, ctx: BreakingContext): SigningInput =>
  ({ ...input, timestamp: String(ctx.now + offsetMs(ctx)) });

/** One bit flipped in the first byte of the signature: still Base64 of 32 bytes, no longer the HMAC. */
function flipSignature(headers: SignedHeaders, input: SigningInput): SignedHeaders {
  const name = signatureHeader(input.version);
  const bytes = Buffer.from(headers[name], 'base64');
  bytes[0] ^= 0x01;
  return { ...headers, [name]: bytes.toString('base64') };
}

const BOTH_REFUSED = ['NCP-GW-ERR-001'];

export const BREAKINGS: readonly Breaking[] = [
  {
    name: 'missing-timestamp', outcome: 'refused', description: 'no x-ncp-apigw-timestamp header',
    requirements: { v2: ['NCP-GW-HDR-001'], v1: BOTH_REFUSED }, headers: without(GATEWAY_HEADERS.timestamp),
  },
  {
    name: 'missing-access-key', outcome: 'refused', description: 'no x-ncp-iam-access-key header',
    requirements: { v2: ['NCP-GW-HDR-002'], v1: BOTH_REFUSED }, headers: without(GATEWAY_HEADERS.accessKey),
  },
  {
    name: 'missing-signature', outcome: 'refused', description: 'no signature header of the path\'s variant',
    requirements: { v2: ['NCP-GW-HDR-003'], v1: ['NCP-V1-HDR-002'] },
    headers: (headers, input) => without(signatureHeader(input.version))(headers),
  },
  {
    name: 'missing-api-key', outcome: 'refused', description: 'signature v1 without x-ncp-apigw-api-key',
    requirements: { v1: ['NCP-V1-HDR-001'] }, headers: without(GATEWAY_HEADERS.apiKey),
  },
  {
    name: 'wrong-signature', outcome: 'refused', description: 'the signature with one bit flipped',
    requirements: { v2: ['NCP-GW-SIG-001'], v1: ['NCP-V1-SIG-001'] }, headers: flipSignature,
  },
  {
    name: 'wrong-secret', outcome: 'refused', description: 'signed with a secret key that is not the access key\'s',
    requirements: { v2: ['NCP-GW-SIG-002'], v1: ['NCP-V1-SIG-001'] },
    input: (input, ctx) => ({ ...input, credentials: { ...input.credentials, secretKey: ctx.otherSecretKey } }),
  },
  {
    name: 'unknown-access-key', outcome: 'refused', description: 'an access key the account does not have, signed with the real secret key',
    requirements: { v2: ['NCP-GW-SIG-003'], v1: BOTH_REFUSED },
    input: (input, ctx) => ({ ...input, credentials: { ...input.credentials, accessKey: ctx.unknownAccessKey } }),
  },
  {
    name: 'signed-other-path', outcome: 'refused', description: 'the signature covers another path than the one requested',
    requirements: { v2: ['NCP-GW-SIG-004'] },
    headers: (headers, input) => ({ ...headers, [signatureHeader(input.version)]: signature({ ...input, pathWithQuery: `${input.pathWithQuery}x` }) }),
  },
  {
    name: 'signed-other-method', outcome: 'refused', description: 'the signature covers GET while the request is a POST',
    requirements: { v2: ['NCP-GW-SIG-004'] },
    headers: (headers, input) => ({ ...headers, [signatureHeader(input.version)]: signature({ ...input, method: 'GET' }) }),
  },
  {
    name: 'timestamp-outside-past', outcome: 'refused', description: '5 minutes plus the margin behind the runner\'s clock',
    requirements: { v2: ['NCP-GW-TS-001'] }, input: at((ctx) => -(TIMESTAMP_WINDOW_MS + ctx.marginMs)),
  },
  {
    name: 'timestamp-outside-future', outcome: 'refused', description: '5 minutes plus the margin ahead of the runner\'s clock',
    requirements: { v2: ['NCP-GW-TS-002'] }, input: at((ctx) => TIMESTAMP_WINDOW_MS + ctx.marginMs),
  },
  {
    name: 'timestamp-inside-past', outcome: 'served', description: '5 minutes minus the margin behind the runner\'s clock',
    requirements: { v2: ['NCP-GW-TS-003'] }, input: at((ctx) => -(TIMESTAMP_WINDOW_MS - ctx.marginMs)),
  },
  {
    name: 'timestamp-inside-future', outcome: 'served', description: '5 minutes minus the margin ahead of the runner\'s clock',
    requirements: { v2: ['NCP-GW-TS-004'] }, input: at((ctx) => TIMESTAMP_WINDOW_MS - ctx.marginMs),
  },
  {
    name: 'timestamp-not-numeric', outcome: 'refused', description: 'a timestamp of letters, signed as sent',
    requirements: { v2: ['NCP-GW-TS-005'] }, input: (input) => ({ ...input, timestamp: 'not-a-timestamp' }),
  },
  {
    name: 'timestamp-in-seconds', outcome: 'refused', description: 'the time in seconds instead of milliseconds, signed as sent',
    requirements: { v2: ['NCP-GW-TS-005'] }, input: (input, ctx) => ({ ...input, timestamp: String(Math.floor(ctx.now / 1000)) }),
  },
];

export class UnknownBreakingError extends Error {}

export function breakingNamed(name: string): Breaking {
  const breaking = BREAKINGS.find((b) => b.name === name);
  if (!breaking) throw new UnknownBreakingError(`unknown breaking ${name} (known: ${BREAKINGS.map((b) => b.name).join(', ')})`);
  return breaking;
}

/** The breakings that apply to requests signed with `version`. */
export function breakingsFor(version: SignatureVersion): Breaking[] {
  return BREAKINGS.filter((b) => b.requirements[version] !== undefined);
}

/** The dedicated headers of `input` signed, then broken as `breaking` says. `input.timestamp` is ignored
 *  by the time breakings, which sign at `ctx.now` shifted. */
export function brokenHeaders(breaking: Breaking, input: SigningInput, ctx: BreakingContext): SignedHeaders {
  const signed = breaking.input ? breaking.input(input, ctx) : input;
  const headers = signedHeaders(signed);
  return breaking.headers ? breaking.headers(headers, signed) : headers;
}
