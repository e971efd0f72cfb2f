// One routed request on its way through a handler, with the services the handlers share.
import type { ClientAuth } from '../auth/client-auth.ts';
import type { Clock } from '../clock.ts';
import type { Faults } from '../faults.ts';
import type { RequestContext } from '../request.ts';
import type { CompiledOperation } from '../router.ts';
import type { Tenant } from '../store/model.ts';
import type { Store } from '../store/store.ts';

export interface Services {
  store: Store;
  clock: Clock;
  faults: Faults;
  clientAuth: ClientAuth;
}

export interface Call {
  ctx: RequestContext;
  route: CompiledOperation;
  /** path and query parameters after the generated params validator (query values coerced) */
  params: Record<string, unknown>;
  tenant: Tenant;
  services: Services;
}

/** Returns the success body; throws SkmError for a failure. */
export type Handler = (call: Call) => unknown;
