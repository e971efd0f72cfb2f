// Deliberate deviations from the documents, switched on by name (`--fault NAME`), so the harness can be
// shown to catch implementations known to be wrong. Each names the catalogue requirements it violates.
// Besides the hand-made deviations, one dead-operation fault per logical operation refuses every call of
// that operation: every requirement on the operation is then unmet.
import { FaultSwitches } from '../mock-kit/faults.ts';
import { logicalOperations } from '../generated/skm/operations.ts';
import { requirements as catalogue } from '../generated/skm/requirements.ts';

export { UnknownFaultError } from '../mock-kit/faults.ts';

export type FaultCategory = 'envelope' | 'crypto' | 'limits' | 'auth' | 'lifecycle' | 'robustness' | 'operation';

export interface Fault {
  name: string;
  /** a deviation bends one behaviour; a dead operation refuses every call of `operation` */
  kind: 'deviation' | 'dead-operation';
  category: FaultCategory;
  description: string;
  /** requirement ids (families/skm/spec/requirements.yaml) the fault violates */
  requirements: readonly string[];
  /** the logical operation (the spec's x-operation) a dead-operation fault refuses */
  operation?: string;
}

type Deviation = Omit<Fault, 'kind' | 'operation'>;

const DEVIATIONS = [
  // envelope
  {
    name: 'error-as-success',
    category: 'envelope',
    description: 'error responses report header.isSuccessful true',
    // Every error is misreported, so every requirement that expects a refusal is violated.
    requirements: [
      'SKM-ERR-GEN-001', 'SKM-ROB-GEN-002', 'SKM-MGT-AUTH-001', 'SKM-MGT-AUTH-002', 'SKM-MGT-AUTH-003',
      'SKM-ROB-JSON-001', 'SKM-ROB-JSON-002', 'SKM-ROB-JSON-003', 'SKM-ROB-JSON-004', 'SKM-ROB-PATH-001',
      'SKM-ROB-PATH-002', 'SKM-ROB-LEAK-001', 'SKM-ROB-ALIVE-001', 'SKM-ROB-GEN-001', 'SKM-SEC-ECHO-002',
      'SKM-SEC-CRED-001', 'SKM-SEC-CRED-002',
      'SKM-ERR-GEN-002', 'SKM-ERR-TRN-001', 'SKM-ERR-APPKEY-001', 'SKM-ERR-KEYID-001', 'SKM-ERR-KEYID-002',
      'SKM-ERR-KEYID-003', 'SKM-ERR-KEYVER-001', 'SKM-ERR-KEYVER-002', 'SKM-ERR-KEYVER-003', 'SKM-ERR-DATA-001',
      'SKM-ERR-KSTAT-001', 'SKM-ERR-KVSTAT-001', 'SKM-ERR-KVSTAT-002', 'SKM-ERR-URL-001', 'SKM-SYM-ENC-003',
      'SKM-SYM-ENC-004', 'SKM-ASY-SIGN-004', 'SKM-ASY-SIGN-005', 'SKM-VER-STAT-001', 'SKM-MGT-ERR-001',
      'SKM-MGT-CRT-010', 'SKM-MGT-CRT-011', 'SKM-MGT-ROT-003', 'SKM-MGT-ROT-004', 'SKM-MGT-SLIM-002',
      'SKM-MGT-DEL-004', 'SKM-MGT-DEL-005', 'SKM-MGT-DEL-006', 'SKM-MGT-DEL-007', 'SKM-MGT-DEL-012',
      'SKM-CAU-IP-001', 'SKM-CAU-IP-002', 'SKM-CAU-MAC-001', 'SKM-CAU-MAC-002', 'SKM-CAU-MAC-003',
      'SKM-CAU-CRT-001', 'SKM-CAU-CRT-002', 'SKM-CAU-CRT-003', 'SKM-CAU-CRT-004', 'SKM-CAU-ALL-001',
      'SKM-CAU-ALL-002', 'SKM-CAU-PUB-002', 'SKM-ROB-QRY-001', 'SKM-ROB-B64-001', 'SKM-ROB-HDR-001',
      'SKM-ROB-HDR-002', 'SKM-SEC-TEN-001', 'SKM-SEC-TEN-002', 'SKM-SEC-TEN-003', 'SKM-SEC-TEN-004',
      'SKM-SEC-ECHO-001', 'SKM-SEC-CERT-001',
    ],
  },
  {
    name: 'wrong-message',
    category: 'envelope',
    description: 'Invalid Key Id is spelled "Invalid KeyId"',
    requirements: [
      'SKM-ERR-GEN-002', 'SKM-ERR-KEYID-001', 'SKM-ERR-KEYID-002', 'SKM-MGT-DEL-004', 'SKM-MGT-DEL-006',
    ],
  },
  { name: 'missing-keyversion', category: 'envelope', description: 'encrypt responses omit body.keyVersion', requirements: ['SKM-SYM-ENC-001', 'SKM-VER-TYPE-001'] },
  {
    name: 'keyversion-string',
    category: 'envelope',
    description: 'keyVersion is a JSON string in encrypt, decrypt, sign and verify responses',
    requirements: [
      'SKM-VER-TYPE-001', 'SKM-SYM-ENC-001', 'SKM-SYM-DEC-001', 'SKM-ASY-SIGN-001', 'SKM-ASY-VFY-001',
      'SKM-SYM-KEY-005',
    ],
  },
  { name: 'error-echoes-input', category: 'envelope', description: 'error responses echo the request body (plaintext, secretValue) in body', requirements: ['SKM-SEC-ECHO-001', 'SKM-ERR-BODY-001'] },
  // crypto
  {
    name: 'ciphertext-not-base64',
    category: 'crypto',
    description: 'ciphertexts are MIME Base64 (line breaks every 76 characters, trailing CRLF)',
    requirements: [
      'SKM-SYM-ENC-005', 'SKM-SYM-LCL-003',
    ],
  },
  { name: 'deterministic-encryption', category: 'crypto', description: 'encryption uses a fixed IV, so equal plaintexts give equal ciphertexts', requirements: ['SKM-SEC-CT-001'] },
  {
    name: 'decrypt-ignores-tag',
    category: 'crypto',
    description: 'decrypt does not check the GCM tag and returns whatever a tampered ciphertext yields',
    requirements: [
      'SKM-ERR-DATA-001', 'SKM-ERR-DATA-002', 'SKM-SEC-CT-003',
    ],
  },
  { name: 'local-key-16-bytes', category: 'crypto', description: 'create-local-key returns a 16-byte key', requirements: ['SKM-SYM-LCL-002'] },
  { name: 'local-key-ciphertext-mismatch', category: 'crypto', description: 'localKeyCiphertext encrypts a different key than localKeyPlaintext', requirements: ['SKM-SYM-LCL-004'] },
  { name: 'local-key-reused', category: 'crypto', description: 'create-local-key returns the same local key on every call', requirements: ['SKM-SYM-LCL-005'] },
  {
    name: 'sign-no-verify',
    category: 'crypto',
    description: 'verify answers result true for any well-formed signature',
    requirements: [
      'SKM-ASY-VFY-003', 'SKM-ASY-VFY-004', 'SKM-ASY-VFY-005', 'SKM-SEC-SIG-001',
    ],
  },
  { name: 'public-key-pkcs1', category: 'crypto', description: 'publicKey is PKCS#1 RSAPublicKey DER instead of SubjectPublicKeyInfo', requirements: ['SKM-ASY-PUB-006'] },
  { name: 'private-key-pkcs1', category: 'crypto', description: 'privateKey is PKCS#1 RSAPrivateKey DER instead of PKCS#8', requirements: ['SKM-ASY-PRV-006'] },
  {
    name: 'hex-listing-uppercase-no-space',
    category: 'crypto',
    description: 'hex listings are written "0X3A,0X82" (uppercase, no space)',
    requirements: [
      'SKM-SYM-KEY-002', 'SKM-ASY-PRV-003', 'SKM-ASY-PUB-003',
    ],
  },
  // limits
  { name: 'limit-off-by-one', category: 'limits', description: 'encrypt plaintext and secretValue of exactly 32,768 bytes are rejected', requirements: ['SKM-SYM-ENC-002', 'SKM-MGT-SLIM-001'] },
  {
    name: 'limit-accepts-over',
    category: 'limits',
    description: 'encrypt plaintext and secretValue of 32,769 bytes are accepted',
    requirements: [
      'SKM-SYM-ENC-003', 'SKM-SYM-ENC-004', 'SKM-MGT-SLIM-002', 'SKM-ROB-GEN-002',
    ],
  },
  { name: 'limit-counts-characters', category: 'limits', description: 'the 32 KB limits count characters, so 32,768 multi-byte characters pass', requirements: ['SKM-SYM-ENC-004'] },
  { name: 'sign-limit-ignored', category: 'limits', description: 'sign accepts plaintext over 245 bytes (signs its first 245 bytes)', requirements: ['SKM-ASY-SIGN-004', 'SKM-ASY-SIGN-005', 'SKM-ROB-GEN-002'] },
  // auth
  { name: 'ipv4-ignored', category: 'auth', description: 'IPv4 allowlists are not checked', requirements: ['SKM-CAU-IP-001', 'SKM-CAU-IP-002', 'SKM-CAU-PUB-002'] },
  {
    name: 'mac-ignored',
    category: 'auth',
    description: 'MAC authentication passes without (or with any) X-TOAST-CLIENT-MAC-ADDR',
    requirements: [
      'SKM-CAU-MAC-001', 'SKM-CAU-MAC-002', 'SKM-CAU-MAC-003', 'SKM-CAU-ALL-001', 'SKM-CAU-ALL-002',
      'SKM-CAU-PUB-002', 'SKM-ROB-HDR-001',
    ],
  },
  { name: 'mac-not-in-service-accepted', category: 'auth', description: 'a registered MAC that is Scheduled to be Deleted still passes', requirements: ['SKM-CAU-MAC-003'] },
  { name: 'cert-expired-accepted', category: 'auth', description: 'an expired client certificate issued by the mock passes', requirements: ['SKM-CAU-CRT-003'] },
  { name: 'cert-foreign-accepted', category: 'auth', description: 'any client certificate passes, whoever issued it', requirements: ['SKM-CAU-CRT-002', 'SKM-CAU-CRT-003', 'SKM-CAU-CRT-004'] },
  { name: 'cert-not-in-service-accepted', category: 'auth', description: 'a client certificate whose record is not In Service passes', requirements: ['SKM-CAU-CRT-004'] },
  { name: 'plain-http-skips-cert', category: 'auth', description: 'over plain HTTP, certificate authentication is skipped instead of failing', requirements: ['SKM-SEC-CERT-001', 'SKM-CAU-CRT-001'] },
  {
    name: 'v12-secret-unchecked',
    category: 'auth',
    description: 'v1.2 getSecret accepts any X-TC-AUTHENTICATION-SECRET for a known access key id',
    requirements: [
      'SKM-SEC-CRED-001', 'SKM-SEC-CRED-003', 'SKM-ROB-HDR-002', 'SKM-ERR-GEN-001', 'SKM-MGT-AUTH-002',
    ],
  },
  { name: 'cross-tenant-read', category: 'auth', description: 'a key of another appkey can be used under any valid appkey', requirements: ['SKM-SEC-TEN-001', 'SKM-SEC-TEN-002', 'SKM-SEC-TEN-003'] },
  { name: 'public-key-needs-auth', category: 'auth', description: 'getPublicKey applies the key store client authentication', requirements: ['SKM-CAU-PUB-001'] },
  // lifecycle
  { name: 'scheduled-key-readable', category: 'lifecycle', description: 'a key Scheduled to be Deleted can still be read and used', requirements: ['SKM-ERR-KEYID-002', 'SKM-MGT-DEL-004'] },
  { name: 'immediate-delete-active', category: 'lifecycle', description: 'an In Service key can be deleted immediately', requirements: ['SKM-MGT-DEL-007', 'SKM-MGT-DEL-008'] },
  { name: 'deletion-window-1-day', category: 'lifecycle', description: 'scheduled deletion happens after 1 day instead of 7', requirements: ['SKM-MGT-DEL-002'] },
  {
    name: 'old-version-decrypt-fails',
    category: 'lifecycle',
    description: 'ciphertexts and signatures of older In Service versions fail with Invalid Key Version',
    requirements: [
      'SKM-VER-ROT-004', 'SKM-VER-ROT-005', 'SKM-VER-ROT-006', 'SKM-ERR-KVSTAT-001', 'SKM-ERR-KVSTAT-002',
    ],
  },
  {
    name: 'v11-keyversion-ignored',
    category: 'lifecycle',
    description: 'v1.1 and v1.2 symmetric-key queries return the newest version whatever keyVersion asks for',
    requirements: [
      'SKM-SYM-KEY-005', 'SKM-VER-ROT-007', 'SKM-ERR-KEYVER-001', 'SKM-VER-STAT-001',
    ],
  },
  {
    name: 'scheduled-version-usable',
    category: 'lifecycle',
    description: 'a key version Scheduled to be Deleted still decrypts, verifies and can be read',
    requirements: [
      'SKM-ERR-KVSTAT-001', 'SKM-ERR-KVSTAT-002', 'SKM-VER-STAT-001',
    ],
  },
  {
    name: 'encrypt-uses-oldest-version',
    category: 'lifecycle',
    description: 'encrypt, create-local-key and sign use the oldest In Service version',
    requirements: [
      'SKM-VER-ROT-001', 'SKM-VER-ROT-002', 'SKM-VER-ROT-003',
    ],
  },
  // robustness
  { name: '5xx-on-bad-json', category: 'robustness', description: 'a body that is not valid JSON gets HTTP 500', requirements: ['SKM-ROB-JSON-001', 'SKM-ROB-GEN-001'] },
  {
    name: 'stack-trace-in-error',
    category: 'robustness',
    description: 'error messages carry a stack trace',
    requirements: [
      'SKM-ROB-LEAK-001', 'SKM-ERR-GEN-002', 'SKM-ERR-KEYID-001', 'SKM-ERR-KEYID-002', 'SKM-ERR-KEYVER-001',
      'SKM-VER-STAT-001', 'SKM-MGT-DEL-004', 'SKM-CAU-ALL-001', 'SKM-CAU-ALL-002', 'SKM-CAU-PUB-002',
      'SKM-ROB-QRY-001', 'SKM-SEC-TEN-001', 'SKM-SEC-ECHO-003',
    ],
  },
  {
    name: 'error-5xx-on-unknown-url',
    category: 'robustness',
    description: 'an unknown path or method gets HTTP 500 instead of URL NOT FOUND',
    requirements: [
      'SKM-ERR-URL-001', 'SKM-ROB-GEN-001', 'SKM-VER-V11-001', 'SKM-ROB-PATH-003',
    ],
  },
] as const satisfies readonly Deviation[];

type LogicalOperation = (typeof logicalOperations)[number];
export type DeviationName = (typeof DEVIATIONS)[number]['name'];

/** Keyed operations answer Invalid Key Id (no such key); the others Invalid Appkey, the only check before them. */
function deadOperation(operation: LogicalOperation): Fault {
  return {
    name: `dead-${operation}`,
    kind: 'dead-operation',
    category: 'operation',
    description: `every ${operation} call, in every API version, is refused (Invalid Key Id, or Invalid Appkey where no key is named)`,
    requirements: catalogue.filter((r) => r.operations.includes(operation)).map((r) => r.id),
    operation,
  };
}

export const FAULTS: readonly Fault[] = [
  ...DEVIATIONS.map((d): Fault => ({ ...d, kind: 'deviation' })),
  ...logicalOperations.map(deadOperation),
];

/** The faults switched on for one mock instance. */
export class Faults extends FaultSwitches<DeviationName> {
  constructor(names: readonly string[] = []) {
    super(FAULTS.map((f) => f.name), names);
  }
}
