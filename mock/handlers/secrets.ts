import type { Call } from './call.ts';
import { authorise, findKey, requireInService } from './lookup.ts';

export function getSecret(call: Call): unknown {
  const key = findKey(call, 'secret');
  authorise(call, key);
  requireInService(call, key);
  return { secret: key.secret };
}
