// Which families a run covers: CONFORMANCE_FAMILIES (set by the CLI from --family or the target
// profile's family), else every registered family.
import { ConfigError } from './config-error.ts';

export const FAMILIES_ENV = 'CONFORMANCE_FAMILIES';

export function familiesAsked(env: NodeJS.ProcessEnv, known: readonly string[]): string[] {
  const asked = env[FAMILIES_ENV]?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!asked || asked.length === 0) return [...known];
  const unknown = asked.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new ConfigError(`unknown API family ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return known.filter((id) => asked.includes(id));
}
