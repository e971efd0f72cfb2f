// The KSig1 gate: it admits a request only when its headers and signature are right, and otherwise says
// which of the five documented errors it is. The checks run in the order a gate can make them: required
// headers, the Authorization format, the API key, the auth token, the signed-elements list and its
// headers, the body's hash, then the signature. A refusal's detail is for the mock's log and never holds
// a secret, a token or a signature.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AUTH_ERRORS, missingHeaderMessage, type AuthErrorCode } from '../auth/errors.ts';
import {
  CONDITIONAL_HEADERS, contentMd5, ELEMENT_NAMES, HEADERS, hmacKey, REQUIRED_HEADERS, SCHEME, stringToSign,
  type Conventions, type ElementName, type ElementValues,
} from '../auth/signer.ts';
import type { Account, Accounts } from './accounts.ts';
import type { Faults } from './faults.ts';
import type { Personality } from './personality.ts';

export interface GateRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export class Refusal {
  constructor(readonly code: AuthErrorCode, readonly message: string, readonly detail: string) {}
}

/** How old a Timestamp the alternate personality still accepts. */
export const TIMESTAMP_MAX_AGE_SECONDS = 15 * 60;

const SIGNATURE = new RegExp(`^${SCHEME} (?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`);

export class Gate {
  private readonly conventions: Conventions;

  constructor(
    private readonly accounts: Accounts,
    private readonly faults: Faults,
    private readonly personality: Personality,
    /** epoch milliseconds */
    private readonly clock: () => number,
  ) {
    this.conventions = personality.conventions();
  }

  /** undefined when the request is admitted. */
  check(request: GateRequest): Refusal | undefined {
    const header = (name: string): string | undefined => {
      const value = request.headers[name.toLowerCase()];
      const single = Array.isArray(value) ? value[0] : value;
      return single === '' ? undefined : single;
    };
    const missing = REQUIRED_HEADERS.find((name) => header(name) === undefined);
    if (missing) return this.missing(missing);
    const authorization = header(HEADERS.authorization) as string;
    if (!authorization.startsWith(`${SCHEME} `) && authorization !== SCHEME) {
      return new Refusal('AUTH_INVALID_HEADER', AUTH_ERRORS.AUTH_INVALID_HEADER, 'another scheme word');
    }
    if (!SIGNATURE.test(authorization)) return this.invalidHeader(HEADERS.authorization, 'The signature must be Base64.');
    const account = this.accounts.get(header(HEADERS.apiKey) as string);
    if (!account || (account.revoked && !this.faults.has('revoked-key-accepted'))) {
      return new Refusal('AUTH_INVALID_API_KEY', AUTH_ERRORS.AUTH_INVALID_API_KEY, account ? 'revoked API key' : 'unknown API key');
    }
    if (header(HEADERS.authToken) !== account.authToken && !this.faults.has('token-unchecked')) {
      return new Refusal('AUTH_INVALID_AUTH_TOKEN', AUTH_ERRORS.AUTH_INVALID_AUTH_TOKEN, 'not the API key\'s token');
    }
    const elements = this.elements(header(HEADERS.signedElements));
    if (elements instanceof Refusal) return elements;
    const values = this.values(elements, request, header);
    if (values instanceof Refusal) return values;
    return this.checkSignature(elements, values, account, authorization.slice(SCHEME.length + 1));
  }

  private missing(name: string): Refusal {
    return new Refusal('AUTH_MISSING_HEADER', missingHeaderMessage(name), `no ${name}`);
  }

  private invalidHeader(name: string, detail: string): Refusal {
    return new Refusal('AUTH_INVALID_HEADER', `The '${name}' header is not in the correct format. ${detail}`, detail);
  }

  /** A list the documents forbid: AUTH_INVALID_HEADER, or a mismatch in the alternate reading. */
  private badList(detail: string): Refusal {
    if (this.personality.has('element-errors-as-mismatch')) return new Refusal('AUTH_SIGNATURE_MISMATCH', AUTH_ERRORS.AUTH_SIGNATURE_MISMATCH, detail);
    return this.invalidHeader(HEADERS.signedElements, detail);
  }

  /** The signed elements as listed; a missing list means API-Key alone (or is refused, alternate). */
  private elements(list: string | undefined): ElementName[] | Refusal {
    if (list === undefined) return this.personality.has('signed-elements-required') ? this.missing(HEADERS.signedElements) : ['API-Key'];
    const names: ElementName[] = [];
    for (const written of list.split(';')) {
      const name = ELEMENT_NAMES.find((known) => known === written || (this.faults.has('element-names-case-insensitive') && known.toLowerCase() === written.toLowerCase()));
      if (!name) return this.badList('It lists an unknown or unsupported element (names are case-sensitive).');
      if (names.includes(name)) return this.badList('It lists an element twice.');
      names.push(name);
    }
    if (!names.includes('API-Key') && !this.faults.has('api-key-optional-in-list')) return this.badList('API-Key must always be signed.');
    return names;
  }

  /** Each listed element's value, from the request; a listed element's missing header is refused. */
  private values(elements: readonly ElementName[], request: GateRequest, header: (name: string) => string | undefined): ElementValues | Refusal {
    const values: ElementValues = {};
    for (const name of elements) {
      if (name === 'HTTP-Verb') {
        values[name] = request.method;
        continue;
      }
      const source = name === 'API-Key' ? HEADERS.apiKey : name === 'API-Version' ? this.conventions.apiVersionHeader : CONDITIONAL_HEADERS[name] as string;
      const value = header(source);
      if (value === undefined && !this.faults.has('conditional-header-as-empty')) return this.missing(source);
      values[name] = value ?? '';
    }
    if (values.Timestamp !== undefined && this.expired(values.Timestamp)) return this.invalidHeader(HEADERS.timestamp, 'The timestamp has expired.');
    const hash = values['Content-MD5'];
    if (hash !== undefined && !this.faults.has('body-unchecked') && hash !== contentMd5(request.body, this.conventions.contentMd5)) {
      return new Refusal('AUTH_SIGNATURE_MISMATCH', AUTH_ERRORS.AUTH_SIGNATURE_MISMATCH, 'the body does not have the signed Content-MD5');
    }
    return values;
  }

  /** Kompliant does not check expiry (KSIG-TS-EXP-001); the alternate reading does. */
  private expired(timestamp: string): boolean {
    return this.personality.has('timestamp-expiry') && /^[0-9]+$/.test(timestamp) && this.clock() / 1000 - Number(timestamp) > TIMESTAMP_MAX_AGE_SECONDS;
  }

  private checkSignature(elements: readonly ElementName[], values: ElementValues, account: Account, presented: string): Refusal | undefined {
    if (this.faults.has('signature-unchecked')) return undefined;
    const key = this.faults.has('secret-not-decoded') ? Buffer.from(account.secretKey, 'utf8') : hmacKey(account.secretKey);
    const texts = [stringToSign(elements, values, this.conventions.joining)];
    if (this.faults.has('signed-elements-ignored')) texts.push(account.apiKey);
    const given = Buffer.from(presented, 'base64');
    const matches = texts.some((text) => {
      const expected = createHmac('sha256', key).update(text, 'utf8').digest();
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    return matches ? undefined : new Refusal('AUTH_SIGNATURE_MISMATCH', AUTH_ERRORS.AUTH_SIGNATURE_MISMATCH, 'the signature does not match');
  }
}
