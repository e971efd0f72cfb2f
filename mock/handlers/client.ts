// confirm: what the service sees of the caller. Only the field-table spelling clientSentCertificate is
// sent (the example's clientSentCerfificate is a typo the spec merely tolerates).
import { MAC_HEADER } from '../auth/client-auth.ts';
import { header } from '../request.ts';
import type { Call } from './call.ts';

export function getClientInfo({ ctx }: Call): unknown {
  return {
    clientIp: ctx.clientIp,
    clientMacHeader: header(ctx, MAC_HEADER) ?? '',
    clientSentCertificate: ctx.tls?.peerCertificate !== undefined,
  };
}
