// Every fault of the mock does what it says: a probe about one of the requirements the fault names sees
// the deviation with the fault on, and sees none against the clean mock. The probes are small on purpose:
// they show the faults work, not that the suites catch them (that is the suites' mutation test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakingNamed } from '../../families/ncp-kms/auth/breakings.ts';
import type { Action, Answer } from '../../families/ncp-kms/client.ts';
import { FAULT_NAMES, faultCatalogue, KeyPairs } from '../../families/ncp-kms/mock/index.ts';
import { loadCatalogue } from '../../families/ncp-kms/spec/catalogue.ts';
import { b64, dataOf, isRefusal, random64, started, type Started } from './support.ts';

interface Probe {
  requirement: string;
  /** true when the deviation shows */
  sees: (s: Started) => Promise<boolean>;
}

const served = (answer: Answer) => dataOf(answer) !== undefined;
const field = (answer: Answer, name: string) => dataOf(answer)?.[name];
const bodyOf = (answer: Answer) => (answer.body ?? {}) as Record<string, unknown>;
const call = (s: Started, role: keyof Started['mock']['keys'], action: Action, body: unknown, options = {}) => s.client.call(s.mock.keys[role].tag, action, body, options);
const encrypted = async (s: Started, plaintext: string, role: 'aes256' | 'aes256Second' = 'aes256') => field(await call(s, role, 'encrypt', { plaintext }), 'ciphertext') as string;
const breaking = (name: string, version: 'v1' | 'v2' = 'v2') => async (s: Started) => served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }, { version, breaking: breakingNamed(name) }));
const refusedWhere = (name: string, version: 'v1' | 'v2' = 'v2') => async (s: Started) => !served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }, { version, breaking: breakingNamed(name) }));
const rotatedAes = (s: Started) => s.mock.samples.rotated[0].samples;

