// Copies of a target profile that differ only in their expectations, written beside it (so its relative
// paths stay valid) and removed by the caller. Every ${VAR} stays as written: a copy holds no secret.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

/** `pinned` undefined: no expectations at all, every open point lenient. */
export function profileCopy(path: string, pinned: readonly string[] | undefined, tag: string): string {
  const doc = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete doc.expectations;
  delete doc.calibration;
  if (pinned) doc.expectations = { strict: [...pinned] };
  const copy = join(dirname(path), `.${basename(path)}.${process.pid}.${tag}.calibration.yaml`);
  writeFileSync(copy, stringify(doc));
  return copy;
}
