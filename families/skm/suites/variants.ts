// SKM's variants are its API versions. A documented call in one version may need another: v1.1 has
// only the symmetric-key query, whose key version harness/valid-calls.ts learns from v1.2's encrypt
// (the first declared version that has encrypt; every target we know declares v1.2).
import { variant } from '../../../harness/variants.ts';
import type { TestDetails } from '../../../harness/test-details.ts';

/** The variants of a test that makes valid calls (harness/valid-calls.ts) in this API version. */
export function validCallsIn(version: string): TestDetails {
  return version === 'v1.1' ? variant('v1.1', 'v1.2') : variant(version);
}
