// Helpers of the KSig1 mock tests: a mock with its client and breaking context, and the judgement of an
// answer against a breaking (the same rules a generic auth-failure suite applies, kept small here).
import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Breaking, BreakingContext } from '../../families/ksig1/auth/breakings.ts';
import { AUTH_ERROR_STATUS, authErrorCode } from '../../families/ksig1/auth/errors.ts';
import { Ksig1Client, type Answer, type ProtectedRequest } from '../../families/ksig1/client.ts';
import { startKsig1Mock, type Ksig1MockOptions, type RunningKsig1Mock } from '../../families/ksig1/mock/index.ts';
import { tempDir } from '../temp-dir.ts';

export interface Started {
  mock: RunningKsig1Mock;
  client: Ksig1Client;
  ctx: BreakingContext;
}

export const GET_CONTROL: ProtectedRequest = { method: 'GET', path: '/applications/example' };
export const POST_CONTROL: ProtectedRequest = { method: 'POST', path: '/applications', body: '{"legalName":"Conformance Test LLC"}' };

/** A quiet mock in a temporary folder, closed after the test file (or the test) that started it. Its
 *  client signs the way the mock reads signatures (the harness would detect or read that). */
export async function started(options: Ksig1MockOptions = {}): Promise<Started> {
  const mock = await startKsig1Mock({ quiet: true, profileDir: tempDir('ksig1-mock-'), ...options });
  after(() => mock.close());
  const client = new Ksig1Client({ baseUrl: mock.baseUrl, credentials: mock.credentials, conventions: mock.conventions, clock: options.clock });
  const ctx: BreakingContext = {
    otherSecretKey: randomBytes(33).toString('base64'),
    unknownApiKey: 'sb_unknownKey000000000000',
    otherAuthToken: 'not-the-token-0000000000',
    revoked: mock.revoked,
  };
  return { mock, client, ctx };
}

export const served = (answer: Answer) => answer.status >= 200 && answer.status < 300;

/** A documented refusal: HTTP 401 with the errors body and one of the five codes. */
export const refusedAs = (answer: Answer) => (answer.status === AUTH_ERROR_STATUS ? authErrorCode(answer.body) : undefined);

/** Why the answer does not meet the breaking (strict: the pinned reading), or undefined. */
export function verdict(breaking: Breaking, answer: Answer, strict: boolean): string | undefined {
  const code = refusedAs(answer);
  const shown = `${answer.status} ${JSON.stringify(answer.body)}`;
  if (breaking.outcome === 'either') {
    if (served(answer) || (!strict && code && (breaking.acceptedCodes ?? [breaking.code]).includes(code))) return undefined;
    return `expected served${strict ? '' : ' or a documented refusal'}, got ${shown}`;
  }
  const accepted = strict || !breaking.acceptedCodes ? [breaking.code] : breaking.acceptedCodes;
  return code && accepted.includes(code) ? undefined : `expected 401 with ${accepted.join(' or ')}, got ${shown}`;
}
