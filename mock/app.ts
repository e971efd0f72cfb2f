// The path of every request: route (URL NOT FOUND), appkey (Invalid Appkey), v1.2 credentials
// (Invalid Authentication), path and query parameters (Invalid User Data), then the operation's
// handler, which finds the key, checks the key store's client authentication and reads the body.
import { checkCredentials } from './auth/credentials.ts';
import type { Envelope, Reply } from './envelope.ts';
import { ImitatedServerError, SkmError } from './errors.ts';
import type { Services } from './handlers/call.ts';
import { handlers } from './handlers/index.ts';
import type { RequestContext } from './request.ts';
import type { Router } from './router.ts';
import { operations } from '../generated/skm/operations.ts';

export class App {
  constructor(
    private readonly router: Router,
    private readonly envelope: Envelope,
    private readonly services: Services,
  ) {
    const missing = operations.filter((op) => !handlers[op.operation]).map((op) => op.operation);
    if (missing.length > 0) throw new Error(`no handler for ${missing.join(', ')}`);
  }

  /** Rejects only on a bug in the mock; every client mistake resolves to an error envelope. */
  async handle(ctx: RequestContext): Promise<Reply> {
    try {
      return this.envelope.success(await this.dispatch(ctx));
    } catch (e) {
      if (e instanceof SkmError) {
        return this.envelope.error(e.skmMessage, e, ctx.body);
      }
      if (e instanceof ImitatedServerError) return this.envelope.serverError();
      throw e;
    }
  }

  private async dispatch(ctx: RequestContext): Promise<unknown> {
    const { faults, store } = this.services;
    const match = this.router.match(ctx.method, ctx.target);
    if (!match) {
      if (faults.has('error-5xx-on-unknown-url')) throw new ImitatedServerError('unknown URL');
      throw new SkmError('URL NOT FOUND');
    }
    const { route, params } = match;
    const tenant = store.state.tenants.get(params.appkey as string);
    if (!tenant) throw new SkmError('Invalid Appkey');
    if (route.op.version === 'v1.2') checkCredentials(ctx, tenant, route.op.operation, faults);
    // the params validator coerces query values in place; the router's object is this request's own
    if (!route.validateParams(params)) throw new SkmError('Invalid User Data');
    return handlers[route.op.operation]({ ctx, route, params, tenant, services: this.services });
  }
}
