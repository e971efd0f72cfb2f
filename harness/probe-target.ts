// One request to the target before any test: seconds to learn that it does not answer, or answers
// beyond the profile's limits (too slow, too large, not HTTP, a certificate the profile does not trust),
// instead of the same error in every test.
import { SkmClient } from './http/skm-client.ts';
import { Breaker } from './http/breaker.ts';
import { Redactor } from './redaction.ts';
import type { LoadedTarget } from './profile/load-target.ts';
import { ConfigError } from './config-error.ts';

export const PROBE_PATH = '/keymanager/v1.0/appkey/probe/confirm';

export async function probeTarget(target: LoadedTarget): Promise<void> {
  // Its own breaker: the probe's outcome is not the run's count.
  const client = new SkmClient(target, new Redactor(), new Breaker(undefined));
  try {
    const ex = await client.send('GET', PROBE_PATH);
    if (ex.error) throw new ConfigError(`target ${target.profile.baseUrl} does not answer usably (GET ${PROBE_PATH}): ${ex.error}`);
  } finally {
    await client.close();
  }
}
