// The failure modes the mock reports: the documents' messages (solution guide, FACTS.md), plus two
// of our own for what no document names: bad v1.2 credentials, and (alternate personality) a wrong method.
export const ERROR_MESSAGES = [
  'Invalid Appkey',
  'Invalid Key Id',
  'Invalid Key Version',
  'Invalid User Data',
  'Invalid Key Status',
  'Invalid Key Version Status',
  'IPv4 Auth Failure',
  'MAC Auth Failure',
  'Certificate Auth Failure',
  'URL NOT FOUND',
  'Invalid Authentication',
  'Method Not Allowed',
] as const;

export type ErrorMessage = (typeof ERROR_MESSAGES)[number];

/** Default resultCode per message: distinct so a harness can tell them apart (SKM publishes none). */
export const DEFAULT_RESULT_CODES: Readonly<Record<ErrorMessage, number>> = {
  'Invalid Appkey': -1,
  'Invalid Key Id': -2,
  'Invalid Key Version': -3,
  'Invalid User Data': -4,
  'Invalid Key Status': -5,
  'Invalid Key Version Status': -6,
  'IPv4 Auth Failure': -7,
  'MAC Auth Failure': -8,
  'Certificate Auth Failure': -9,
  'URL NOT FOUND': -10,
  'Invalid Authentication': -11,
  'Method Not Allowed': -12,
};

/** The alternate personality's codes (positive-result-codes): SKM publishes none, so any non-zero number will do. */
export const POSITIVE_RESULT_CODES: Readonly<Record<ErrorMessage, number>> = Object.fromEntries(
  ERROR_MESSAGES.map((message, i) => [message, 1001 + i]),
) as Record<ErrorMessage, number>;

/** HTTP status of each error under `--error-transport http4xx`. */
export const HTTP_STATUS: Readonly<Record<ErrorMessage, number>> = {
  'Invalid Appkey': 401,
  'Invalid Key Id': 404,
  'Invalid Key Version': 404,
  'Invalid User Data': 400,
  'Invalid Key Status': 400,
  'Invalid Key Version Status': 400,
  'IPv4 Auth Failure': 403,
  'MAC Auth Failure': 403,
  'Certificate Auth Failure': 403,
  'URL NOT FOUND': 404,
  'Invalid Authentication': 401,
  'Method Not Allowed': 405,
};

/** A client-side failure: handlers throw it, the dispatcher turns it into an error envelope. */
export class SkmError extends Error {
  constructor(readonly skmMessage: ErrorMessage) {
    super(skmMessage);
  }
}

/** A documented path called with another method (alternate personality: wrong-method-405). */
export class MethodNotAllowed extends SkmError {
  constructor(readonly allowed: readonly string[]) {
    super('Method Not Allowed');
  }
}

/** Imitates a server that fails on input it should have refused (the faults that answer 5xx). */
export class ImitatedServerError extends Error {}

export function isErrorMessage(text: string): text is ErrorMessage {
  return (ERROR_MESSAGES as readonly string[]).includes(text);
}
