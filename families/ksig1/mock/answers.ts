// What the mock sends: a refusal as the documents show it (HTTP 401, {"errors": [{code, message}]}),
// changed only by the faults and switches about the answer itself; and the protected resource's answers.
import { AUTH_ERROR_STATUS, AUTH_ERRORS, authErrorBody } from '../auth/errors.ts';
import { WRONG_CODES, wrongCodeFault, type Faults } from './faults.ts';
import type { Refusal } from './gate.ts';
import type { Personality } from './personality.ts';

export interface Reply {
  status: number;
  body: unknown;
}

export function refusalReply(refusal: Refusal, faults: Faults, personality: Personality): Reply {
  if (refusal.code === 'AUTH_MISSING_HEADER' && faults.has('missing-header-500')) {
    return { status: 500, body: { errors: [{ code: 'INTERNAL_ERROR', message: 'Internal server error.' }] } };
  }
  const wrong = faults.has(wrongCodeFault(refusal.code));
  const code = wrong ? WRONG_CODES[refusal.code] : refusal.code;
  let message = wrong ? AUTH_ERRORS[code] : refusal.message;
  if (faults.has('generic-messages')) message = 'Unauthorized';
  else if (personality.has('messages-with-detail')) message = `Authentication failed (${code.toLowerCase()}): ${refusal.detail}`;
  const status = faults.has('refusal-200') ? 200 : AUTH_ERROR_STATUS;
  return { status, body: faults.has('errors-not-wrapped') ? { code, message } : authErrorBody(code, message) };
}

/** An error of the mock's own (not the gate's), in the same shape with its own code. */
export function ownError(status: number, code: string, message: string): Reply {
  return { status, body: { errors: [{ code, message }] } };
}
