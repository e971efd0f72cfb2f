// How strict to be where the documents are open (the catalogue's `ambiguity`): lenient by default, strict
// for the ids the profile lists in expectations.strict. A lenient check that sees the other reading
// records it as an `observed` annotation instead of failing; a strict one fails its requirement.
import type { FailureInit } from '../../../harness/oracles/conformance-failure.ts';
import { pinnedOrObserved } from '../../../harness/oracles/observed.ts';
import { PinnedIds } from '../../../harness/pinned-ids.ts';
import type { Ksig1TargetProfile } from './target.ts';

export { learned, observe } from '../../../harness/oracles/observed.ts';

export class Expectations {
  private readonly strictIds: PinnedIds;

  constructor(profile: Ksig1TargetProfile) {
    this.strictIds = new PinnedIds(profile.expectations?.strict ?? []);
  }

  /** Whether any of these requirements is pinned (each pinned one is read, so each is noted). */
  strict(...ids: readonly string[]): boolean {
    return ids.filter((id) => this.strictIds.has(id)).length > 0;
  }

  /** The strict reading of `id` holds; when it does not: a failure of `id` if pinned, else a record. */
  pinned(id: string, holds: boolean, failure: Omit<FailureInit, 'requirements'>): void {
    pinnedOrObserved(this.strict(id), id, holds, failure);
  }
}
