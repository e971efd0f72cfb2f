// The mock's readings of what the KSig1 documents leave open. `reference` plays one reading of each
// point and writes a profile that pins it; `alternate` turns on every switch below, each another reading
// the documents and the catalogue's `ambiguity` allow, and writes an unpinned profile, so a run against it
// takes the harness's lenient branches and its detection of the signing choices. No switch breaks what
// the documents state: that is what faults.ts is for.
import { DEFAULT_CONVENTIONS, type Conventions } from '../auth/signer.ts';

import { SwitchedPersonality, type PersonalitySwitch } from '../../../mock-kit/personality.ts';

export { PERSONALITIES, UnknownPersonalityError, type PersonalityName, type PersonalitySwitch } from '../../../mock-kit/personality.ts';

export const PERSONALITY_SWITCHES = [
  { name: 'join-canonical-concatenated', requirements: ['KSIG-SE-ACC-001'], description: 'the values are joined in canonical order with no delimiter' },
  { name: 'content-md5-hex', requirements: ['KSIG-SE-ACC-001'], description: 'Content-MD5 is the digest in hex digits' },
  { name: 'signed-elements-required', requirements: ['KSIG-SE-OPT-001', 'KSIG-SE-HDR-001'], description: 'X-API-Signed-Elements is always required (AUTH_MISSING_HEADER)' },
  { name: 'element-errors-as-mismatch', requirements: ['KSIG-SE-API-001', 'KSIG-SE-CASE-001'], description: 'a list without API-Key or with unknown names is AUTH_SIGNATURE_MISMATCH' },
  { name: 'timestamp-expiry', requirements: ['KSIG-TS-EXP-001'], description: 'a Timestamp over 15 minutes old is refused (AUTH_INVALID_HEADER)' },
  { name: 'messages-with-detail', requirements: ['KSIG-ERR-MSG-001'], description: 'messages are worded otherwise than the examples' },
] as const satisfies readonly PersonalitySwitch[];

export type SwitchName = (typeof PERSONALITY_SWITCHES)[number]['name'];

export class Personality extends SwitchedPersonality<SwitchName> {
  /** How this personality builds the string to sign. */
  conventions(): Conventions {
    return {
      ...DEFAULT_CONVENTIONS,
      joining: this.has('join-canonical-concatenated') ? { order: 'canonical', delimiter: '' } : DEFAULT_CONVENTIONS.joining,
      contentMd5: this.has('content-md5-hex') ? 'hex' : DEFAULT_CONVENTIONS.contentMd5,
    };
  }
}
