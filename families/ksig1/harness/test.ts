// The one `test` the family's suites import: the target profile (loaded once per worker), its
// expectations, the signing choices (pinned or detected once per worker), a recording client whose
// masked exchanges are attached to the test, and the failure that ended a test attached as data.
import { test as base } from '@playwright/test';
import { catalogueRequirements } from '../../../harness/catalogue-requirements.ts';
import { recordFailure } from '../../../harness/failure-record.ts';
import { details } from '../../../harness/test-details.ts';
import { variant } from '../../../harness/variants.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { detectSigning, type Signing } from './detection.ts';
import { Expectations } from './expectations.ts';
import { ksig1Redactor, RecordingClient } from './recording-client.ts';
import { ksig1TargetPath, loadKsig1Target, type Ksig1Target } from './target.ts';

export { expect } from '@playwright/test';

export const { requirement, byId: catalogueEntry } = catalogueRequirements(loadCatalogue());

/** The family's one variant: every test sends KSig1-signed requests. */
export const KSIG1 = variant('KSig1');

/** A test's details: its requirements and the KSig1 variant. */
export const checks = (...ids: string[]) => details(requirement(...ids), KSIG1);

interface WorkerFixtures {
  target: Ksig1Target;
  expectations: Expectations;
  signing: Signing;
}

interface TestFixtures {
  ksig: RecordingClient;
  failureRecord: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  failureRecord: [recordFailure, { auto: true }],
  // eslint-disable-next-line no-empty-pattern
  target: [async ({}, use) => use(loadKsig1Target(ksig1TargetPath())), { scope: 'worker' }],
  expectations: [async ({ target }, use) => use(new Expectations(target.profile)), { scope: 'worker' }],
  signing: [async ({ target }, use) => use(await detectSigning(target)), { scope: 'worker' }],
  ksig: async ({ target, signing }, use, testInfo) => {
    const client = new RecordingClient(target, signing.conventions, ksig1Redactor(target));
    await use(client);
    const exchanges = client.exchanges.map((e) => e.masked());
    await testInfo.attach('exchanges', { contentType: 'application/json', body: JSON.stringify(exchanges, null, 1) });
  },
});
