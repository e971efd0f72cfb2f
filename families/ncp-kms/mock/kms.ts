// KMS behind the gateway: one call of an action on a keyTag, answered with the {code, msg, data} envelope.
// Refusals become the error envelope here, once, so their shape and status are decided in one place.
import type { Actions, Data } from './actions.ts';
import { KMS_ERROR_STATUS, KMS_ERRORS, KmsRefusal, type KmsErrorCode } from './errors.ts';
import type { Faults } from './faults.ts';
import { parseBody } from './input.ts';
import type { Personality } from './personality.ts';
import type { Vault } from './vault.ts';

export type Operation = 'encrypt' | 'decrypt' | 'createCustomKey' | 'reencrypt' | 'sign' | 'verify';

export interface Reply {
  status: number;
  body: unknown;
  /** default application/json;charset=UTF-8 */
  contentType?: string;
}

export class Kms {
  /** set by the wrong-type-breaks-service fault: from then on every call is a server error */
  private broken = false;

  constructor(
    private readonly vault: Vault,
    private readonly actions: Actions,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {}

  handle(operation: Operation, keyTag: string, raw: Buffer | undefined): Reply {
    if (this.broken) return this.error(new KmsRefusal('INTERNAL_SERVER_ERROR', 'the service stopped'), raw);
    try {
      if (this.faults.isDead(operation)) throw new KmsRefusal('INVALID_REQUEST', `${operation} is out of order`);
      const body = parseBody(raw);
      const key = this.vault.usableKey(keyTag);
      return this.success(this.actions[operation](key, body));
    } catch (e) {
      if (!(e instanceof KmsRefusal)) throw e;
      return this.error(this.faulty(e), raw);
    }
  }

  private success(data: Data): Reply {
    const code = this.faults.has('success-code-ok') ? 'OK' : 'SUCCESS';
    const msg = this.faults.has('success-msg-text') ? 'success' : '';
    const envelope = this.personality.has('success-msg-absent') ? { code, data } : { code, msg, data };
    const reply: Reply = { status: this.faults.has('success-201') ? 201 : 200, body: envelope };
    return this.faults.has('content-type-text') ? { ...reply, contentType: 'text/plain' } : reply;
  }

  /** The robustness faults turn some client mistakes into server errors. */
  private faulty(refusal: KmsRefusal): KmsRefusal {
    const serverError = (this.faults.has('5xx-on-bad-json') && refusal.reason === 'not-json')
      || (this.faults.has('5xx-on-bad-base64') && refusal.reason === 'not-base64');
    if (this.faults.has('wrong-type-breaks-service') && refusal.reason === 'wrong-type') this.broken = true;
    return serverError || this.broken ? new KmsRefusal('INTERNAL_SERVER_ERROR', refusal.detail) : refusal;
  }

  private error(refusal: KmsRefusal, raw: Buffer | undefined): Reply {
    if (this.faults.has('error-as-success')) return { status: 200, body: { code: 'SUCCESS', msg: '', data: {} } };
    const body: Record<string, unknown> = { code: this.spelling(refusal.code), msg: this.message(refusal) };
    if (this.faults.has('error-echoes-input')) body.data = { request: raw?.toString('utf8') ?? '' };
    return { status: this.status(refusal.code), body };
  }

  /** Unpublished (NCP-ERR-STS-001): the reference's table, HTTP 200 in the alternate; a server error stays a 5xx. */
  private status(code: KmsErrorCode): number {
    if (code === 'INTERNAL_SERVER_ERROR') return KMS_ERROR_STATUS[code];
    if (this.personality.has('kms-errors-http-200')) return 200;
    return this.faults.has('kms-errors-http-403') ? 403 : KMS_ERROR_STATUS[code];
  }

  private spelling(code: KmsErrorCode): string {
    return code === 'INVALID_REQUEST' && this.faults.has('undocumented-error-code') ? 'BAD_REQUEST' : code;
  }

  private message(refusal: KmsRefusal): string {
    if (refusal.code === 'INVALID_REQUEST' && this.faults.has('wrong-error-message')) return 'Bad input';
    const message = KMS_ERRORS[refusal.code];
    return this.personality.has('message-with-detail') ? `${message}: ${refusal.detail}` : message;
  }
}
