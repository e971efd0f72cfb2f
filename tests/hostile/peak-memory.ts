// The most memory any process of a tree held: each process's own high-water mark (VmHWM, kept by the
// kernel, so a peak between two looks is not missed), read from /proc for the root and every process
// below it while they live. Linux only, nothing to install.
import { readdirSync, readFileSync } from 'node:fs';

const POLL_MS = 100;

function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function tree(root: number): number[] {
  const children = parents();
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function highWaterKiB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Starts watching; stop() returns the peak resident set of one process of the tree, in MiB. */
export function watchPeakMemory(root: number): { stop(): number } {
  let peakKiB = 0;
  const look = () => {
    for (const pid of tree(root)) peakKiB = Math.max(peakKiB, highWaterKiB(pid));
  };
  look();
  const timer = setInterval(look, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peakKiB / 1024);
    },
  };
}
