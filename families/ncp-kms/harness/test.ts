// The one `test` the family's suites import: the target profile (loaded once per worker), its
// expectations, a recording client whose masked exchanges are attached to the test, and the failure that
// ended a test attached as data (the conformance-failure attachment, as in harness/test.ts).
import { test as base } from '@playwright/test';
import { takeLastFailure } from '../../../harness/oracles/conformance-failure.ts';
import { FAILURE_ATTACHMENT } from '../../../harness/failure-attachment.ts';
import { catalogueRequirements } from '../../../harness/catalogue-requirements.ts';
import { loadCatalogue } from '../spec/catalogue.ts';
import { Expectations } from './expectations.ts';
import { KmsClient } from './kms-client.ts';
import { ncpRedactor } from './redaction.ts';
import { loadNcpTarget, ncpTargetPath, type NcpTarget } from './target.ts';

export { expect } from '@playwright/test';
export { variant } from '../../../harness/variants.ts';
export { details } from '../../../harness/test-details.ts';

export const { requirement, byId: catalogueEntry } = catalogueRequirements(loadCatalogue());

interface WorkerFixtures {
  target: NcpTarget;
  expectations: Expectations;
}

interface TestFixtures {
  kms: KmsClient;
  failureRecord: void;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  failureRecord: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      takeLastFailure();
      await use();
      const failure = takeLastFailure();
      if (testInfo.status !== testInfo.expectedStatus && failure) {
        await testInfo.attach(FAILURE_ATTACHMENT, { contentType: 'application/json', body: JSON.stringify(failure.data()) });
      }
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern
  target: [async ({}, use) => use(loadNcpTarget(ncpTargetPath())), { scope: 'worker' }],
  expectations: [async ({ target }, use) => use(new Expectations(target.profile)), { scope: 'worker' }],
  kms: async ({ target }, use, testInfo) => {
    const client = new KmsClient(target, ncpRedactor(target));
    await use(client);
    const exchanges = client.exchanges.map((e) => ({ operationId: e.operationId, ...e.masked() }));
    await testInfo.attach('exchanges', { contentType: 'application/json', body: JSON.stringify(exchanges, null, 1) });
  },
});
