// The named ways to break a KSig1-signed request, as data. A generic auth-failure suite sends the
// breaking's positive control first (the same request correctly signed over the same elements, which
// must be served), then the breaking, and judges the answer by its outcome and code. A breaking changes
// what is signed (`input`, before signing) or what is sent (`after`, once signed), never both by accident.
// Each names the requirements (spec/requirements.yaml) it checks. Where the documents leave the refusal
// code open, `acceptedCodes` is what the default (lenient) check takes and `code` what a pinned profile
// (expectations.strict) requires.
import { createHmac } from 'node:crypto';
import { AUTH_ERROR_CODES, type AuthErrorCode } from './errors.ts';
import {
  authorization, CONDITIONAL_HEADERS, DEFAULT_CONVENTIONS, HEADERS, signature, signedHeaders, signingInput, stringToSign,
  type Credentials, type ElementName, type RequestToSign, type SignedRequest, type SigningInput,
} from './signer.ts';

export interface BreakingContext {
  /** a Base64 secret key that is not the API key's */
  otherSecretKey: string;
  /** an API key the gate does not know */
  unknownApiKey: string;
  /** an auth token that is not the API key's */
  otherAuthToken: string;
  /** the target's revoked credentials (its secret and token when known: a gate may check them first) */
  revoked?: Pick<Credentials, 'apiKey'> & Partial<Credentials>;
}

/** Every element our signer can put a value to without the target's help: the controls sign them all. */
export const FULL_ELEMENTS: readonly ElementName[] = ['API-Key', 'HTTP-Verb', 'Timestamp', 'Content-MD5', 'Nonce'];

/** Checked by every refusal, beside the breaking's own requirements: the status, the body, the message. */
export const EVERY_REFUSAL: readonly string[] = ['KSIG-ERR-STS-001', 'KSIG-ERR-BODY-001', 'KSIG-ERR-MSG-001'];

/** Checked by the controls themselves: API-Key alone served, and every element served. */
export const CONTROL_REQUIREMENTS = { apiKeyOnly: 'KSIG-ACC-KEY-001', everyElement: 'KSIG-SE-ACC-001' } as const;

export interface Breaking {
  name: string;
  description: string;
  /** refused: never served; either: served, or refused as documented (a pinned profile requires served) */
  outcome: 'refused' | 'either';
  /** the refusal's code: documented, or the one a pinned profile requires */
  code: AuthErrorCode;
  /** the codes the default check accepts where the documents do not name one; absent: only `code` */
  acceptedCodes?: readonly AuthErrorCode[];
  /** requirement ids the breaking checks */
  requirements: readonly string[];
  /** the elements the control and the breaking sign; default FULL_ELEMENTS */
  elements?: readonly ElementName[];
  /** needs the profile's revoked credentials */
  needsRevoked?: boolean;
  input?: (input: SigningInput, ctx: BreakingContext) => SigningInput;
  after?: (request: SignedRequest, input: SigningInput, ctx: BreakingContext) => SignedRequest;
}

const ANY_CODE = AUTH_ERROR_CODES;

const withHeaders = (request: SignedRequest, change: (headers: Record<string, string>) => void): SignedRequest => {
  const headers = { ...request.headers };
  change(headers);
  return { ...request, headers };
};

const without = (header: string) => (request: SignedRequest) => withHeaders(request, (h) => delete h[header]);
const setHeader = (header: string, value: (old: string) => string) => (request: SignedRequest) =>
  withHeaders(request, (h) => (h[header] = value(h[header] ?? '')));

const signatureOf = (request: SignedRequest) => request.headers[HEADERS.authorization].split(' ')[1];
const joiningOf = (input: SigningInput) => input.conventions?.joining ?? DEFAULT_CONVENTIONS.joining;

/** One bit flipped in the first byte: still Base64 of 32 bytes, no longer the HMAC. */
function flipBit(request: SignedRequest): SignedRequest {
  const bytes = Buffer.from(signatureOf(request), 'base64');
  bytes[0] ^= 0x01;
  return setHeader(HEADERS.authorization, () => authorization(bytes.toString('base64')))(request);
}

function missingConditional(element: ElementName, requirement: string): Breaking {
  const header = CONDITIONAL_HEADERS[element] as string;
  return {
    name: `missing-${header.slice('X-API-'.length).toLowerCase()}`, outcome: 'refused', code: 'AUTH_MISSING_HEADER', requirements: [requirement],
    description: `${element} signed and listed, ${header} left out`, after: without(header),
  };
}

