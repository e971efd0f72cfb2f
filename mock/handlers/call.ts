// One routed request on its way through a handler, with the services the handlers share.
import type { ClientAuth } from '../auth/client-auth.ts';
import type { Clock } from '../clock.ts';
import type { CryptoSuite } from '../crypto/suite.ts';
import type { Faults } from '../faults.ts';
import type { Personality } from '../personality.ts';
import type { RequestContext } from '../request.ts';
import type { CompiledOperation } from '../router.ts';
import type { Tenant } from '../store/model.ts';
import type { Store } from '../store/store.ts';
import type { KeyHistory } from './history.ts';

export interface Services {
  store: Store;
  clock: Clock;
  faults: Faults;
  personality: Personality;
  suite: CryptoSuite;
  history: KeyHistory;
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
