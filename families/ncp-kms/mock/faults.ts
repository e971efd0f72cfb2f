// Deliberate deviations from the documents, switched on by name, so the harness can be shown to catch
// services known to be wrong. Each names the catalogue requirements it violates. Besides them, one dead
// operation per logical operation (every call refused with INVALID_REQUEST) and one dead signature variant
// per variant (every call on its paths refused by the gateway).
import { FaultSwitches } from '../../../mock-kit/faults.ts';
import { SIGNATURE_VERSIONS } from '../auth/signer.ts';

export { UnknownFaultError } from '../../../mock-kit/faults.ts';

export type FaultCategory = 'envelope' | 'prefix' | 'crypto' | 'limits' | 'lists' | 'convergent' | 'lifecycle' | 'gateway' | 'robustness' | 'security' | 'dead';

export interface Fault {
  name: string;
  category: FaultCategory;
  description: string;
  /** requirement ids (spec/requirements.yaml) the fault violates */
  requirements: readonly string[];
}

const DEVIATIONS = [
  // envelope
  { name: 'success-code-ok', category: 'envelope', description: 'a success reports code "OK"', requirements: ['NCP-ENV-SUC-001'] },
  { name: 'success-msg-text', category: 'envelope', description: 'a success reports msg "success"', requirements: ['NCP-ENV-SUC-002'] },
  { name: 'success-201', category: 'envelope', description: 'a success is HTTP 201', requirements: ['NCP-ENV-SUC-003'] },
  { name: 'content-type-text', category: 'envelope', description: 'a success is sent as text/plain', requirements: ['NCP-ENV-CT-001'] },
  { name: 'kms-errors-http-403', category: 'envelope', description: 'every KMS refusal is HTTP 403', requirements: ['NCP-ERR-STS-001'] },
  { name: 'unknown-key-invalid-request', category: 'envelope', description: 'a keyTag that names no key answers INVALID_REQUEST', requirements: ['NCP-ERR-MAP-001'] },
  { name: 'error-as-success', category: 'envelope', description: 'a refused call reports code SUCCESS with an empty data object', requirements: ['NCP-ERR-GEN-001', 'NCP-ROB-JSON-001', 'NCP-ROB-B64-001', 'NCP-ROB-REQ-001', 'NCP-ROB-TYPE-001'] },
  { name: 'undocumented-error-code', category: 'envelope', description: 'INVALID_REQUEST is spelled BAD_REQUEST', requirements: ['NCP-ERR-GEN-001', 'NCP-ERR-MAP-002'] },
  { name: 'wrong-error-message', category: 'envelope', description: 'INVALID_REQUEST carries msg "Bad input"', requirements: ['NCP-ERR-GEN-002'] },
  { name: 'key-version-camel-case', category: 'envelope', description: 'createCustomKey answers keyVersion instead of key_version', requirements: ['NCP-CCK-GEN-001'] },
  { name: 'key-version-off-by-one', category: 'envelope', description: 'createCustomKey answers a key_version one below its prefix\'s', requirements: ['NCP-PFX-CCK-002'] },
  { name: 'valid-as-number', category: 'envelope', description: 'verify answers valid as 1 or 0', requirements: ['NCP-VFY-TYP-001', 'NCP-SIG-RT-001', 'NCP-SIG-RT-002'] },
  // prefix
  { name: 'no-prefix', category: 'prefix', description: 'ciphertexts carry no KMS prefix; decrypt takes them bare', requirements: ['NCP-PFX-ENC-001', 'NCP-PFX-CCK-001', 'NCP-PFX-REN-001', 'NCP-PFX-DEC-001'] },
  { name: 'prefix-ignored', category: 'prefix', description: 'decrypt ignores the prefix and tries every enabled version', requirements: ['NCP-PFX-DEC-001', 'NCP-PFX-DEC-002'] },
  { name: 'cross-key-decrypt', category: 'prefix', description: 'decrypt falls back to the other AES256 keys when its own does not open the ciphertext', requirements: ['NCP-PFX-DEC-003'] },
  // crypto
  { name: 'decrypt-drops-last-byte', category: 'crypto', description: 'decrypt returns the plaintext without its last byte', requirements: ['NCP-ENC-RT-001', 'NCP-ENC-RT-002', 'NCP-REN-RT-001', 'NCP-CNV-RT-001', 'NCP-CCK-PLN-001', 'NCP-LST-DEC-001', 'NCP-VER-OLD-001'] },
  { name: 'plaintext-base64url', category: 'crypto', description: 'decrypt answers URL-safe Base64', requirements: ['NCP-ENC-B64-001'] },
  { name: 'sign-drops-last-byte', category: 'crypto', description: 'sign signs the data without its last byte', requirements: ['NCP-SIG-RT-001', 'NCP-SIG-RT-002'] },
  { name: 'decrypt-ignores-tag', category: 'crypto', description: 'AES decrypt does not check the GCM tag', requirements: ['NCP-SEC-CT-001'] },
  { name: 'deterministic-encryption', category: 'crypto', description: 'keys that are not convergent encrypt with a fixed nonce', requirements: ['NCP-SEC-RND-001'] },
  { name: 'verify-always-true', category: 'crypto', description: 'verify answers valid true for any signature of a usable version', requirements: ['NCP-VFY-NEG-001', 'NCP-PFX-VFY-001'] },
  { name: 'rsa-oaep-sha1', category: 'crypto', description: 'RSA2048 encrypts with OAEP over SHA-1, so it takes up to 214 bytes', requirements: ['NCP-ENC-RSA-002'] },
  { name: 'custom-key-bits-ignored', category: 'crypto', description: 'createCustomKey always makes a 256-bit key', requirements: ['NCP-CCK-BITS-001'] },
  { name: 'custom-key-mismatch', category: 'crypto', description: 'createCustomKey wraps another key than the one it returns in plain', requirements: ['NCP-CCK-PLN-001'] },
  { name: 'plain-key-always', category: 'crypto', description: 'createCustomKey returns the plain key even when not asked', requirements: ['NCP-CCK-PLN-002'] },
  { name: 'custom-key-reused', category: 'crypto', description: 'createCustomKey returns the same data key every time', requirements: ['NCP-CCK-RND-001'] },
  // limits
  { name: 'limit-16-kb', category: 'limits', description: 'encrypt refuses more than 16 KB', requirements: ['NCP-ENC-LIM-001', 'NCP-ENC-LIM-003'] },
  { name: 'rsa-limit-128', category: 'limits', description: 'RSA2048 encrypt refuses more than 128 bytes', requirements: ['NCP-ENC-RSA-001'] },
  { name: 'sign-limit-4-kb', category: 'limits', description: 'sign refuses more than 4 KB', requirements: ['NCP-SIG-LIM-001', 'NCP-SIG-LIM-003'] },
  { name: 'context-limit-32', category: 'limits', description: 'a context over 32 bytes is refused', requirements: ['NCP-CNV-LIM-001', 'NCP-CNV-LIM-003'] },
  { name: 'bits-required', category: 'crypto', description: 'createCustomKey without bits is refused', requirements: ['NCP-CCK-GEN-002'] },
  { name: 'bits-any', category: 'crypto', description: 'createCustomKey takes any bits that is a multiple of 8 up to 1024', requirements: ['NCP-CCK-BITS-002'] },
  { name: 'limit-off-by-one', category: 'limits', description: 'encrypt refuses exactly 32,768 bytes', requirements: ['NCP-ENC-LIM-003'] },
  { name: 'limit-accepts-over', category: 'limits', description: 'encrypt accepts up to 64 KB', requirements: ['NCP-ENC-LIM-002', 'NCP-ENC-LIM-003', 'NCP-LST-LIM-001'] },
  { name: 'list-limit-per-item', category: 'limits', description: 'a list is limited per item, not in sum', requirements: ['NCP-LST-LIM-001'] },
  { name: 'sign-limit-ignored', category: 'limits', description: 'sign accepts data of any size', requirements: ['NCP-SIG-LIM-002', 'NCP-SIG-LIM-003'] },
  { name: 'context-limit-ignored', category: 'limits', description: 'a context of any size is accepted', requirements: ['NCP-CNV-LIM-002'] },
  // lists
  { name: 'list-unsupported', category: 'lists', description: 'list inputs are refused with INVALID_REQUEST', requirements: ['NCP-LST-ENC-001', 'NCP-LST-DEC-001', 'NCP-LST-REN-001'] },
  { name: 'list-answer-misnamed', category: 'lists', description: 'list answers come under ciphertext, plaintext and newCiphertext', requirements: ['NCP-LST-ENC-001', 'NCP-LST-DEC-001', 'NCP-LST-REN-001'] },
  { name: 'list-order-reversed', category: 'lists', description: 'list answers come in reverse order', requirements: ['NCP-LST-ORD-001'] },
  // convergent
  { name: 'convergent-context-optional', category: 'convergent', description: 'a convergent key works without context', requirements: ['NCP-CNV-REQ-001', 'NCP-CNV-REQ-002'] },
  { name: 'convergent-random', category: 'convergent', description: 'a convergent key encrypts with a fresh nonce', requirements: ['NCP-CNV-DET-001'] },
  { name: 'context-ignored', category: 'convergent', description: 'context takes no part in the cipher', requirements: ['NCP-CNV-CTX-001', 'NCP-CNV-DIF-001'] },
  // lifecycle
  { name: 'encrypt-uses-oldest-version', category: 'lifecycle', description: 'encrypt, createCustomKey, reencrypt and sign use the oldest enabled version', requirements: ['NCP-VER-ENC-001', 'NCP-REN-VER-001'] },
  { name: 'disabled-version-usable', category: 'lifecycle', description: 'disabled versions still decrypt and verify', requirements: ['NCP-VER-DIS-001', 'NCP-VER-DIS-002', 'NCP-VER-DIS-003', 'NCP-ERR-MAP-003'] },
  { name: 'old-version-refused', category: 'lifecycle', description: 'only the newest version decrypts and verifies', requirements: ['NCP-VER-OLD-001', 'NCP-VER-OLD-002', 'NCP-REN-VER-001'] },
  { name: 'reencrypt-keeps-version', category: 'lifecycle', description: 'reencrypt encrypts again under the version the ciphertext names', requirements: ['NCP-REN-VER-001'] },
  { name: 'disabled-key-usable', category: 'lifecycle', description: 'a disabled key still works', requirements: ['NCP-KEY-DIS-001', 'NCP-KEY-DIS-002'] },
  // gateway
  { name: 'timestamp-unchecked', category: 'gateway', description: 'the gateway takes any timestamp', requirements: ['NCP-GW-TS-001', 'NCP-GW-TS-002', 'NCP-GW-TS-005'] },
  { name: 'future-timestamp-unchecked', category: 'gateway', description: 'the gateway takes any timestamp in the future', requirements: ['NCP-GW-TS-002'] },
  { name: 'window-one-minute', category: 'gateway', description: 'the timestamp window is 1 minute instead of 5', requirements: ['NCP-GW-TS-003', 'NCP-GW-TS-004'] },
  { name: 'signature-unchecked', category: 'gateway', description: 'any signature value passes', requirements: ['NCP-GW-SIG-001', 'NCP-GW-SIG-002', 'NCP-GW-SIG-004', 'NCP-V1-SIG-001'] },
  { name: 'method-not-signed', category: 'gateway', description: 'a signature made for another method passes', requirements: ['NCP-GW-SIG-004'] },
  { name: 'unknown-access-key-accepted', category: 'gateway', description: 'an unknown access key is taken as the account\'s own', requirements: ['NCP-GW-SIG-003'] },
  { name: 'missing-timestamp-accepted', category: 'gateway', description: 'without a timestamp header, the signature is not checked', requirements: ['NCP-GW-HDR-001'] },
  { name: 'missing-access-key-accepted', category: 'gateway', description: 'without an access key header, the account\'s own is assumed', requirements: ['NCP-GW-HDR-002'] },
  { name: 'missing-signature-accepted', category: 'gateway', description: 'a request without its signature header passes', requirements: ['NCP-GW-HDR-003', 'NCP-V1-HDR-002'] },
  { name: 'v1-api-key-unchecked', category: 'gateway', description: 'signature v1 passes without the API key', requirements: ['NCP-V1-HDR-001'] },
  { name: 'gateway-error-as-kms', category: 'gateway', description: 'gateway refusals come as the KMS envelope (HTTP 401, code UNAUTHORIZED)', requirements: ['NCP-GW-ERR-002', 'NCP-GW-ERR-003'] },
  { name: 'auth-failure-500', category: 'gateway', description: 'gateway refusals come with HTTP 500', requirements: ['NCP-GW-ERR-001', 'NCP-GW-ERR-002'] },
  // robustness
  { name: '5xx-on-bad-json', category: 'robustness', description: 'a body that is not JSON gets INTERNAL_SERVER_ERROR and HTTP 500', requirements: ['NCP-ROB-JSON-001', 'NCP-ROB-GEN-001'] },
  { name: '5xx-on-bad-base64', category: 'robustness', description: 'a field that is not Base64 gets INTERNAL_SERVER_ERROR and HTTP 500', requirements: ['NCP-ROB-B64-001', 'NCP-ROB-GEN-001'] },
  { name: '5xx-on-unknown-action', category: 'robustness', description: 'an unknown action gets HTTP 500', requirements: ['NCP-ROB-URL-001', 'NCP-ROB-GEN-001'] },
  { name: 'wrong-type-breaks-service', category: 'robustness', description: 'an object where plaintext belongs stops the service: every later call gets HTTP 500', requirements: ['NCP-ROB-ALIVE-001', 'NCP-ROB-TYPE-001', 'NCP-ROB-GEN-001'] },
  // security
  { name: 'error-echoes-input', category: 'security', description: 'a refused call carries the request body in data', requirements: ['NCP-SEC-ECHO-001'] },
] as const satisfies readonly Fault[];

