// A check of something the documents leave open: it fails only when the target profile pins the
// requirement (expectations.strict); otherwise what the target did is recorded for whoever pins next.
import { test } from '@playwright/test';
import { ConformanceFailure, type FailureInit } from './conformance-failure.ts';

/** The strict reading of `id` holds; when it does not: a failure of `id` if pinned, else a record. */
export function pinnedOrObserved(pinned: boolean, id: string, holds: boolean, failure: Omit<FailureInit, 'requirements'>): void {
  if (holds) return;
  if (pinned) throw new ConformanceFailure({ ...failure, requirements: [id] });
  observe(id, `${failure.title}: expected ${failure.expected}; received ${failure.received}`);
}

/** What a lenient check saw, for the report and for whoever pins the profile next. */
export function observe(id: string, what: string): void {
  test.info().annotations.push({ type: 'observed', description: `${id}: ${what}` });
}

export const LEARNED = 'learned';

/** A setting of the target profile that the run found out where the profile left it open (`path` in the
 *  profile, its `value`), noted once the requirement's check of it passed: calibration writes it back. */
export function learned(requirementId: string, path: string, value: unknown): void {
  const description = JSON.stringify({ requirement: requirementId, path, value });
  let annotations;
  try {
    annotations = test.info().annotations;
  } catch {
    // Outside a test (a unit test of an oracle): nothing to note on.
    return;
  }
  if (!annotations.some((a) => a.type === LEARNED && a.description === description)) annotations.push({ type: LEARNED, description });
}
