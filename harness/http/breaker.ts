// A circuit breaker for a target that stopped answering: after BREAKER_AFTER requests in a row ran out
// of time (limits.responseSeconds), every later request of the run fails at once, saying why, instead
// of waiting out its own bound (539 tests x 20 s). Any request that ends in time, answered or not,
// resets the count. Once open it stays open: no request is sent that could close it again.
// Workers are separate processes, and Playwright replaces a worker after a failed test, so the count
// lives in a file the run's global setup names (SKM_BREAKER_FILE); without one, in this process only.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BREAKER_AFTER = 3;
export const BREAKER_ENV = 'SKM_BREAKER_FILE';

interface State {
  /** requests in a row that ran out of time */
  timeouts: number;
  /** the last one's error */
  last?: string;
}

export class Breaker {
  private memory: State = { timeouts: 0 };
  private seen = 0;

  constructor(private readonly file: string | undefined) {}

  /** Why no request may be sent any more, once open. */
  openReason(): string | undefined {
    const s = this.read();
    this.seen = s.timeouts;
    if (s.timeouts < BREAKER_AFTER) return undefined;
    return `not sent: the target stopped answering (${s.timeouts} requests in a row got no complete answer within limits.responseSeconds, the last: ${s.last}); every later request of the run fails at once`;
  }

  /** Counts a request that ran out of time, or resets the count after one that ended in time. */
  record(timedOut: string | undefined): void {
    if (timedOut !== undefined) this.write({ timeouts: this.read().timeouts + 1, last: timedOut });
    else if (this.seen > 0) this.write({ timeouts: 0 });
  }

  private read(): State {
    if (!this.file) return this.memory;
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as State;
    } catch {
      return { timeouts: 0 };
    }
  }

  private write(s: State): void {
    this.seen = s.timeouts;
    if (!this.file) {
      this.memory = s;
      return;
    }
    // Written aside and renamed over, so another worker never reads half of it.
    const aside = `${this.file}.${process.pid}`;
    writeFileSync(aside, JSON.stringify(s));
    renameSync(aside, this.file);
  }
}

let processBreaker: Breaker | undefined;

/** The run's breaker: shared through SKM_BREAKER_FILE when the run names one. */
export function runBreaker(): Breaker {
  processBreaker ??= new Breaker(process.env[BREAKER_ENV] || undefined);
  return processBreaker;
}

/** Names a breaker file for the workers this process starts (written only once a request runs out of
 *  time, so a run stopped short leaves nothing behind unless one did); the returned function removes it. */
export function shareBreaker(): () => void {
  const file = join(tmpdir(), `skm-breaker-${process.pid}-${randomBytes(4).toString('hex')}.json`);
  process.env[BREAKER_ENV] = file;
  return () => rmSync(file, { force: true });
}
