// v1.2 calls carry the appkey's User Access Key ID and Secret Access Key in two headers (FACTS.md).
// Which message SKM gives when they are wrong is unknown; the reference says "Invalid Authentication",
// the alternate personality "Invalid Appkey".
import { SkmError, type ErrorMessage } from '../errors.ts';
import type { Faults } from '../faults.ts';
import { header, type RequestContext } from '../request.ts';
import type { Tenant } from '../store/model.ts';

export function checkCredentials(ctx: RequestContext, tenant: Tenant, operation: string, faults: Faults, failure: ErrorMessage): void {
  const id = header(ctx, 'x-tc-authentication-id');
  const secret = header(ctx, 'x-tc-authentication-secret');
  if (id !== tenant.credentials.accessKeyId) throw new SkmError(failure);
  if (faults.has('v12-secret-unchecked') && operation === 'getSecret') return;
  if (secret !== tenant.credentials.secretAccessKey) throw new SkmError(failure);
}
