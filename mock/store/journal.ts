// Durability for --data-dir: a write-ahead log plus snapshots.
// - Each acknowledged write is one JSON line `{seq, event}` appended to wal.log and fsynced before the
//   reply leaves, so a kill -9 after the reply cannot lose it.
// - A kill -9 during the append can only leave a torn last line (it was never acknowledged); replay
//   drops it and truncates the file there. A bad line with good lines after it is real damage: refuse.
// - Snapshots bound replay time: snapshot.json.tmp is written and fsynced, renamed over snapshot.json
//   (atomic), the directory fsynced, then the log truncated. Events carry a sequence number and replay
//   skips those the snapshot already holds, so a crash between rename and truncate is harmless.
// - The journal counts the entries in the log file, not the writes of this process: every entry is read
//   again at the next start, so a mock killed before its own count came due still snapshots in time.
import { closeSync, existsSync, fdatasyncSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { StateEvent } from './state.ts';
import type { SerialState } from './serial.ts';

interface LogLine {
  seq: number;
  event: StateEvent;
}

interface SnapshotFile {
  seq: number;
  state: SerialState;
}

export interface Recovered {
  journal: Journal;
  /** undefined for a new data directory */
  state: SerialState | undefined;
  events: StateEvent[];
}

export class Journal {
  private constructor(
    private readonly dir: string,
    private readonly fd: number,
    private seq: number,
    /** entries in wal.log, the ones a snapshot already holds included: a start reads them all */
    private entries: number,
  ) {}

  static open(dir: string): Recovered {
    mkdirSync(dir, { recursive: true });
    lock(dir);
    rmSync(join(dir, 'snapshot.json.tmp'), { force: true });
    const snapshotPath = join(dir, 'snapshot.json');
    const snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as SnapshotFile) : undefined;
    const logPath = join(dir, 'wal.log');
    const { lines, validBytes } = existsSync(logPath) ? readLog(logPath) : { lines: [], validBytes: 0 };
    const fd = openSync(logPath, 'a');
    ftruncateSync(fd, validBytes);
    const base = snapshot?.seq ?? 0;
    const events = lines.filter((l) => l.seq > base).map((l) => l.event);
    const seq = Math.max(base, ...lines.map((l) => l.seq));
    return { journal: new Journal(dir, fd, seq, lines.length), state: snapshot?.state, events };
  }

  /** What the next start would replay. */
  get logLength(): number {
    return this.entries;
  }

  append(event: StateEvent): void {
    const line: LogLine = { seq: this.seq + 1, event };
    writeFully(this.fd, Buffer.from(`${JSON.stringify(line)}\n`));
    fdatasyncSync(this.fd);
    this.seq += 1;
    this.entries += 1;
  }

  snapshot(state: SerialState): void {
    const file: SnapshotFile = { seq: this.seq, state };
    const tmp = join(this.dir, 'snapshot.json.tmp');
    writeFileSync(tmp, JSON.stringify(file));
    syncPath(tmp);
    renameSync(tmp, join(this.dir, 'snapshot.json'));
    syncPath(this.dir);
    ftruncateSync(this.fd, 0);
    fdatasyncSync(this.fd);
    this.entries = 0;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(join(this.dir, 'lock'), { force: true });
  }
}

function readLog(path: string): { lines: LogLine[]; validBytes: number } {
  const text = readFileSync(path);
  const lines: LogLine[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(0x0a, start);
    if (end === -1) break; // torn final line: never acknowledged
    const parsed = parseLine(text.subarray(start, end).toString('utf8'));
    if (!parsed) {
      if (end + 1 < text.length) {
        throw new Error(`${path}: damaged entry at byte ${start} with entries after it; refusing to start`);
      }
      break; // a bad last line is a torn write as well
    }
    lines.push(parsed);
    start = end + 1;
  }
  return { lines, validBytes: start };
}

function parseLine(text: string): LogLine | undefined {
  try {
    const line = JSON.parse(text) as LogLine;
    return typeof line?.seq === 'number' && typeof line.event?.type === 'string' ? line : undefined;
  } catch {
    return undefined;
  }
}

function writeFully(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One mock per data directory: two writers would interleave their logs. A dead owner's lock is taken over. */
function lock(dir: string): void {
  const path = join(dir, 'lock');
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8'));
    if (pid !== process.pid && isAlive(pid)) throw new Error(`data directory ${dir} is in use by process ${pid}`);
  }
  writeFileSync(path, String(process.pid));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
