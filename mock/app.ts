// The path of every request: route (URL NOT FOUND), appkey (Invalid Appkey), v1.2 credentials
// (Invalid Authentication), path and query parameters (Invalid User Data), then the operation's
// handler, which finds the key, checks the key store's client authentication and reads the body.
import { checkCredentials } from './auth/credentials.ts';
import type { Envelope, Reply } from './envelope.ts';
import { ImitatedServerError, MethodNotAllowed, SkmError } from './errors.ts';
import type { Services } from './handlers/call.ts';
import { handlers } from './handlers/index.ts';
import type { Personality } from './personality.ts';
import type { RequestContext } from './request.ts';
import type { CompiledOperation, Router } from './router.ts';
import { operations } from '../generated/skm/operations.ts';

/** The operations that make something, answered 201 Created under the created-201 switch. */
const CREATING = new Set(['createLocalKey', 'createSecret', 'createSymmetricKey', 'createAsymmetricKey']);

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
      return await this.dispatch(ctx);
    } catch (e) {
      if (e instanceof SkmError) {
        const reply = this.envelope.error(e.skmMessage, e, ctx.body);
        if (e instanceof MethodNotAllowed && reply.status === 405) reply.headers.allow = e.allowed.join(', ');
        return reply;
      }
      if (e instanceof ImitatedServerError) return this.envelope.serverError();
      throw e;
    }
  }

  private async dispatch(ctx: RequestContext): Promise<Reply> {
    const { faults, personality, store } = this.services;
    const match = this.router.match(ctx.method, ctx.target);
    if (!match) {
      if (faults.has('error-5xx-on-unknown-url')) throw new ImitatedServerError('unknown URL');
      const allowed = personality.has('wrong-method-405') ? this.router.methodsFor(ctx.target) : [];
      throw allowed.length > 0 ? new MethodNotAllowed(allowed) : new SkmError('URL NOT FOUND');
    }
    const { route, params } = match;
    const { operation } = route.op;
    if (faults.isDead(operation)) throw new SkmError(route.op.pathParams.includes('keyid') ? 'Invalid Key Id' : 'Invalid Appkey');
    const tenant = store.state.tenants.get(params.appkey as string);
    if (!tenant) throw new SkmError('Invalid Appkey');
    if (route.op.version === 'v1.2') {
      const failure = personality.has('credentials-invalid-appkey') ? 'Invalid Appkey' : 'Invalid Authentication';
      checkCredentials(ctx, tenant, operation, faults, failure);
    }
    checkParams(route, params, personality);
    const body = await handlers[operation]({ ctx, route, params, tenant, services: this.services });
    return this.envelope.success(body, CREATING.has(operation) && personality.has('created-201') ? 201 : 200);
  }
}

/**
 * Path and query parameters through the generated validator (it coerces query values in place; the
 * router's object is this request's own): Invalid User Data, or Invalid Key Version for a missing or bad
 * ?keyVersion= where the personality reads it so.
 */
function checkParams(route: CompiledOperation, params: Record<string, unknown>, personality: Personality): void {
  const takesKeyVersion = route.op.queryParams.some((q) => q.name === 'keyVersion');
  if (takesKeyVersion && params.keyVersion === undefined && personality.has('key-version-required')) {
    throw new SkmError('Invalid Key Version');
  }
  if (route.validateParams(params)) return;
  const keyVersionOnly = route.validateParams.errors?.every((e) => e.instancePath === '/keyVersion') ?? false;
  const badKeyVersion = keyVersionOnly && personality.has('bad-key-version-invalid-key-version');
  throw new SkmError(badKeyVersion ? 'Invalid Key Version' : 'Invalid User Data');
}
