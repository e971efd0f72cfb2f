// The switch between families' target profiles: every profile names its family (`family: skm`,
// `family: ncp-kms`, ...), and that family's plug-in reads the rest against its own schema.
import { ConfigError } from '../config-error.ts';
import { profileDocument } from './profile-document.ts';

export function targetFamily(path: string, known: readonly string[]): string {
  const { source, doc } = profileDocument(path);
  const family = (doc as { family?: unknown } | null)?.family;
  if (typeof family !== 'string') throw new ConfigError(`${source}: field family is required (one of ${known.join(', ')})`);
  if (!known.includes(family)) throw new ConfigError(`${source}: field family is "${family}", not one of ${known.join(', ')}`);
  return family;
}
