// The one way state changes: log the event (when persistent), then apply it.
import type { Journal } from './journal.ts';
import type { State, StateEvent } from './state.ts';

export class Store {
  /** `snapshotEvery`: the log length at which a snapshot replaces the log, bounding replay time at start.
   *  A log that is already that long (a mock killed again and again before its snapshot came due) is
   *  replaced at once. */
  constructor(
    readonly state: State,
    private readonly journal?: Journal,
    private readonly snapshotEvery = 1000,
  ) {
    this.snapshotIfDue();
  }

  commit(event: StateEvent): void {
    this.journal?.append(event);
    this.state.apply(event);
    this.snapshotIfDue();
  }

  close(): void {
    if (!this.journal) return;
    this.journal.snapshot(this.state.toSerial());
    this.journal.close();
  }

  private snapshotIfDue(): void {
    if (this.journal && this.journal.logLength >= this.snapshotEvery) this.journal.snapshot(this.state.toSerial());
  }
}
