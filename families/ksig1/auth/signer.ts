// Kompliant Signature Version 1 (KSig1-HMAC-SHA256), from ksig1-auth-errors.en.txt and FACTS.md:
//   Authorization: KSig1-HMAC-SHA256 Base64(HMAC-SHA256(Base64-decoded secret key, string to sign))
// The string to sign is made of the values of the signed data elements; X-API-Signed-Elements names them
// (case-sensitive, ';'-separated), API-Key always among them. How several values are joined is
// unpublished (FACTS.md: unknown), so it is an option (`Joining`) with a default. The vendor's worked
// example signs API-Key alone, so its string to sign is the bare API key under every joining rule: it
// fixes the key derivation and the encoding, and says nothing about order or delimiter.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const SCHEME = 'KSig1-HMAC-SHA256';

export const HEADERS = {
  authorization: 'Authorization',
  apiKey: 'X-API-Key',
  authToken: 'X-API-Auth-Token',
  signedElements: 'X-API-Signed-Elements',
  timestamp: 'X-API-Timestamp',
  nonce: 'X-API-Nonce',
  contentHash: 'X-API-Content-Hash',
} as const;

/** The always-required headers (FACTS.md: doc). */
export const REQUIRED_HEADERS = [HEADERS.authorization, HEADERS.apiKey, HEADERS.authToken] as const;

/** Which header carries API-Version is unpublished (FACTS.md: unknown); this name is our guess. */
export const DEFAULT_API_VERSION_HEADER = 'X-API-Version';

/** The signable elements in FACTS.md's order, which is also the `canonical` joining order. URL-Path is
 *  left out: "not supported yet". */
export const ELEMENT_NAMES = ['API-Key', 'HTTP-Verb', 'Timestamp', 'API-Version', 'Content-MD5', 'Nonce'] as const;
export type ElementName = (typeof ELEMENT_NAMES)[number];

/** The elements whose value travels in a header of its own, required only when the element is signed. */
export const CONDITIONAL_HEADERS: Readonly<Partial<Record<ElementName, string>>> = {
  Timestamp: HEADERS.timestamp,
  Nonce: HEADERS.nonce,
  'Content-MD5': HEADERS.contentHash,
};

export interface Credentials {
  /** sb_... (sandbox) or lv_... (live) */
  apiKey: string;
  /** Base64 of 33 bytes; the HMAC key is the decoded bytes */
  secretKey: string;
  authToken: string;
}

/** listed: in the order of X-API-Signed-Elements; canonical: in ELEMENT_NAMES' order. */
export interface Joining {
  order: 'listed' | 'canonical';
  delimiter: string;
}

/** Our default: the values in the order the client lists them, one per line, as most HMAC request
 *  signatures build their string to sign (NAVER's gateway, AWS). An inference, pinned per target. */
export const DEFAULT_JOINING: Joining = { order: 'listed', delimiter: '\n' };

/** The rules a harness tries, default first, when a target profile does not pin one. */
export const JOINING_CANDIDATES: readonly Joining[] = (['listed', 'canonical'] as const)
  .flatMap((order) => ['\n', '', ';'].map((delimiter) => ({ order, delimiter })));

/** Content-MD5 as RFC 1864 writes it (Base64 of the digest), or as hex digits: unpublished. */
export type ContentMd5Encoding = 'base64' | 'hex';
export const DEFAULT_CONTENT_MD5: ContentMd5Encoding = 'base64';

/** The undocumented choices a gate makes, each with a default; a target profile pins them. */
export interface Conventions {
  joining: Joining;
  contentMd5: ContentMd5Encoding;
  apiVersionHeader: string;
}

export const DEFAULT_CONVENTIONS: Conventions = { joining: DEFAULT_JOINING, contentMd5: DEFAULT_CONTENT_MD5, apiVersionHeader: DEFAULT_API_VERSION_HEADER };

export type ElementValues = Partial<Record<ElementName, string>>;

export class SigningError extends Error {}

