// Another key of the same kind than the main one, from the fixtures that can serve this runner, with
// the authentication its store needs; never the main key itself (a fixture may reuse it).
import { needFixture } from '../../../../harness/test.ts';
import type { CallOptions } from '../../../../harness/http/skm-client.ts';
import type { LoadedTarget } from '../../../../harness/profile/load-target.ts';

export function secondKey(target: LoadedTarget, kind: 'symmetric' | 'asymmetric'): { keyId: string; auth: CallOptions } {
  const f = target.profile.fixtures ?? {};
  const main = target.profile.keys[kind]?.id;
  const candidates: [string | undefined, CallOptions][] = [
    [f.rotated?.[kind], {}],
    [f.ipv4Allowed?.keys[kind], {}],
    [f.mac?.keys[kind], { mac: f.mac?.registered }],
  ];
  const found = candidates.find(([id]) => id !== undefined && id !== main);
  const keyId = needFixture(found?.[0], `a second ${kind} key other than keys.${kind} (fixtures.rotated.${kind})`);
  return { keyId, auth: found![1] };
}
