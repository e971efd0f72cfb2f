// The generic auth-failure suite over the gateway's named breakings (auth/breakings.ts): per variant and
// breaking, the same encrypt correctly signed succeeds first (the positive control), then the broken one
// gets the breaking's outcome: refused by the gateway in its documented body, or still served (the edges
// of the timestamp window). A breaking whose requirements are all open SHOULDs is recorded unless pinned.
import { attribute } from '../../../harness/oracles/conformance-failure.ts';
import { breakingsFor, type Breaking } from '../auth/breakings.ts';
import type { SignatureVersion } from '../auth/signer.ts';
import { observe, type Expectations } from '../harness/expectations.ts';
import { control, expectRefused, expectRefusedOr, expectServed } from '../harness/refusal-check.ts';
import { keyTag, needVariant, VARIANTS } from '../harness/suite-support.ts';
import { randomText } from '../harness/valid-calls.ts';
import { catalogueEntry, requirement, test, variant } from '../harness/test.ts';

const GATEWAY_REFUSAL = ['NCP-GW-ERR-001', 'NCP-GW-ERR-002', 'NCP-GW-ERR-003'];

/** The requirements a breaking's test checks under `version`. */
function checked(breaking: Breaking, version: SignatureVersion): string[] {
  const own = breaking.requirements[version]!;
  return [...new Set(breaking.outcome === 'refused' ? [...own, ...GATEWAY_REFUSAL] : own)];
}

/** Open SHOULDs only (the v1 API key): a success is recorded, not failed, unless the profile pins one. */
function recordedOnly(ids: readonly string[], e: Expectations): boolean {
  return ids.every((id) => catalogueEntry(id).level !== 'MUST' && !e.strict(id));
}

for (const version of VARIANTS) {
  test.describe(`signature ${version}`, variant(version), () => {
    test.beforeEach(({ target }) => needVariant(target, version));

    for (const breaking of breakingsFor(version)) {
      const own = breaking.requirements[version]!;
      test(`${breaking.name}: ${breaking.description} is ${breaking.outcome}`, requirement(...checked(breaking, version)), async ({ kms, target, expectations }) => {
        const c = await control(kms, { keyTag: keyTag(target, 'aes256'), action: 'encrypt', version, body: { plaintext: randomText(24) } });
        if (breaking.outcome === 'served') {
          await attribute(own, () => expectServed(c, { breaking: { breaking } }));
          return;
        }
        const refusal = { breaking: { breaking }, blame: own, atGateway: expectations };
        if (!recordedOnly(own, expectations)) {
          await expectRefused(c, refusal);
          return;
        }
        await expectRefusedOr(c, refusal, () => observe(own.join(', '), `served ${breaking.description}`));
      });
    }
  });
}