export type DeviationName = (typeof DEVIATIONS)[number]['name'];
export const LOGICAL_OPERATIONS = ['encrypt', 'decrypt', 'createCustomKey', 'reencrypt', 'sign', 'verify'] as const;

/** Requirements are filled in from the catalogue by the caller (faultCatalogue): those naming the operation or variant. */
const DEAD = [
  ...LOGICAL_OPERATIONS.map((op) => ({ name: `dead-${op}`, category: 'dead' as const, description: `every ${op} call, in both variants, is refused with INVALID_REQUEST`, operation: op })),
  ...SIGNATURE_VERSIONS.map((v) => ({ name: `dead-${v}`, category: 'dead' as const, description: `every call under /keys/${v}/ is refused by the gateway (401)`, version: v })),
];

export interface CatalogueEntry {
  id: string;
  operations: readonly string[];
  versions?: readonly string[];
  level: string;
}

/** Every fault with the requirements it violates; a dead operation or variant violates every MUST about it. */
export function faultCatalogue(requirements: readonly CatalogueEntry[]): Fault[] {
  const dead = DEAD.map((d): Fault => ({
    name: d.name,
    category: d.category,
    description: d.description,
    requirements: requirements
      .filter((r) => r.level === 'MUST' && ('operation' in d ? r.operations.includes(d.operation) : r.versions?.includes(d.version)))
      .map((r) => r.id),
  }));
  return [...DEVIATIONS, ...dead];
}

export const FAULT_NAMES: readonly string[] = [...DEVIATIONS.map((d) => d.name), ...DEAD.map((d) => d.name)];

/** The faults switched on for one mock instance. */
export class Faults extends FaultSwitches<DeviationName> {
  constructor(names: readonly string[] = []) {
    super(FAULT_NAMES, names);
  }
}
