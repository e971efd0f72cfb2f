// The one `test` every suite imports: the target profile (loaded once per worker), a client that
// records masked evidence, the profile's expectations, and a provisioner that cleans up after itself.
import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { loadTarget, type LoadedTarget } from './profile/load-target.ts';
import { targetPath } from './target-env.ts';
import { SkmClient } from './http/skm-client.ts';
import { redactorFor } from './redaction.ts';
import { expectationsOf, type Expectations } from './oracles/expectations.ts';
import { Provisioner } from './provisioner.ts';
import { operations } from '../generated/skm/operations.ts';
import { recordFailure } from './failure-record.ts';

export { expect } from '@playwright/test';
export { requirement } from './requirements.ts';
export { needFixture, needVersion } from './not-covered.ts';

interface WorkerFixtures {
  target: LoadedTarget;
  expectations: Expectations;
}

interface TestFixtures {
  skm: SkmClient;
  provisioner: Provisioner;
  failureRecord: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // The failure that ended a test, as data for the reporter (harness/failure-record.ts).
  failureRecord: [recordFailure, { auto: true }],
  // Playwright reads a fixture's dependencies from its destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  target: [async ({}, use) => use(loadTarget(targetPath())), { scope: 'worker' }],
  expectations: [async ({ target }, use) => use(expectationsOf(target.profile)), { scope: 'worker' }],
  skm: async ({ target }, use, testInfo) => {
    const client = new SkmClient(target, redactorFor(target));
    await use(client);
    await testInfo.attach('exchanges', {
      contentType: 'application/json',
      body: JSON.stringify(client.exchanges.map((e) => ({ operationId: e.operationId, ...e.masked() })), null, 1),
    });
    await client.close();
  },
  provisioner: async ({ skm, target }, use, testInfo) => {
    const p = target.profile.provisioning;
    test.skip(!p?.allowed, 'not covered: the profile does not allow provisioning (provisioning.allowed)');
    test.skip(!target.profile.apiVersions.includes('v1.2'), 'not covered: provisioning needs v1.2, which the target does not declare');
    const provisioner = new Provisioner(skm, p!.keyStoreName ?? 'Store #1', `${testInfo.workerIndex}-${randomBytes(3).toString('hex')}`);
    await use(provisioner);
    const left = await provisioner.cleanUp();
    if (left.length > 0) console.warn(`could not delete ${left.length} key(s) the harness created: ${left.join(', ')}`);
  },
});

/** API versions in which the spec has the operation (for one test per version). */
export function versionsOf(operation: string): string[] {
  return operations.filter((o) => o.operation === operation).map((o) => o.version);
}

