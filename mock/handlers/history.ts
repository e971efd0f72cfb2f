// What the alternate personality remembers of recent changes, in memory only: keys created moments ago
// (create-propagation-delay) and keys deleted (deleted-key-invalid-key-status). After a restart a deleted
// key is simply unknown and a created one usable, which the documents allow as well.
const PROPAGATION_MS = 500;
const MAX_ENTRIES = 10_000;

export class KeyHistory {
  /** key id -> epoch ms from which data operations may use it */
  private readonly usableFrom = new Map<string, number>();
  /** `appkey/keyid` of keys deleted immediately (a key past its deletion time stays in the state) */
  private readonly deleted = new Set<string>();

  keyCreated(id: string, nowMs: number): void {
    bounded(this.usableFrom);
    this.usableFrom.set(id, nowMs + PROPAGATION_MS);
  }

  propagating(id: string, nowMs: number): boolean {
    const from = this.usableFrom.get(id);
    if (from === undefined) return false;
    if (nowMs < from) return true;
    this.usableFrom.delete(id);
    return false;
  }

  keyDeleted(appkey: string, id: string): void {
    bounded(this.deleted);
    this.deleted.add(`${appkey}/${id}`);
  }

  wasDeleted(appkey: string, id: string): boolean {
    return this.deleted.has(`${appkey}/${id}`);
  }
}

/** Forgets the oldest entry once the limit is reached (Maps and Sets keep insertion order). */
function bounded(entries: Map<string, unknown> | Set<string>): void {
  if (entries.size < MAX_ENTRIES) return;
  entries.delete(entries.keys().next().value!);
}
