// The generic auth-failure suite over the named breakings of the core and revocation profiles: each
// required header missing, a malformed Authorization, an unknown or revoked API key, a wrong token, a
// wrong signature or secret. Each after its positive control, in the same test (harness/breaking-tests.ts).
// Statements and sources: spec/requirements.yaml.
import { BREAKINGS } from '../auth/breakings.ts';
import { aboutSignedElements, breakingTitle, checkedBy, judgeBreaking } from '../harness/breaking-tests.ts';
import { catalogueEntry, checks, test } from '../harness/test.ts';

test.describe('auth failures', () => {
  for (const breaking of BREAKINGS.filter((b) => !aboutSignedElements(b, (id) => catalogueEntry(id).profile))) {
    test(breakingTitle(breaking), checks(...checkedBy(breaking)), ({ ksig, target, expectations }) => judgeBreaking(breaking, { ksig, target, expectations }));
  }
});
