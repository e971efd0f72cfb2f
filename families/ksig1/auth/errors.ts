// The five authentication errors of ksig1-auth-errors.en.txt: every one is HTTP 401 with the body
// {"errors": [{"code", "message"}]}. The messages are the document's examples (only examples: a gate may
// word them otherwise, KSIG-ERR-MSG-001); the missing-header one names the header.

export const AUTH_ERROR_STATUS = 401;

export const AUTH_ERRORS = {
  AUTH_INVALID_HEADER: 'The \'Authorization\' header is not in the correct format. It must start with \'KSig1-HMAC-SHA256\'.',
  AUTH_INVALID_API_KEY: 'The provided API key is not valid or has been revoked.',
  AUTH_INVALID_AUTH_TOKEN: 'The authentication token is invalid.',
  AUTH_SIGNATURE_MISMATCH: 'The provided signature does not match the calculated signature.',
  AUTH_MISSING_HEADER: 'Required header \'X-API-Key\' is missing from the request.',
} as const;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;
export const AUTH_ERROR_CODES = Object.keys(AUTH_ERRORS) as AuthErrorCode[];

/** The document's example message for a missing header, with that header's name. */
export function missingHeaderMessage(header: string): string {
  return `Required header '${header}' is missing from the request.`;
}

export interface AuthErrorBody {
  errors: { code: string; message: string }[];
}

export function authErrorBody(code: AuthErrorCode, message: string = AUTH_ERRORS[code]): AuthErrorBody {
  return { errors: [{ code, message }] };
}

/** The code of a documented error body, or undefined when the body is not one. */
export function authErrorCode(body: unknown): AuthErrorCode | undefined {
  const errors = (body as Partial<AuthErrorBody> | null)?.errors;
  const first = Array.isArray(errors) && errors.length > 0 ? errors[0] : undefined;
  const code = first?.code;
  const documented = typeof code === 'string' && (AUTH_ERROR_CODES as string[]).includes(code) && typeof first?.message === 'string';
  return documented ? (code as AuthErrorCode) : undefined;
}
