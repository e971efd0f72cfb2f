// The two error shapes a client of NAVER Cloud KMS meets (spec/openapi.yaml): the KMS envelope with one of
// the seven documented codes, and the API Gateway's own body for what the gateway refuses before KMS sees
// the request. The tables are the spec's (x-ncp-error-codes, x-ncp-gateway-errors), written here as data
// for the mock; tests/ncp-kms/mock-errors.test.ts keeps the two equal.

export const KMS_ERRORS = {
  FORBIDDEN: 'Forbidden',
  INTERNAL_SERVER_ERROR: 'Server internal error',
  UNPROCESSABLE_ENTITY: 'Invalid status',
  INVALID_REQUEST: 'Invalid request',
  UNAUTHORIZED: 'Unauthorized',
  NOT_FOUND: 'Not found',
  INVALID_STATUS: 'Invalid status',
} as const;

export type KmsErrorCode = keyof typeof KMS_ERRORS;

/** The HTTP status the reference answers each KMS code with: unpublished (NCP-ERR-STS-001), so a choice. */
export const KMS_ERROR_STATUS: Readonly<Record<KmsErrorCode, number>> = {
  FORBIDDEN: 403,
  INTERNAL_SERVER_ERROR: 500,
  UNPROCESSABLE_ENTITY: 422,
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  INVALID_STATUS: 400,
};

export const GATEWAY_ERRORS = {
  badRequest: { status: 400, errorCode: '100', message: 'Bad Request Exception' },
  authenticationFailed: { status: 401, errorCode: '200', message: 'Authentication Failed' },
  permissionDenied: { status: 401, errorCode: '210', message: 'Permission Denied' },
  forbidden: { status: 403, errorCode: '230', message: 'Forbidden' },
  notFound: { status: 404, errorCode: '300', message: 'Not Found Exception' },
  entityTooLarge: { status: 413, errorCode: '430', message: 'Request Entity Too Large' },
  quotaExceeded: { status: 429, errorCode: '400', message: 'Quota Exceeded' },
  throttleLimited: { status: 429, errorCode: '410', message: 'Throttle Limited' },
  rateLimited: { status: 429, errorCode: '420', message: 'Rate Limited' },
  endpointError: { status: 503, errorCode: '500', message: 'Endpoint Error' },
} as const;

export type GatewayErrorName = keyof typeof GATEWAY_ERRORS;

/** What was wrong with a request, where faults treat causes differently (faults.ts). */
export type RefusalReason = 'not-json' | 'not-base64' | 'wrong-type' | 'other';

/** A refusal by KMS, thrown by the handlers and turned into the envelope once, in kms.ts. */
export class KmsRefusal extends Error {
  constructor(readonly code: KmsErrorCode, readonly detail: string, readonly reason: RefusalReason = 'other') {
    super(`${code}: ${detail}`);
  }
}
