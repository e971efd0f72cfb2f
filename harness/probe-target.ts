// One request to the target before any test: seconds to learn it is unreachable, instead of a
// timeout in every test.
import { SkmClient } from './http/skm-client.ts';
import { Redactor } from './redaction.ts';
import type { LoadedTarget } from './profile/load-target.ts';
import { ConfigError } from './config-error.ts';

export async function probeTarget(target: LoadedTarget): Promise<void> {
  const client = new SkmClient(target, new Redactor());
  try {
    const ex = await client.send('GET', '/keymanager/v1.0/appkey/probe/confirm');
    if (ex.error) throw new ConfigError(`target ${target.profile.baseUrl} is unreachable: ${ex.error}`);
  } finally {
    await client.close();
  }
}
