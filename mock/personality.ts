// The mock's two readings of what the documents leave open. `reference` plays one reading of every open
// point (mock/README.md, "Behaviour"); `alternate` turns on every switch below, each of which takes
// another reading that the documents and the catalogue's `ambiguity` text allow, so a harness run against
// it exercises the lenient branches that the reference never reaches. No switch breaks what the documents
// state: those are the faults (mock/faults.ts).
import { SwitchedPersonality, type PersonalitySwitch as SwitchBase } from '../mock-kit/personality.ts';

export { PERSONALITIES, UnknownPersonalityError, isPersonalityName, type PersonalityName } from '../mock-kit/personality.ts';

export type SwitchArea = 'envelope' | 'keys' | 'lifecycle' | 'versions' | 'crypto' | 'requests' | 'routing' | 'client';

export interface PersonalitySwitch extends SwitchBase {
  area: SwitchArea;
}

export const PERSONALITY_SWITCHES = [
  // envelope
  {
    name: 'success-message-uppercase', area: 'envelope', requirements: ['SKM-ENV-SUC-002'],
    description: 'a success reports resultMessage "SUCCESS" (resultCode stays 0)',
  },
  {
    name: 'created-201', area: 'envelope', requirements: ['SKM-ENV-SUC-003'],
    description: 'create-local-key and the three key creates answer HTTP 201 Created',
  },
  {
    name: 'content-type-without-charset', area: 'envelope', requirements: ['SKM-ENV-CT-001'],
    description: 'responses are application/json without a charset parameter',
  },
  {
    name: 'message-with-detail', area: 'envelope', requirements: ['SKM-ERR-GEN-002'],
    description: 'an error message carries a hint after the documented text',
  },
  {
    name: 'key-id-spelled-ID', area: 'envelope',
    requirements: ['SKM-ERR-GEN-002', 'SKM-ERR-KEYID-001', 'SKM-MGT-DEL-006', 'SKM-MGT-DEL-011'],
    description: 'Invalid Key Id is spelled "Invalid Key ID", as in the English guide',
  },
  {
    name: 'errors-http-400', area: 'envelope', requirements: ['SKM-ERR-TRN-001', 'SKM-ERR-URL-001'],
    description: 'under http4xx every error is HTTP 400 (a wrong method 405)',
  },
  {
    name: 'positive-result-codes', area: 'envelope', requirements: ['SKM-ERR-CODE-001'],
    description: 'error resultCodes are positive four-digit numbers (1001 upwards) unless resultCodes is given',
  },
  {
    name: 'error-body-empty-object', area: 'envelope', requirements: ['SKM-ERR-BODY-001'],
    description: 'an error carries body {} instead of null',
  },
  // keys
  {
    name: 'scheduled-key-invalid-key-status', area: 'keys', requirements: ['SKM-ERR-KEYID-002', 'SKM-MGT-DEL-004'],
    description: 'a key Scheduled to be Deleted answers Invalid Key Status instead of Invalid Key Id',
  },
  {
    name: 'stopped-key-invalid-key-id', area: 'keys', requirements: ['SKM-ERR-KSTAT-001'],
    description: 'a STOPPED key answers Invalid Key Id in decrypt and verify too',
  },
  {
    name: 'wrong-key-type-invalid-user-data', area: 'keys', requirements: ['SKM-ERR-KEYID-003'],
    description: 'a key of another type answers Invalid User Data instead of Invalid Key Id',
  },
  {
    name: 'key-id-case-insensitive', area: 'keys', requirements: ['SKM-ROB-PATH-001'],
    description: 'a key id in upper case names the same key',
  },
  // lifecycle
  {
    name: 'uuid-key-ids', area: 'lifecycle', requirements: ['SKM-MGT-CRT-005'],
    description: 'created keys get UUID ids (36 characters with hyphens)',
  },
  {
    name: 'create-propagation-delay', area: 'lifecycle', requirements: ['SKM-MGT-CRT-006', 'SKM-MGT-CRT-007', 'SKM-MGT-CRT-008'],
    description: 'a created key answers Invalid Key Id to data operations for its first 500 ms',
  },
  {
    name: 'repeat-schedule-returns-existing', area: 'lifecycle', requirements: ['SKM-MGT-DEL-005'],
    description: 'scheduling a scheduled key again succeeds with its existing deletionDateTime',
  },
  {
    name: 'deleted-key-invalid-key-status', area: 'lifecycle', requirements: ['SKM-MGT-DEL-012'],
    description: 'schedule or delete of a deleted key answers Invalid Key Status (until the mock restarts)',
  },
  {
    name: 'deletion-time-utc', area: 'lifecycle', requirements: ['SKM-MGT-DEL-002', 'SKM-MGT-DEL-003', 'SKM-MGT-DEL-010'],
    description: 'deletionDateTime is zone-less UTC to the second; the 7 days are not rounded up to the hour',
  },
  // versions
  {
    name: 'key-version-required', area: 'versions', requirements: ['SKM-SYM-KEY-007'],
    description: 'privateKey, publicKey and v1.1/v1.2 symmetric-key answer Invalid Key Version without ?keyVersion=',
  },
  {
    name: 'bad-key-version-invalid-key-version', area: 'versions', requirements: ['SKM-ROB-QRY-001'],
    description: 'a keyVersion that is not a whole number 0 or more answers Invalid Key Version',
  },
  {
    name: 'v10-symmetric-key-oldest-version', area: 'versions', requirements: ['SKM-SYM-KEY-008'],
    description: 'v1.0 symmetric-key returns the oldest In Service version (0 for an unrotated key)',
  },
  {
    name: 'scheduled-version-query-invalid-key-version', area: 'versions', requirements: ['SKM-VER-STAT-001'],
    description: 'a key query for a version Scheduled to be Deleted answers Invalid Key Version',
  },
  {
    name: 'v11-serves-v10-paths', area: 'versions', requirements: ['SKM-VER-V11-001'],
    description: 'other operations under /keymanager/v1.1/ are served as their v1.0 path',
  },
  // crypto
  {
    name: 'aes-cbc', area: 'crypto', requirements: ['SKM-SYM-KEY-006', 'SKM-ERR-DATA-002', 'SKM-SEC-CT-003', 'SKM-SEC-CT-004'],
    description: 'ciphertexts are AES-256-CBC: version, 16-byte IV, PKCS#7-padded blocks; a tampered one may decrypt to other text',
  },
  {
    name: 'unknown-version-invalid-user-data', area: 'crypto', requirements: ['SKM-ERR-DATA-001'],
    description: 'a ciphertext naming a version the key never had answers Invalid User Data',
  },
  {
    name: 'sign-pkcs1-sha256', area: 'crypto', requirements: ['SKM-ASY-SIGN-006'],
    description: 'signatures are RSASSA-PKCS1-v1_5 with SHA-256 (after the version prefix)',
  },
  {
    name: 'wrong-signature-invalid-user-data', area: 'crypto', requirements: ['SKM-ASY-VFY-005', 'SKM-SEC-SIG-001'],
    description: 'a well-formed signature that does not match answers Invalid User Data instead of result false',
  },
  {
    name: 'base64-unpadded', area: 'crypto', requirements: ['SKM-SYM-ENC-005', 'SKM-ASY-SIGN-002'],
    description: 'ciphertexts and signatures are Base64 without = padding; decrypt and verify take either',
  },
  {
    name: 'base64-lenient', area: 'crypto', requirements: ['SKM-ROB-B64-001'],
    description: 'decrypt and verify ignore white space and broken padding in Base64',
  },
  {
    name: 'hex-listing-uppercase-wrapped', area: 'crypto', requirements: ['SKM-SYM-KEY-002', 'SKM-ASY-PRV-003', 'SKM-ASY-PUB-003'],
    description: 'hex listings use upper-case digits ("0xAB") and a line break after every 16th comma',
  },
  {
    name: 'key-type-camel-case', area: 'crypto', requirements: ['SKM-ASY-PRV-002', 'SKM-ASY-PUB-002'],
    description: 'keyType is "privateKey" / "publicKey", as the paths spell it',
  },
  {
    name: 'local-key-raw-bytes', area: 'crypto', requirements: ['SKM-SYM-LCL-004'],
    description: 'localKeyCiphertext encrypts the 32 key bytes; decrypt returns text that is not UTF-8 as Latin-1',
  },
  // requests
  {
    name: 'text-limit-in-characters', area: 'requests', requirements: ['SKM-SYM-ENC-004', 'SKM-MGT-SLIM-001'],
    description: 'the 32 KB limits count characters: 32,768 pass, 32,769 fail, whatever their UTF-8 size',
  },
  {
    name: 'empty-plaintext-refused', area: 'requests', requirements: ['SKM-SYM-ENC-007'],
    description: 'encrypt refuses an empty plaintext with Invalid User Data',
  },
  {
    name: 'content-type-unchecked', area: 'requests', requirements: ['SKM-ROB-CT-001'],
    description: 'a JSON body is read whatever Content-Type it comes with, or none',
  },
  {
    name: 'scalars-coerced', area: 'requests', requirements: ['SKM-ROB-JSON-004'],
    description: 'a number or boolean where a string is documented is read as its text; "30" as autoRotationPeriod 30',
  },
  {
    name: 'unknown-fields-refused', area: 'requests', requirements: ['SKM-ROB-JSON-006'],
    description: 'a body with a field the operation does not document answers Invalid User Data',
  },
  {
    name: 'oversized-body-cut-short', area: 'requests', requirements: ['SKM-ROB-SIZE-001'],
    description: 'a body over 1 MiB is answered as soon as its size is known, and the connection closed unread',
  },
  // routing
  {
    name: 'wrong-method-405', area: 'routing', requirements: ['SKM-ROB-METH-001'],
    description: 'a documented path with another method answers Method Not Allowed (HTTP 405, Allow header)',
  },
  {
    name: 'lenient-paths', area: 'routing', requirements: ['SKM-ROB-PATH-003'],
    description: 'a trailing slash and the letter case of the fixed path segments are ignored',
  },
  {
    name: 'legacy-management-paths', area: 'routing', requirements: ['SKM-MGT-PATH-001'],
    description: 'create and delete are also served under /keymanager/v1.0/ and at keys/symmetric-key/create, keys/asymmetric-key/create',
  },
  {
    name: 'plain-http-redirects', area: 'routing', requirements: ['SKM-SEC-TLS-001'],
    description: 'the plain HTTP listener answers every request with a 308 redirect to HTTPS',
  },
  // client
  {
    name: 'certificate-field-example-spelling', area: 'client', requirements: ['SKM-CFM-BODY-002', 'SKM-CFM-BODY-003'],
    description: 'confirm spells clientSentCerfificate, as the examples do',
  },
  {
    name: 'mac-header-null-when-absent', area: 'client', requirements: ['SKM-CFM-BODY-001'],
    description: 'confirm reports clientMacHeader null when no X-TOAST-CLIENT-MAC-ADDR was sent',
  },
  {
    name: 'mac-echo-normalised', area: 'client', requirements: ['SKM-CAU-CFM-001'],
    description: 'confirm echoes a MAC address in upper case with ":"',
  },
  {
    name: 'mac-exact-notation', area: 'client', requirements: ['SKM-CAU-MAC-005'],
    description: 'MAC authentication accepts only the registered notation (lower case, ":")',
  },
  {
    name: 'client-ip-ipv6-mapped', area: 'client', requirements: ['SKM-CFM-IP-001'],
    description: 'confirm reports an IPv4 caller as an IPv4-mapped IPv6 address (::ffff:a.b.c.d)',
  },
  {
    name: 'tls-refuses-bad-certificates', area: 'client', requirements: ['SKM-CAU-CRT-002', 'SKM-CAU-CRT-003'],
    description: 'a client certificate the CA did not issue, or an expired one, ends the connection during TLS',
  },
  {
    name: 'credentials-invalid-appkey', area: 'client',
    requirements: ['SKM-MGT-AUTH-001', 'SKM-MGT-AUTH-002', 'SKM-MGT-AUTH-003', 'SKM-SEC-CRED-001', 'SKM-SEC-CRED-002'],
    description: 'missing or wrong v1.2 credentials answer Invalid Appkey',
  },
] as const satisfies readonly PersonalitySwitch[];

export type SwitchName = (typeof PERSONALITY_SWITCHES)[number]['name'];

/** The switches one mock instance plays. */
export class Personality extends SwitchedPersonality<SwitchName> {}
