// Time for the key lifecycle. Everything that depends on "now" reads an injected clock, so lifecycle
// tests can move seven days ahead without waiting.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
// SKM prints zone-less local times, and its examples are Korea Standard Time (UTC+9, no daylight saving).
const KST_OFFSET_MS = 9 * HOUR_MS;

/** When a key scheduled now is deleted: `days` later, rounded up to the next full hour (FACTS.md, inferred). */
export function scheduledDeletionAt(nowMs: number, days: number, roundUpToHour = true): number {
  // KST is a whole number of hours from UTC, so a full UTC hour is a full KST hour.
  return roundUpToHour ? Math.ceil((nowMs + days * DAY_MS) / HOUR_MS) * HOUR_MS : nowMs + days * DAY_MS;
}

/** `YYYY-MM-DDTHH:mm:ss.` plus `fractionDigits` digits, in KST without a zone designator, as SKM prints it. */
export function kstLocalDateTime(ms: number, fractionDigits: 2 | 3): string {
  const iso = new Date(ms + KST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 20 + fractionDigits)}`;
}

/** `YYYY-MM-DDTHH:mm:ss` in UTC without a zone designator: the alternate personality's reading. */
export function utcLocalDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A key Scheduled to be Deleted is deleted this many days later (the v1.2 guide). */
export const DELETION_WINDOW_DAYS = 7;
