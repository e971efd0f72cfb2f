// The requirement ids a target profile pins to their strict reading (expectations.strict). A check that
// reads a pin notes it on the running test (a `pin-applied` annotation): calibration learns from it which
// open points a run really judged strictly, and so never claims a point that no check read.
import { test } from '@playwright/test';

export const PIN_APPLIED = 'pin-applied';

export class PinnedIds {
  private readonly ids: ReadonlySet<string>;

  constructor(ids: Iterable<string> = []) {
    this.ids = new Set(ids);
  }

  has(id: string): boolean {
    if (!this.ids.has(id)) return false;
    noteApplied(id);
    return true;
  }
}

function noteApplied(id: string): void {
  let annotations;
  try {
    annotations = test.info().annotations;
  } catch {
    // Outside a test (a worker fixture, a unit test): nothing to note on.
    return;
  }
  if (!annotations.some((a) => a.type === PIN_APPLIED && a.description === id)) annotations.push({ type: PIN_APPLIED, description: id });
}
