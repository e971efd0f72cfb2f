// confirm: what the service sees of the caller. The reference sends only the field-table spelling
// clientSentCertificate and "" for a missing MAC header; the alternate personality takes the documents'
// other readings (the example's clientSentCerfificate, null, an echo in one notation, an IPv6 form).
import { isIPv4 } from 'node:net';
import { MAC_HEADER } from '../auth/client-auth.ts';
import { normaliseMac } from '../auth/mac.ts';
import { header } from '../request.ts';
import type { Call } from './call.ts';

export function getClientInfo({ ctx, services: { personality } }: Call): unknown {
  const sent = header(ctx, MAC_HEADER);
  const normalised = sent !== undefined && personality.has('mac-echo-normalised') ? normaliseMac(sent)?.toUpperCase() : undefined;
  const absent = personality.has('mac-header-null-when-absent') ? null : '';
  const certificateField = personality.has('certificate-field-example-spelling') ? 'clientSentCerfificate' : 'clientSentCertificate';
  return {
    clientIp: personality.has('client-ip-ipv6-mapped') && isIPv4(ctx.clientIp) ? `::ffff:${ctx.clientIp}` : ctx.clientIp,
    clientMacHeader: normalised ?? sent ?? absent,
    [certificateField]: ctx.tls?.peerCertificate !== undefined,
  };
}
