// Positive controls: every protected request of the profile, signed over API-Key alone (the one string to
// sign the documents fix, whatever the joining rule), is served. Statements: spec/requirements.yaml.
import { attribute } from '../../../harness/oracles/conformance-failure.ts';
import { CONTROL_REQUIREMENTS } from '../auth/breakings.ts';
import { served } from '../harness/oracles.ts';
import { checks, test } from '../harness/test.ts';

const API_KEY_ONLY = CONTROL_REQUIREMENTS.apiKeyOnly;

test('every protected request of the profile, signed over API-Key alone, is served', checks(API_KEY_ONLY), async ({ ksig, target }) => {
  for (const request of target.profile.controls) {
    const ex = await ksig.signed(request, ksig.toSign(request, ['API-Key']));
    await attribute(API_KEY_ONLY, () => served(ex, `${request.method} ${request.path} signed over API-Key`));
  }
});