const PROBES: Record<string, Probe> = {
  'success-code-ok': { requirement: 'NCP-ENV-SUC-001', sees: async (s) => bodyOf(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })).code !== 'SUCCESS' },
  'success-msg-text': { requirement: 'NCP-ENV-SUC-002', sees: async (s) => bodyOf(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })).msg !== '' },
  'success-201': { requirement: 'NCP-ENV-SUC-003', sees: async (s) => (await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })).status !== 200 },
  'content-type-text': { requirement: 'NCP-ENV-CT-001', sees: async (s) => !/^application\/json/.test((await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })).contentType ?? '') },
  'kms-errors-http-403': { requirement: 'NCP-ERR-STS-001', sees: async (s) => (await call(s, 'aes256', 'encrypt', { plaintext: '!' })).status !== 400 },
  'unknown-key-invalid-request': { requirement: 'NCP-ERR-MAP-001', sees: async (s) => bodyOf(await s.client.call('no-such-key', 'encrypt', { plaintext: 'AAAA' })).code !== 'NOT_FOUND' },
  'key-version-off-by-one': {
    requirement: 'NCP-PFX-CCK-002',
    sees: async (s) => {
      const data = dataOf(await call(s, 'aes256', 'createCustomKey', {}))!;
      return !(data.ciphertext as string).startsWith(`ncpkms:v${data.key_version}:`);
    },
  },
  'valid-as-number': {
    requirement: 'NCP-VFY-TYP-001',
    sees: async (s) => typeof field(await call(s, 'ecdsa', 'verify', { data: 'AAAA', signature: field(await call(s, 'ecdsa', 'sign', { data: 'AAAA' }), 'signature') }), 'valid') !== 'boolean',
  },
  'decrypt-drops-last-byte': { requirement: 'NCP-ENC-RT-001', sees: async (s) => field(await call(s, 'aes256', 'decrypt', { ciphertext: await encrypted(s, 'AAAA') }), 'plaintext') !== 'AAAA' },
  'plaintext-base64url': { requirement: 'NCP-ENC-B64-001', sees: async (s) => field(await call(s, 'aes256', 'decrypt', { ciphertext: await encrypted(s, '+/+/') }), 'plaintext') !== '+/+/' },
  'sign-drops-last-byte': {
    requirement: 'NCP-SIG-RT-001',
    sees: async (s) => field(await call(s, 'rsa2048', 'verify', { data: 'AAAA', signature: field(await call(s, 'rsa2048', 'sign', { data: 'AAAA' }), 'signature') }), 'valid') !== true,
  },
  'limit-16-kb': { requirement: 'NCP-ENC-LIM-001', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: random64(24_000) })) },
  'rsa-limit-128': { requirement: 'NCP-ENC-RSA-001', sees: async (s) => !served(await call(s, 'rsa2048', 'encrypt', { plaintext: random64(190) })) },
  'sign-limit-4-kb': { requirement: 'NCP-SIG-LIM-001', sees: async (s) => !served(await call(s, 'ecdsa', 'sign', { data: random64(6000) })) },
  'context-limit-32': { requirement: 'NCP-CNV-LIM-001', sees: async (s) => !served(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA', context: random64(36) })) },
  'bits-required': { requirement: 'NCP-CCK-GEN-002', sees: async (s) => !served(await call(s, 'aes256', 'createCustomKey', {})) },
  'bits-any': { requirement: 'NCP-CCK-BITS-002', sees: async (s) => served(await call(s, 'aes256', 'createCustomKey', { bits: 192 })) },
  'error-as-success': { requirement: 'NCP-ERR-GEN-001', sees: async (s) => served(await s.client.call('no-such-key', 'encrypt', { plaintext: 'AAAA' })) },
  'undocumented-error-code': { requirement: 'NCP-ERR-GEN-001', sees: async (s) => !isRefusal(await call(s, 'aes256', 'encrypt', { plaintext: '!' })) },
  'wrong-error-message': { requirement: 'NCP-ERR-GEN-002', sees: async (s) => !/invalid request/i.test(bodyOf(await call(s, 'aes256', 'encrypt', { plaintext: '!' })).msg as string) },
  'key-version-camel-case': { requirement: 'NCP-CCK-GEN-001', sees: async (s) => field(await call(s, 'aes256', 'createCustomKey', {}), 'key_version') === undefined },
  'no-prefix': { requirement: 'NCP-PFX-ENC-001', sees: async (s) => !/^ncpkms:v\d+:/.test(await encrypted(s, 'AAAA')) },
  'prefix-ignored': {
    requirement: 'NCP-PFX-DEC-001',
    sees: async (s) => field(await call(s, 'aes256', 'decrypt', { ciphertext: (await encrypted(s, 'AAAA')).replace(/^ncpkms:v\d+:/, '') }), 'plaintext') === 'AAAA',
  },
  'cross-key-decrypt': { requirement: 'NCP-PFX-DEC-003', sees: async (s) => field(await call(s, 'aes256', 'decrypt', { ciphertext: await encrypted(s, 'AAAA', 'aes256Second') }), 'plaintext') === 'AAAA' },
  'decrypt-ignores-tag': {
    requirement: 'NCP-SEC-CT-001',
    sees: async (s) => {
      const [, prefix, body] = /^(ncpkms:v\d+:)(.*)$/.exec(await encrypted(s, random64(32)))!;
      const bytes = Buffer.from(body, 'base64');
      bytes[15] ^= 1;
      return served(await call(s, 'aes256', 'decrypt', { ciphertext: prefix + b64(bytes) }));
    },
  },
  'deterministic-encryption': { requirement: 'NCP-SEC-RND-001', sees: async (s) => (await encrypted(s, 'AAAA')) === (await encrypted(s, 'AAAA')) },
  'verify-always-true': {
    requirement: 'NCP-VFY-NEG-001',
    sees: async (s) => field(await call(s, 'ecdsa', 'verify', { data: 'BBBB', signature: field(await call(s, 'ecdsa', 'sign', { data: 'AAAA' }), 'signature') }), 'valid') === true,
  },
  'rsa-oaep-sha1': { requirement: 'NCP-ENC-RSA-002', sees: async (s) => served(await call(s, 'rsa2048', 'encrypt', { plaintext: random64(191) })) },
  'custom-key-bits-ignored': { requirement: 'NCP-CCK-BITS-001', sees: async (s) => Buffer.from(field(await call(s, 'aes256', 'createCustomKey', { requestPlainKey: true, bits: 128 }), 'plaintext') as string, 'base64').length !== 16 },
  'custom-key-mismatch': {
    requirement: 'NCP-CCK-PLN-001',
    sees: async (s) => {
      const data = dataOf(await call(s, 'aes256', 'createCustomKey', { requestPlainKey: true }))!;
      return field(await call(s, 'aes256', 'decrypt', { ciphertext: data.ciphertext }), 'plaintext') !== data.plaintext;
    },
  },
  'plain-key-always': { requirement: 'NCP-CCK-PLN-002', sees: async (s) => field(await call(s, 'aes256', 'createCustomKey', {}), 'plaintext') !== undefined },
  'custom-key-reused': {
    requirement: 'NCP-CCK-RND-001',
    sees: async (s) => field(await call(s, 'aes256', 'createCustomKey', { requestPlainKey: true }), 'plaintext') === field(await call(s, 'aes256', 'createCustomKey', { requestPlainKey: true }), 'plaintext'),
  },
  'limit-off-by-one': { requirement: 'NCP-ENC-LIM-003', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: random64(32_768) })) },
  'limit-accepts-over': { requirement: 'NCP-ENC-LIM-002', sees: async (s) => served(await call(s, 'aes256', 'encrypt', { plaintext: random64(32_769) })) },
  'list-limit-per-item': { requirement: 'NCP-LST-LIM-001', sees: async (s) => served(await call(s, 'aes256', 'encrypt', { plaintext: [random64(11_000), random64(11_000), random64(11_000)] })) },
  'sign-limit-ignored': { requirement: 'NCP-SIG-LIM-002', sees: async (s) => served(await call(s, 'ecdsa', 'sign', { data: random64(8193) })) },
  'context-limit-ignored': { requirement: 'NCP-CNV-LIM-002', sees: async (s) => served(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA', context: random64(51) })) },
  'list-unsupported': { requirement: 'NCP-LST-ENC-001', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: ['AAAA', 'BBBB'] })) },
  'list-answer-misnamed': { requirement: 'NCP-LST-ENC-001', sees: async (s) => field(await call(s, 'aes256', 'encrypt', { plaintext: ['AAAA', 'BBBB'] }), 'ciphertextList') === undefined },
  'list-order-reversed': {
    requirement: 'NCP-LST-ORD-001',
    sees: async (s) => {
      const [first] = field(await call(s, 'aes256', 'encrypt', { plaintext: ['AAAA', 'BBBB'] }), 'ciphertextList') as string[];
      return field(await call(s, 'aes256', 'decrypt', { ciphertext: first }), 'plaintext') !== 'AAAA';
    },
  },
  'convergent-context-optional': { requirement: 'NCP-CNV-REQ-001', sees: async (s) => served(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA' })) },
  'convergent-random': {
    requirement: 'NCP-CNV-DET-001',
    sees: async (s) => field(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA', context: 'Y3R4' }), 'ciphertext') !== field(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA', context: 'Y3R4' }), 'ciphertext'),
  },
  'context-ignored': {
    requirement: 'NCP-CNV-CTX-001',
    sees: async (s) => {
      const ciphertext = field(await call(s, 'convergent', 'encrypt', { plaintext: 'AAAA', context: 'Y3R4' }), 'ciphertext');
      return field(await call(s, 'convergent', 'decrypt', { ciphertext, context: 'b3RoZXI=' }), 'plaintext') === 'AAAA';
    },
  },
  'encrypt-uses-oldest-version': { requirement: 'NCP-VER-ENC-001', sees: async (s) => !(await encrypted(s, 'AAAA')).startsWith('ncpkms:v3:') },
  'disabled-version-usable': { requirement: 'NCP-VER-DIS-001', sees: async (s) => served(await call(s, 'aes256', 'decrypt', { ciphertext: rotatedAes(s)[1].ciphertext })) },
  'old-version-refused': { requirement: 'NCP-VER-OLD-001', sees: async (s) => !served(await call(s, 'aes256', 'decrypt', { ciphertext: rotatedAes(s)[0].ciphertext })) },
  'reencrypt-keeps-version': {
    requirement: 'NCP-REN-VER-001',
    sees: async (s) => !String(field(await call(s, 'aes256', 'reencrypt', { ciphertext: rotatedAes(s)[0].ciphertext }), 'newCiphertext')).startsWith('ncpkms:v3:'),
  },
  'disabled-key-usable': { requirement: 'NCP-KEY-DIS-001', sees: async (s) => served(await s.client.call(s.mock.samples.disabledKey.keyTag, 'encrypt', { plaintext: 'AAAA' })) },
  'timestamp-unchecked': { requirement: 'NCP-GW-TS-001', sees: breaking('timestamp-outside-past') },
  'future-timestamp-unchecked': { requirement: 'NCP-GW-TS-002', sees: breaking('timestamp-outside-future') },
  'window-one-minute': { requirement: 'NCP-GW-TS-003', sees: refusedWhere('timestamp-inside-past') },
  'signature-unchecked': { requirement: 'NCP-GW-SIG-001', sees: breaking('wrong-signature') },
  'method-not-signed': { requirement: 'NCP-GW-SIG-004', sees: breaking('signed-other-method') },
  'unknown-access-key-accepted': { requirement: 'NCP-GW-SIG-003', sees: breaking('unknown-access-key') },
  'missing-timestamp-accepted': { requirement: 'NCP-GW-HDR-001', sees: breaking('missing-timestamp') },
  'missing-access-key-accepted': { requirement: 'NCP-GW-HDR-002', sees: breaking('missing-access-key') },
  'missing-signature-accepted': { requirement: 'NCP-GW-HDR-003', sees: breaking('missing-signature') },
  'v1-api-key-unchecked': { requirement: 'NCP-V1-HDR-001', sees: breaking('missing-api-key', 'v1') },
  'gateway-error-as-kms': {
    requirement: 'NCP-GW-ERR-003',
    sees: async (s) => bodyOf(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }, { breaking: breakingNamed('wrong-signature') })).error === undefined,
  },
  'auth-failure-500': { requirement: 'NCP-GW-ERR-001', sees: async (s) => (await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }, { breaking: breakingNamed('wrong-signature') })).status >= 500 },
  '5xx-on-bad-json': { requirement: 'NCP-ROB-JSON-001', sees: async (s) => (await call(s, 'aes256', 'encrypt', undefined, { rawBody: '{' })).status >= 500 },
  '5xx-on-bad-base64': { requirement: 'NCP-ROB-B64-001', sees: async (s) => (await call(s, 'aes256', 'encrypt', { plaintext: '!' })).status >= 500 },
  '5xx-on-unknown-action': { requirement: 'NCP-ROB-URL-001', sees: async (s) => (await call(s, 'aes256', 'encrypt', {}, { target: `/keys/v2/${s.mock.keys.aes256.tag}/rotate` })).status >= 500 },
  'wrong-type-breaks-service': {
    requirement: 'NCP-ROB-ALIVE-001',
    sees: async (s) => {
      await call(s, 'aes256', 'encrypt', { plaintext: { not: 'a string' } });
      return !served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }));
    },
  },
  'error-echoes-input': {
    requirement: 'NCP-SEC-ECHO-001',
    sees: async (s) => {
      const plaintext = random64(24);
      return JSON.stringify((await s.client.call('no-such-key', 'encrypt', { plaintext })).body).includes(plaintext);
    },
  },
  'dead-encrypt': { requirement: 'NCP-ENC-RT-001', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })) },
  'dead-decrypt': { requirement: 'NCP-ENC-RT-001', sees: async (s) => !served(await call(s, 'aes256', 'decrypt', { ciphertext: rotatedAes(s)[0].ciphertext })) },
  'dead-createCustomKey': { requirement: 'NCP-CCK-GEN-002', sees: async (s) => !served(await call(s, 'aes256', 'createCustomKey', {})) },
  'dead-reencrypt': { requirement: 'NCP-REN-RT-001', sees: async (s) => !served(await call(s, 'aes256', 'reencrypt', { ciphertext: rotatedAes(s)[0].ciphertext })) },
  'dead-sign': { requirement: 'NCP-SIG-RT-001', sees: async (s) => !served(await call(s, 'rsa2048', 'sign', { data: 'AAAA' })) },
  'dead-verify': { requirement: 'NCP-SIG-RT-001', sees: async (s) => !served(await call(s, 'ecdsa', 'verify', { data: s.mock.samples.rotated[2].samples[0].data, signature: s.mock.samples.rotated[2].samples[0].signature })) },
  'dead-v1': { requirement: 'NCP-V1-GEN-001', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' }, { version: 'v1' })) },
  'dead-v2': { requirement: 'NCP-GW-V2-001', sees: async (s) => !served(await call(s, 'aes256', 'encrypt', { plaintext: 'AAAA' })) },
};

const faults = faultCatalogue(loadCatalogue().requirements);
const keyPairs = new KeyPairs();

test('every fault has a probe, about a requirement the fault names, and every named requirement exists', () => {
  assert.deepEqual(FAULT_NAMES.filter((name) => !PROBES[name]), []);
  const ids = new Set(loadCatalogue().requirements.map((r) => r.id));
  for (const fault of faults) {
    assert.ok(fault.requirements.includes(PROBES[fault.name].requirement), `${fault.name} does not name ${PROBES[fault.name].requirement}`);
    assert.deepEqual(fault.requirements.filter((id) => !ids.has(id)), [], fault.name);
  }
});

test('against the clean mock no probe sees a deviation', async () => {
  const clean = await started({ keyPairs });
  const seen: string[] = [];
  for (const [name, probe] of Object.entries(PROBES)) if (await probe.sees(clean)) seen.push(name);
  assert.deepEqual(seen, []);
});

for (const name of FAULT_NAMES) {
  test(`fault ${name} shows (${PROBES[name]?.requirement})`, async () => {
    assert.ok(await PROBES[name].sees(await started({ faults: [name], keyPairs })));
  });
}
