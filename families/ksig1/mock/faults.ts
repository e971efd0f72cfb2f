// Deliberate deviations from the documents, switched on by name, so the harness can be shown to catch
// gates known to be wrong. Each names the catalogue requirements it violates, judged with the reference's
// pinned profile. The wrong-code faults answer one case with another documented code (and that code's
// message): they violate every requirement of a breaking refused with the case's code.
import { FaultSwitches } from '../../../mock-kit/faults.ts';
import { BREAKINGS } from '../auth/breakings.ts';
import type { AuthErrorCode } from '../auth/errors.ts';

export { UnknownFaultError } from '../../../mock-kit/faults.ts';

export interface Fault {
  name: string;
  description: string;
  /** requirement ids (spec/requirements.yaml) the fault violates */
  requirements: readonly string[];
}

/** The requirements of the breakings the gate refuses with `code`. */
const refusedWith = (code: AuthErrorCode): string[] =>
  BREAKINGS.filter((b) => b.outcome === 'refused' && b.code === code).flatMap((b) => b.requirements);

/** The code each wrong-code fault answers instead of the right one. */
export const WRONG_CODES: Readonly<Record<AuthErrorCode, AuthErrorCode>> = {
  AUTH_MISSING_HEADER: 'AUTH_INVALID_HEADER',
  AUTH_INVALID_HEADER: 'AUTH_SIGNATURE_MISMATCH',
  AUTH_INVALID_API_KEY: 'AUTH_SIGNATURE_MISMATCH',
  AUTH_INVALID_AUTH_TOKEN: 'AUTH_INVALID_API_KEY',
  AUTH_SIGNATURE_MISMATCH: 'AUTH_INVALID_AUTH_TOKEN',
};

export const wrongCodeFault = (code: AuthErrorCode) => `wrong-code-${code.slice('AUTH_'.length).toLowerCase().replaceAll('_', '-')}`;

const SIGNATURE_CHECKED = ['KSIG-SIG-MIS-001', 'KSIG-SIG-MIS-002', 'KSIG-SIG-KEY-001', 'KSIG-SE-NL-001', 'KSIG-SE-NS-001', 'KSIG-SE-HDR-001', 'KSIG-BIND-VERB-001', 'KSIG-BIND-HDR-001'];

export const FAULTS: readonly Fault[] = [
  { name: 'signature-unchecked', description: 'any Base64 signature is accepted', requirements: SIGNATURE_CHECKED },
  { name: 'token-unchecked', description: 'any auth token is accepted', requirements: ['KSIG-TOK-INV-001'] },
  {
    name: 'secret-not-decoded', description: 'the HMAC key is the secret\'s Base64 text, not its bytes',
    requirements: ['KSIG-ACC-KEY-001', 'KSIG-SIG-KEY-001', 'KSIG-SE-ACC-001', 'KSIG-ROB-ALIVE-001'],
  },
  ...(Object.keys(WRONG_CODES) as AuthErrorCode[]).map((code): Fault => ({
    name: wrongCodeFault(code), description: `${code} is answered as ${WRONG_CODES[code]}`, requirements: refusedWith(code),
  })),
  { name: 'refusal-200', description: 'refusals come with HTTP 200 (the error body unchanged)', requirements: ['KSIG-ERR-STS-001'] },
  {
    name: 'missing-header-500', description: 'a missing header gets HTTP 500 and an undocumented code',
    requirements: [...refusedWith('AUTH_MISSING_HEADER'), 'KSIG-ERR-STS-001', 'KSIG-ERR-BODY-001', 'KSIG-ROB-GEN-001'],
  },
  {
    name: 'signed-elements-ignored', description: 'a signature over API-Key alone is accepted whatever X-API-Signed-Elements lists',
    requirements: ['KSIG-SE-NS-001'],
  },
  { name: 'element-names-case-insensitive', description: 'X-API-Signed-Elements names match in any letter case', requirements: ['KSIG-SE-CASE-001'] },
  { name: 'api-key-optional-in-list', description: 'a list without API-Key is accepted when what it lists is signed', requirements: ['KSIG-SE-API-001'] },
  { name: 'revoked-key-accepted', description: 'the revoked API key is served', requirements: ['KSIG-KEY-REV-001'] },
  {
    name: 'conditional-header-as-empty', description: 'a missing X-API-Timestamp, X-API-Nonce or X-API-Content-Hash counts as an empty value (so a signature mismatch)',
    requirements: ['KSIG-CND-TS-001', 'KSIG-CND-NON-001', 'KSIG-CND-MD5-001'],
  },
  { name: 'body-unchecked', description: 'X-API-Content-Hash is signed but never compared with the body', requirements: ['KSIG-BIND-BODY-001'] },
  { name: 'errors-not-wrapped', description: 'refusals carry {"code", "message"} without the errors array', requirements: ['KSIG-ERR-BODY-001'] },
  { name: 'generic-messages', description: 'every refusal\'s message is "Unauthorized"', requirements: ['KSIG-ERR-MSG-001'] },
];

export const FAULT_NAMES: readonly string[] = FAULTS.map((f) => f.name);

/** The faults switched on for one mock instance. */
export class Faults extends FaultSwitches {
  constructor(names: readonly string[] = []) {
    super(FAULT_NAMES, names);
  }
}
