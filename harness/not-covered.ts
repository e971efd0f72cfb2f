// A test that cannot run on this profile is skipped as "not covered", naming what would let it run;
// it never counts as passed. (Plain Playwright `test.skip`: it acts on the running test.)
import { test } from '@playwright/test';
import type { LoadedTarget } from './profile/load-target.ts';

/** Skips, as "not covered", a test for an API version the target does not declare. */
export function needVersion(target: LoadedTarget, version: string): void {
  test.skip(!target.profile.apiVersions.includes(version as 'v1.0'), `not covered: the target does not declare ${version}`);
}

/** The fixture, or a skip saying which profile field would let the test run. */
export function needFixture<T>(value: T | undefined | null, field: string): T {
  test.skip(value === undefined || value === null, `not covered: the profile has no ${field}`);
  return value as T;
}
