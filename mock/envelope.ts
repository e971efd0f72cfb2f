// Every answer is the SKM envelope {header: {resultCode, resultMessage, isSuccessful}, body}. How an
// error travels (HTTP 200 or 4xx) and its numeric code are not published, so both are switchable.
import { DEFAULT_RESULT_CODES, ERROR_MESSAGES, HTTP_STATUS, isErrorMessage, type ErrorMessage } from './errors.ts';
import type { Faults } from './faults.ts';

export type ErrorTransport = 'http200' | 'http4xx';
export const ERROR_TRANSPORTS: readonly ErrorTransport[] = ['http200', 'http4xx'];

/** `distinct` (default): one negative code per message; `uniform`: -1 for all; or message -> code. */
export type ResultCodesOption = 'distinct' | 'uniform' | Record<string, number>;

export interface Reply {
  status: number;
  body: unknown;
}

const SUCCESS_HEADER = { resultCode: 0, resultMessage: 'success', isSuccessful: true } as const;

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
  constructor(
    readonly transport: ErrorTransport,
    readonly resultCodes: Readonly<Record<ErrorMessage, number>>,
    private readonly faults: Faults,
  ) {}

  success(body: unknown): Reply {
    return { status: 200, body: { header: SUCCESS_HEADER, body } };
  }

  /**
   * `cause` and `requestBody` only reach the client under the faults that leak them. (Reading a stack
   * is not free: it is formatted, through source maps under tsx, only when the fault asks for it.)
   */
  error(message: ErrorMessage, cause?: Error, requestBody?: Buffer): Reply {
    let text: string = message;
    if (message === 'Invalid Key Id' && this.faults.has('wrong-message')) text = 'Invalid KeyId';
    if (this.faults.has('stack-trace-in-error') && cause?.stack) text = `${text}\n${cause.stack}`;
    const header = { resultCode: this.resultCodes[message], resultMessage: text, isSuccessful: this.faults.has('error-as-success') };
    const echo = this.faults.has('error-echoes-input') && requestBody && requestBody.length > 0;
    const body = echo ? requestBody.toString('utf8') : null;
    return { status: this.transport === 'http4xx' ? HTTP_STATUS[message] : 200, body: { header, body } };
  }

  /** A failure of the mock itself (or a fault imitating one); never used for a client mistake. */
  serverError(): Reply {
    return { status: 500, body: { header: { resultCode: -500, resultMessage: 'Internal Server Error', isSuccessful: false }, body: null } };
  }
}
