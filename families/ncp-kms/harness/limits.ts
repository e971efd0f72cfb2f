// The documented size limits at their edges, under each reading of "32 KB", "8 KB" and "50 bytes" the
// profile can pin (expectations.limitReading): decoded bytes or Base64 characters, 1,024 or 1,000 to a KB.
import type { LimitReading } from './target.ts';

export const DEFAULT_READING: LimitReading = 'decoded-1024';

/** The largest decoded size accepted under `reading` for a limit of `kb` KB. */
export function largestAccepted(kb: number, reading: LimitReading): number {
  const units = kb * (reading.endsWith('1024') ? 1024 : 1000);
  return reading.startsWith('decoded') ? units : Math.floor(units / 4) * 3;
}

/** The largest decoded context accepted: 50 bytes decoded, or 50 Base64 characters (36 bytes). */
export function largestContext(reading: LimitReading): number {
  return reading.startsWith('decoded') ? 50 : 36;
}
