// The mock's readings of what the NAVER documents leave open. `reference` plays one reading of each point
// and writes a profile that pins it; `alternate` turns on every switch below, each another reading the
// documents and the catalogue's `ambiguity` allow, and writes an unpinned profile, so a run against it takes
// the harness's lenient branches. No switch breaks what the documents state: that is what faults.ts is for.

import { SwitchedPersonality, type PersonalitySwitch } from '../../../mock-kit/personality.ts';

export { PERSONALITIES, UnknownPersonalityError, type PersonalityName, type PersonalitySwitch } from '../../../mock-kit/personality.ts';

export const PERSONALITY_SWITCHES = [
  { name: 'v1-sign-without-api-key', requirements: ['NCP-V1-GEN-001'], description: 'the v1 string to sign leaves the API key out' },
  { name: 'kms-errors-http-200', requirements: ['NCP-ERR-STS-001'], description: 'KMS error envelopes come with HTTP 200' },
  { name: 'unknown-key-forbidden', requirements: ['NCP-ERR-MAP-001'], description: 'a keyTag that names no key answers FORBIDDEN' },
  { name: 'disabled-unprocessable', requirements: ['NCP-ERR-MAP-003'], description: 'a disabled key or version answers UNPROCESSABLE_ENTITY' },
  { name: 'message-with-detail', requirements: ['NCP-ERR-GEN-002'], description: 'an error msg carries a detail after the documented message' },
  {
    name: 'gateway-refusals-vary', requirements: ['NCP-GW-ERR-002', 'NCP-GW-ERR-003'],
    description: 'a missing header is 400 Bad Request Exception, an unknown access key 401 Permission Denied, and gateway bodies carry no details',
  },
  {
    name: 'limits-count-base64-text', requirements: ['NCP-ENC-LIM-003', 'NCP-SIG-LIM-003', 'NCP-CNV-LIM-003'],
    description: 'the 32 KB, 8 KB and 50-byte limits count Base64 characters, not decoded bytes',
  },
  { name: 'reencrypt-one-spelling', requirements: ['NCP-REN-SPL-002'], description: 'only /reencrypt is served; /re-encrypt is the gateway\'s 404' },
  { name: 'signature-without-prefix', requirements: ['NCP-PFX-SIG-001', 'NCP-PFX-VFY-001'], description: 'signatures are bare Base64, without the KMS prefix' },
  { name: 'wrong-signature-refused', requirements: ['NCP-VFY-NEG-001', 'NCP-VER-DIS-002'], description: 'a signature that does not verify answers INVALID_REQUEST instead of valid false' },
  { name: 'success-msg-absent', requirements: ['NCP-ENV-SUC-002'], description: 'a success carries no msg' },
  { name: 'first-version-zero', requirements: ['NCP-VER-NUM-001'], description: 'key versions are numbered from 0' },
  { name: 'valid-as-string', requirements: ['NCP-VFY-TYP-001'], description: 'verify answers valid as the string "true" or "false"' },
] as const satisfies readonly PersonalitySwitch[];

export type SwitchName = (typeof PERSONALITY_SWITCHES)[number]['name'];

export class Personality extends SwitchedPersonality<SwitchName> {}
