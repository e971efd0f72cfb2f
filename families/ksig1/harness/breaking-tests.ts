// The generic auth-failure test of one breaking (auth/breakings.ts): a protected request of the profile,
// correctly signed, is served (the positive control); then the same request, broken, gets the breaking's
// outcome. A refusal is also judged for its status, body and message (EVERY_REFUSAL).
import { needFixture } from '../../../harness/not-covered.ts';
import { EVERY_REFUSAL, type Breaking } from '../auth/breakings.ts';
import type { Expectations } from './expectations.ts';
import type { RecordingClient } from './recording-client.ts';
import { controlOf, expectRefused, expectServedOrRefused } from './refusal-check.ts';
import type { Ksig1Target } from './target.ts';

/** The requirements a breaking's test checks. */
export const checkedBy = (breaking: Breaking): string[] =>
  [...new Set(breaking.outcome === 'refused' ? [...breaking.requirements, ...EVERY_REFUSAL] : breaking.requirements)];

export const breakingTitle = (breaking: Breaking): string =>
  `${breaking.name}: ${breaking.description} is ${breaking.outcome === 'refused' ? `refused with ${breaking.code}` : 'served, or refused as documented'}`;

/** Whether a breaking checks the signed-elements profile (its suite) or another (the auth-failure suite). */
export const aboutSignedElements = (breaking: Breaking, profileOf: (id: string) => string): boolean =>
  breaking.requirements.some((id) => profileOf(id) === 'signed-elements');

export interface BreakingFixtures {
  ksig: RecordingClient;
  target: Ksig1Target;
  expectations: Expectations;
}

export async function judgeBreaking(breaking: Breaking, { ksig, target, expectations }: BreakingFixtures): Promise<void> {
  if (breaking.needsRevoked) needFixture(target.profile.fixtures?.revokedKey, 'fixtures.revokedKey');
  const { controls } = target.profile;
  // A body changed after hashing means something only where the request has a body.
  const request = breaking.requirements.includes('KSIG-BIND-BODY-001') ? controls.find((c) => c.body !== undefined) ?? controls[0] : controls[0];
  const c = await controlOf(ksig, request, breaking);
  if (breaking.outcome === 'refused') await expectRefused(c, breaking, expectations);
  else await expectServedOrRefused(c, breaking, expectations);
}
