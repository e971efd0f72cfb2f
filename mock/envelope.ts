// Every answer is the SKM envelope {header: {resultCode, resultMessage, isSuccessful}, body}. How an
// error travels (HTTP 200 or 4xx) and its numeric code are not published, so both are switchable; the
// personality picks the spellings, statuses and media type where the documents leave them open.
import { DEFAULT_RESULT_CODES, ERROR_MESSAGES, HTTP_STATUS, isErrorMessage, type ErrorMessage } from './errors.ts';
import type { Faults } from './faults.ts';
import type { Personality } from './personality.ts';

export type ErrorTransport = 'http200' | 'http4xx';
export const ERROR_TRANSPORTS: readonly ErrorTransport[] = ['http200', 'http4xx'];

/** `distinct` (default): one negative code per message; `uniform`: -1 for all; or message -> code. */
export type ResultCodesOption = 'distinct' | 'uniform' | Record<string, number>;

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const DETAIL = ' - see the Secure Key Manager solution guide';

export function resolveResultCodes(option: ResultCodesOption = 'distinct'): Record<ErrorMessage, number> {
  if (option === 'distinct') return { ...DEFAULT_RESULT_CODES };
  if (option === 'uniform') return Object.fromEntries(ERROR_MESSAGES.map((m) => [m, -1])) as Record<ErrorMessage, number>;
  const codes = { ...DEFAULT_RESULT_CODES };
  for (const [message, code] of Object.entries(option)) {
    if (!isErrorMessage(message)) throw new Error(`result codes: unknown message "${message}" (known: ${ERROR_MESSAGES.join(', ')})`);
    if (!Number.isFinite(code) || code === 0) throw new Error(`result codes: "${message}" needs a number other than 0 (the success code)`);
    codes[message] = code;
  }
  return codes;
}

export class Envelope {
  private readonly successHeader: { resultCode: 0; resultMessage: string; isSuccessful: true };
  private readonly headers: Record<string, string>;

  constructor(
    readonly transport: ErrorTransport,
    readonly resultCodes: Readonly<Record<ErrorMessage, number>>,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {
    const resultMessage = personality.has('success-message-uppercase') ? 'SUCCESS' : 'success';
    this.successHeader = { resultCode: 0, resultMessage, isSuccessful: true };
    const charset = personality.has('content-type-without-charset') ? '' : ';charset=UTF-8';
    this.headers = { 'content-type': `application/json${charset}` };
  }

  success(body: unknown, status = 200): Reply {
    return { status, headers: { ...this.headers }, body: { header: this.successHeader, body } };
  }

  /**
   * `cause` and `requestBody` only reach the client under the faults that leak them. (Reading a stack
   * is not free: it is formatted, through source maps under tsx, only when the fault asks for it.)
   */
  error(message: ErrorMessage, cause?: Error, requestBody?: Buffer): Reply {
    const isSuccessful = this.faults.has('error-as-success');
    const header = { resultCode: this.resultCodes[message], resultMessage: this.text(message, cause), isSuccessful };
    const echo = this.faults.has('error-echoes-input') && requestBody && requestBody.length > 0;
    const body = echo ? requestBody.toString('utf8') : this.personality.has('error-body-empty-object') ? {} : null;
    return { status: this.status(message), headers: { ...this.headers }, body: { header, body } };
  }

  /** A failure of the mock itself (or a fault imitating one); never used for a client mistake. */
  serverError(): Reply {
    const header = { resultCode: -500, resultMessage: 'Internal Server Error', isSuccessful: false };
    return { status: 500, headers: { ...this.headers }, body: { header, body: null } };
  }

  private text(message: ErrorMessage, cause: Error | undefined): string {
    let text: string = message;
    if (message === 'Invalid Key Id' && this.faults.has('wrong-message')) text = 'Invalid KeyId';
    else if (message === 'Invalid Key Id' && this.personality.has('key-id-spelled-ID')) text = 'Invalid Key ID';
    if (this.personality.has('message-with-detail')) text += DETAIL;
    if (this.faults.has('stack-trace-in-error') && cause?.stack) text = `${text}\n${cause.stack}`;
    return text;
  }

  private status(message: ErrorMessage): number {
    if (this.transport === 'http200') return 200;
    if (this.personality.has('errors-http-400') && message !== 'Method Not Allowed') return 400;
    return HTTP_STATUS[message];
  }
}
