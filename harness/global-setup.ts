// Runs once before the suites: each family asked for (CONFORMANCE_FAMILIES, default every registered
// family) starts its embedded mock or checks its target (families/<id>/plugin.ts). What they started is
// stopped at the end, in reverse order.
import { FAMILY_IDS } from '../families/registry.ts';
import { loadPlugin } from './family-plugin.ts';
import { familiesAsked } from './families-asked.ts';
import { ConfigError, CONFIG_ERROR_EXIT } from './config-error.ts';

function asked(): string[] {
  try {
    return familiesAsked(process.env, FAMILY_IDS);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`kms-conformance: ${e.message}`);
    process.exit(CONFIG_ERROR_EXIT);
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // One fast-check seed for every family's workers (harness/property-settings.ts reads it).
  process.env.SKM_SEED ??= String(Date.now() % 2 ** 31);
  const stops: (() => Promise<void>)[] = [];
  for (const id of asked()) {
    const stop = await (await loadPlugin(id)).globalSetup();
    if (stop) stops.unshift(stop);
  }
  return async () => {
    for (const stop of stops) await stop();
  };
}
