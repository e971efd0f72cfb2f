// Signed elements: the joining rule first (pinned, or detected over every element listed out of canonical
// order, harness/detection.ts), then every protected request signed over every element, then the
// breakings of the signed-elements profile: conditional headers, the list exact and case-sensitive, the
// method, header values and body bound to the signature. Every test here depends on the joining rule.
import { attribute, ensure } from '../../../harness/oracles/conformance-failure.ts';
import { DETECTION_ELEMENTS } from '../auth/detect.ts';
import { BREAKINGS, CONTROL_REQUIREMENTS } from '../auth/breakings.ts';
import { aboutSignedElements, breakingTitle, checkedBy, judgeBreaking } from '../harness/breaking-tests.ts';
import { describeConventions } from '../harness/detection.ts';
import { learned, observe } from '../harness/expectations.ts';
import { served } from '../harness/oracles.ts';
import { catalogueEntry, checks, test } from '../harness/test.ts';

const EVERY_ELEMENT = CONTROL_REQUIREMENTS.everyElement;

test.describe('signed elements', () => {
  test('a request signed over every element, listed out of canonical order, is served under a joining rule', checks(EVERY_ELEMENT), async ({ ksig, target, signing }) => {
    const how = `${describeConventions(signing.conventions)} (${target.profile.signing?.joining ? 'pinned' : `detected, ${signing.tried} tried`})`;
    observe(EVERY_ELEMENT, `signing with ${how}`);
    await attribute(EVERY_ELEMENT, async () => {
      const request = target.profile.controls[0];
      const ex = await ksig.signed(request, ksig.toSign(request, DETECTION_ELEMENTS));
      ensure(signing.detected, { oracle: 'joiningRule', title: 'No joining rule served', expected: `a request over ${DETECTION_ELEMENTS.join(';')} served under one of the candidates`, received: `${signing.tried} candidates refused`, exchange: ex });
      served(ex, `the request signed with ${how}`);
    });
    learned(EVERY_ELEMENT, 'signing.joining', signing.conventions.joining);
    learned(EVERY_ELEMENT, 'signing.contentMd5', signing.conventions.contentMd5);
  });

  test('every protected request of the profile, signed over every element, is served', checks(EVERY_ELEMENT), async ({ ksig, target }) => {
    for (const request of target.profile.controls) {
      const ex = await ksig.signed(request, ksig.toSign(request, DETECTION_ELEMENTS));
      await attribute(EVERY_ELEMENT, () => served(ex, `${request.method} ${request.path} signed over every element`));
    }
  });

  for (const breaking of BREAKINGS.filter((b) => aboutSignedElements(b, (id) => catalogueEntry(id).profile))) {
    test(breakingTitle(breaking), checks(...checkedBy(breaking)), ({ ksig, target, expectations }) => judgeBreaking(breaking, { ksig, target, expectations }));
  }
});
