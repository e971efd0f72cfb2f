// The one way state changes: log the event (when persistent), then apply it.
import type { Journal } from './journal.ts';
import type { State, StateEvent } from './state.ts';

export class Store {
  /** `snapshotEvery`: log entries after which a snapshot replaces the log, bounding replay time at start */
  constructor(
    readonly state: State,
    private readonly journal?: Journal,
    private readonly snapshotEvery = 1000,
  ) {}

  commit(event: StateEvent): void {
    this.journal?.append(event);
    this.state.apply(event);
    if (this.journal && this.journal.pendingSinceSnapshot >= this.snapshotEvery) this.journal.snapshot(this.state.toSerial());
  }

  close(): void {
    if (!this.journal) return;
    this.journal.snapshot(this.state.toSerial());
    this.journal.close();
  }
}