export const BREAKINGS: readonly Breaking[] = [
  ...[
    ['missing-authorization', HEADERS.authorization, 'KSIG-HDR-REQ-001'],
    ['missing-api-key', HEADERS.apiKey, 'KSIG-HDR-REQ-002'],
    ['missing-auth-token', HEADERS.authToken, 'KSIG-HDR-REQ-003'],
  ].map(([name, header, id]): Breaking => ({
    name, outcome: 'refused', code: 'AUTH_MISSING_HEADER', requirements: [id], description: `no ${header} header`, after: without(header),
  })),
  missingConditional('Timestamp', 'KSIG-CND-TS-001'),
  missingConditional('Nonce', 'KSIG-CND-NON-001'),
  missingConditional('Content-MD5', 'KSIG-CND-MD5-001'),
  {
    name: 'wrong-scheme', outcome: 'refused', code: 'AUTH_INVALID_HEADER', requirements: ['KSIG-HDR-AUTH-001'],
    description: 'Authorization: HMAC-SHA256 <signature> (another scheme word)',
    after: (request) => setHeader(HEADERS.authorization, () => `HMAC-SHA256 ${signatureOf(request)}`)(request),
  },
  {
    name: 'signature-not-base64', outcome: 'refused', code: 'AUTH_INVALID_HEADER', requirements: ['KSIG-HDR-AUTH-002'],
    description: 'the signature part has characters outside Base64', after: setHeader(HEADERS.authorization, () => authorization('not*base64!')),
  },
  {
    name: 'scheme-only', outcome: 'refused', code: 'AUTH_INVALID_HEADER', requirements: ['KSIG-HDR-AUTH-002'],
    description: 'Authorization: KSig1-HMAC-SHA256, no signature', after: setHeader(HEADERS.authorization, () => 'KSig1-HMAC-SHA256'),
  },
  {
    name: 'unknown-api-key', outcome: 'refused', code: 'AUTH_INVALID_API_KEY', requirements: ['KSIG-KEY-UNK-001'],
    description: 'an API key the gate does not know, signed with the real secret',
    input: (input, ctx) => ({ ...input, credentials: { ...input.credentials, apiKey: ctx.unknownApiKey } }),
  },
  {
    name: 'revoked-api-key', outcome: 'refused', code: 'AUTH_INVALID_API_KEY', requirements: ['KSIG-KEY-REV-001'], needsRevoked: true,
    description: 'the revoked API key, signed with its own secret and token where the profile has them',
    input: (input, ctx) => ({ ...input, credentials: { ...input.credentials, ...ctx.revoked } }),
  },
  {
    name: 'wrong-auth-token', outcome: 'refused', code: 'AUTH_INVALID_AUTH_TOKEN', requirements: ['KSIG-TOK-INV-001'],
    description: 'an auth token that is not the API key\'s (the signature is right)',
    after: (request, _input, ctx) => setHeader(HEADERS.authToken, () => ctx.otherAuthToken)(request),
  },
  {
    name: 'wrong-signature', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-SIG-MIS-001'],
    description: 'the signature with one bit flipped', after: flipBit,
  },
  {
    name: 'wrong-secret', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-SIG-MIS-002'],
    description: 'signed with a secret key that is not the API key\'s',
    input: (input, ctx) => ({ ...input, credentials: { ...input.credentials, secretKey: ctx.otherSecretKey } }),
  },
  {
    name: 'secret-not-decoded', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-SIG-KEY-001'],
    description: 'the HMAC keyed by the secret\'s Base64 text instead of its bytes',
    after: (request, input) => {
      const text = stringToSign(input.elements, { ...input.values, 'API-Key': input.credentials.apiKey }, joiningOf(input));
      const undecoded = createHmac('sha256', Buffer.from(input.credentials.secretKey, 'utf8')).update(text, 'utf8').digest('base64');
      return setHeader(HEADERS.authorization, () => authorization(undecoded))(request);
    },
  },
  {
    name: 'signed-not-listed', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-SE-NL-001'],
    description: 'Nonce signed (and X-API-Nonce sent) but left out of X-API-Signed-Elements',
    after: setHeader(HEADERS.signedElements, (list) => list.split(';').filter((name) => name !== 'Nonce').join(';')),
  },
  {
    name: 'listed-not-signed', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-SE-NS-001'],
    description: 'every element listed with its header, the signature over API-Key alone',
    after: (request, input) => setHeader(HEADERS.authorization, () => authorization(signature(input.credentials.secretKey, input.credentials.apiKey)))(request),
  },
  {
    name: 'api-key-not-listed', outcome: 'refused', code: 'AUTH_INVALID_HEADER', acceptedCodes: ANY_CODE, requirements: ['KSIG-SE-API-001'],
    description: 'API-Key neither signed nor listed; the other elements correctly signed',
    input: (input) => ({ ...input, elements: input.elements.filter((name) => name !== 'API-Key') }),
  },
  {
    name: 'element-names-other-case', outcome: 'refused', code: 'AUTH_INVALID_HEADER', acceptedCodes: ANY_CODE, requirements: ['KSIG-SE-CASE-001'],
    description: 'X-API-Signed-Elements in lower case (api-key;http-verb;...), the signature right for the proper names',
    after: setHeader(HEADERS.signedElements, (list) => list.toLowerCase()),
  },
  {
    name: 'signed-elements-missing', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', acceptedCodes: ['AUTH_SIGNATURE_MISMATCH', 'AUTH_MISSING_HEADER'],
    requirements: ['KSIG-SE-HDR-001'], description: 'more than API-Key signed, X-API-Signed-Elements left out', after: without(HEADERS.signedElements),
  },
  {
    name: 'signed-other-verb', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-BIND-VERB-001'],
    description: 'HTTP-Verb signed as another method than the one sent',
    input: (input) => ({ ...input, values: { ...input.values, 'HTTP-Verb': input.values['HTTP-Verb'] === 'DELETE' ? 'GET' : 'DELETE' } }),
  },
  {
    name: 'timestamp-changed', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-BIND-HDR-001'],
    description: 'X-API-Timestamp one second after the signed Timestamp', after: setHeader(HEADERS.timestamp, (t) => String(Number(t) + 1)),
  },
  {
    name: 'nonce-changed', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', requirements: ['KSIG-BIND-HDR-001'],
    description: 'X-API-Nonce another value than the signed Nonce', after: setHeader(HEADERS.nonce, (n) => `${n}0`),
  },
  {
    name: 'body-changed', outcome: 'refused', code: 'AUTH_SIGNATURE_MISMATCH', acceptedCodes: ANY_CODE, requirements: ['KSIG-BIND-BODY-001'],
    description: 'the body changed (a space appended) after its Content-MD5 was signed', after: (request) => ({ ...request, body: `${request.body ?? ''} ` }),
  },
  {
    name: 'old-timestamp', outcome: 'either', code: 'AUTH_INVALID_HEADER', acceptedCodes: ANY_CODE, requirements: ['KSIG-TS-EXP-001'],
    description: 'correctly signed with a Timestamp one day old',
    input: (input) => ({ ...input, values: { ...input.values, Timestamp: String(Number(input.values.Timestamp) - 86_400) } }),
  },
  {
    name: 'signed-elements-omitted', outcome: 'either', code: 'AUTH_MISSING_HEADER', acceptedCodes: ANY_CODE, requirements: ['KSIG-SE-OPT-001'],
    elements: ['API-Key'], description: 'API-Key alone signed and X-API-Signed-Elements left out', input: (input) => ({ ...input, omitSignedElements: true }),
  },
];

export class UnknownBreakingError extends Error {}

export function breakingNamed(name: string): Breaking {
  const breaking = BREAKINGS.find((b) => b.name === name);
  if (!breaking) throw new UnknownBreakingError(`unknown breaking ${name} (known: ${BREAKINGS.map((b) => b.name).join(', ')})`);
  return breaking;
}

/** The control of a breaking: `request` correctly signed over the breaking's elements. */
export function controlInput(breaking: Breaking, request: RequestToSign): SigningInput {
  return signingInput({ ...request, elements: breaking.elements ?? FULL_ELEMENTS });
}

/** `request` signed, then broken as `breaking` says (the same time and nonce as its control when `request`
 *  carries `now` and `nonce`). */
export function brokenRequest(breaking: Breaking, request: RequestToSign, ctx: BreakingContext): SignedRequest {
  const control = controlInput(breaking, request);
  const input = breaking.input ? breaking.input(control, ctx) : control;
  const signed: SignedRequest = { method: request.method, path: request.path, body: request.body, headers: signedHeaders(input) };
  return breaking.after ? breaking.after(signed, input, ctx) : signed;
}