/** The values of `elements` joined by `joining`. */
export function stringToSign(elements: readonly ElementName[], values: ElementValues, joining: Joining = DEFAULT_JOINING): string {
  const ordered = joining.order === 'canonical' ? ELEMENT_NAMES.filter((name) => elements.includes(name)) : elements;
  return ordered.map((name) => {
    const value = values[name];
    if (value === undefined) throw new SigningError(`element ${name} is signed but has no value`);
    return value;
  }).join(joining.delimiter);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The HMAC key: the secret's Base64 decoded. The message never quotes the secret. */
export function hmacKey(secretKey: string): Buffer {
  if (!BASE64.test(secretKey)) throw new SigningError('the secret key is not Base64 (RFC 4648, padded)');
  return Buffer.from(secretKey, 'base64');
}

export function signature(secretKey: string, text: string): string {
  return createHmac('sha256', hmacKey(secretKey)).update(text, 'utf8').digest('base64');
}

export function authorization(signatureBase64: string): string {
  return `${SCHEME} ${signatureBase64}`;
}

export function contentMd5(body: string | Buffer, encoding: ContentMd5Encoding = DEFAULT_CONTENT_MD5): string {
  return createHash('md5').update(body).digest(encoding);
}

export interface SigningInput {
  credentials: Credentials;
  /** the signed elements in the order listed in X-API-Signed-Elements */
  elements: readonly ElementName[];
  /** every signed element's value; API-Key is taken from the credentials */
  values: ElementValues;
  conventions?: Partial<Conventions>;
  /** leave X-API-Signed-Elements out (whether a gate allows that when only API-Key is signed is unknown) */
  omitSignedElements?: boolean;
}

export type SignedHeaders = Record<string, string>;

/** Every header KSig1 puts on a request signed as `input` says. */
export function signedHeaders(input: SigningInput): SignedHeaders {
  const { credentials, elements } = input;
  const conventions = { ...DEFAULT_CONVENTIONS, ...input.conventions };
  const values: ElementValues = { ...input.values, 'API-Key': credentials.apiKey };
  const headers: SignedHeaders = {
    [HEADERS.authorization]: authorization(signature(credentials.secretKey, stringToSign(elements, values, conventions.joining))),
    [HEADERS.apiKey]: credentials.apiKey,
    [HEADERS.authToken]: credentials.authToken,
  };
  if (!input.omitSignedElements) headers[HEADERS.signedElements] = elements.join(';');
  for (const name of elements) {
    const header = name === 'API-Version' ? conventions.apiVersionHeader : CONDITIONAL_HEADERS[name];
    if (header) headers[header] = values[name] as string;
  }
  return headers;
}

export interface RequestToSign {
  method: string;
  /** path and query, as sent */
  path: string;
  body?: string;
  credentials: Credentials;
  /** default ['API-Key']: the only set whose string to sign is known for sure (see Joining) */
  elements?: readonly ElementName[];
  conventions?: Partial<Conventions>;
  /** the value of API-Version, when signed */
  apiVersion?: string;
  /** the signing time in epoch milliseconds; default now */
  now?: number;
  /** default 16 random bytes in hex */
  nonce?: string;
}

export interface SignedRequest {
  method: string;
  path: string;
  headers: SignedHeaders;
  body?: string;
}

/** The element values of a request made now (or at `now`). */
export function elementValues(request: RequestToSign): ElementValues {
  const encoding = request.conventions?.contentMd5 ?? DEFAULT_CONTENT_MD5;
  return {
    'API-Key': request.credentials.apiKey,
    'HTTP-Verb': request.method.toUpperCase(),
    Timestamp: String(Math.floor((request.now ?? Date.now()) / 1000)),
    'Content-MD5': contentMd5(request.body ?? '', encoding),
    Nonce: request.nonce ?? randomBytes(16).toString('hex'),
    ...(request.apiVersion === undefined ? {} : { 'API-Version': request.apiVersion }),
  };
}

/** The signing input of a request; `elements` default to API-Key alone, and must include it. */
export function signingInput(request: RequestToSign): SigningInput {
  if (request.elements && !request.elements.includes('API-Key')) throw new SigningError('API-Key must always be signed');
  return {
    credentials: request.credentials,
    elements: request.elements ?? ['API-Key'],
    values: elementValues(request),
    conventions: request.conventions,
  };
}

/** A correctly signed request. */
export function signRequest(request: RequestToSign): SignedRequest {
  const { method, path, body } = request;
  return { method, path, body, headers: signedHeaders(signingInput(request)) };
}
