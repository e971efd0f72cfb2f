// Every fault of the mock does what it says: a probe about one of the requirements the fault names sees
// the deviation with the fault on, and sees none against the clean mock. The probes are small on purpose:
// they show the faults work, not that a suite catches them (that is the suites' mutation test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakingNamed } from '../../families/ksig1/auth/breakings.ts';
import { AUTH_ERRORS, authErrorCode } from '../../families/ksig1/auth/errors.ts';
import { FAULT_NAMES, FAULTS } from '../../families/ksig1/mock/index.ts';
import { GET_CONTROL, POST_CONTROL, served, started, verdict, type Started } from './support.ts';

interface Probe {
  requirement: string;
  /** true when the deviation shows */
  sees: (s: Started) => Promise<boolean>;
}

/** The breaking is not answered the pinned way. */
const misjudged = (name: string, requirement = breakingNamed(name).requirements[0]): Probe => ({
  requirement,
  sees: async (s) => verdict(breakingNamed(name), await s.client.broken(POST_CONTROL, breakingNamed(name), s.ctx), true) !== undefined,
});

const PROBES: Record<string, Probe> = {
  'signature-unchecked': misjudged('wrong-signature'),
  'token-unchecked': misjudged('wrong-auth-token'),
  'secret-not-decoded': { requirement: 'KSIG-ACC-KEY-001', sees: async (s) => !served(await s.client.signed(GET_CONTROL, ['API-Key'])) },
  'wrong-code-missing-header': misjudged('missing-api-key'),
  'wrong-code-invalid-header': misjudged('wrong-scheme'),
  'wrong-code-invalid-api-key': misjudged('unknown-api-key'),
  'wrong-code-invalid-auth-token': misjudged('wrong-auth-token'),
  'wrong-code-signature-mismatch': misjudged('wrong-signature'),
  'refusal-200': misjudged('wrong-signature', 'KSIG-ERR-STS-001'),
  'missing-header-500': misjudged('missing-authorization'),
  'signed-elements-ignored': misjudged('listed-not-signed'),
  'element-names-case-insensitive': misjudged('element-names-other-case'),
  'api-key-optional-in-list': misjudged('api-key-not-listed'),
  'revoked-key-accepted': misjudged('revoked-api-key'),
  'conditional-header-as-empty': misjudged('missing-nonce'),
  'body-unchecked': misjudged('body-changed'),
  'errors-not-wrapped': misjudged('wrong-secret', 'KSIG-ERR-BODY-001'),
  'generic-messages': {
    requirement: 'KSIG-ERR-MSG-001',
    sees: async (s) => {
      const answer = await s.client.broken(POST_CONTROL, breakingNamed('wrong-signature'), s.ctx);
      return (answer.body as { errors: { message: string }[] }).errors[0].message !== AUTH_ERRORS[authErrorCode(answer.body)!];
    },
  },
};

test('every fault has a probe about a requirement the fault names', () => {
  assert.deepEqual(FAULT_NAMES.filter((name) => !PROBES[name]), []);
  for (const fault of FAULTS) assert.ok(fault.requirements.includes(PROBES[fault.name].requirement), `${fault.name} does not name ${PROBES[fault.name].requirement}`);
});

test('against the clean mock no probe sees a deviation', async () => {
  const clean = await started();
  const seen: string[] = [];
  for (const [name, probe] of Object.entries(PROBES)) if (await probe.sees(clean)) seen.push(name);
  assert.deepEqual(seen, []);
});

for (const name of FAULT_NAMES) {
  test(`fault ${name} shows (${PROBES[name]?.requirement})`, async () => {
    assert.ok(await PROBES[name].sees(await started({ faults: [name] })));
  });
}
