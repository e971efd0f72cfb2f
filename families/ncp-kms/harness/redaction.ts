// A redactor that knows the profile's secrets: the access key, the secret key and the API key (a curl
// line names the environment variable each came from). Signatures are taught by the client as it sends
// them, data keys by the suites as they receive them.
import { Redactor } from '../../../harness/redaction.ts';
import type { NcpTarget } from './target.ts';

export function ncpRedactor(target: NcpTarget): Redactor {
  const r = new Redactor();
  for (const [value, name] of target.fromEnv) r.fromEnv(value, name);
  const { accessKey, secretKey, apiKey } = target.profile.credentials;
  r.add(secretKey, '[masked secretKey]');
  r.add(accessKey, '[masked accessKey]');
  r.add(apiKey, '[masked apiKey]');
  return r;
}
