// How strict to be where the documents are open (the catalogue's `ambiguity`): lenient by default, strict
// for the ids the profile lists in expectations.strict. A lenient check that sees the other reading
// records it as an `observed` annotation instead of failing; a strict one fails its requirement.
import type { FailureInit } from '../../../harness/oracles/conformance-failure.ts';
import { pinnedOrObserved } from '../../../harness/oracles/observed.ts';
import { PinnedIds } from '../../../harness/pinned-ids.ts';
import type { LimitReading, NcpTargetProfile } from './target.ts';

export { observe } from '../../../harness/oracles/observed.ts';

export class Expectations {
  private readonly strictIds: PinnedIds;

  constructor(private readonly profile: NcpTargetProfile) {
    this.strictIds = new PinnedIds(profile.expectations?.strict ?? []);
  }

  strict(id: string): boolean {
    return this.strictIds.has(id);
  }

  get kmsErrorStatus(): Readonly<Record<string, number>> | undefined {
    return this.profile.expectations?.kmsErrorStatus;
  }

  get limitReading(): LimitReading | undefined {
    return this.profile.expectations?.limitReading;
  }

  get reencryptSpelling(): 'reencrypt' | 're-encrypt' | 'both' | undefined {
    return this.profile.expectations?.reencryptSpelling;
  }

  /** The strict reading of `id` holds; when it does not: a failure of `id` if pinned, else a record. */
  pinned(id: string, holds: boolean, failure: Omit<FailureInit, 'requirements'>): void {
    pinnedOrObserved(this.strict(id), id, holds, failure);
  }
}
