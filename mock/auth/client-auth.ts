// Client authentication of a key store (FACTS.md): every enabled method must pass, checked in the
// order IPv4, MAC, certificate; the first that fails names the error.
import type { CertificateInspector } from './certificates.ts';
import type { Clock } from '../clock.ts';
import { SkmError } from '../errors.ts';
import type { Faults } from '../faults.ts';
import type { Personality } from '../personality.ts';
import { header, type RequestContext } from '../request.ts';
import type { KeyStore } from '../store/model.ts';
import { cidrContains } from './ipv4.ts';
import { normaliseMac } from './mac.ts';

export const MAC_HEADER = 'x-toast-client-mac-addr';

export class ClientAuth {
  constructor(
    private readonly inspector: CertificateInspector,
    private readonly clock: Clock,
    private readonly faults: Faults,
    private readonly personality: Personality,
  ) {}

  check(ctx: RequestContext, store: KeyStore): void {
    if (store.ipv4 && !this.ipv4Passes(ctx, store.ipv4)) throw new SkmError('IPv4 Auth Failure');
    if (store.mac && !this.macPasses(ctx, store.mac)) throw new SkmError('MAC Auth Failure');
    if (store.certificates && !this.certificatePasses(ctx, store.certificates)) throw new SkmError('Certificate Auth Failure');
  }

  private ipv4Passes(ctx: RequestContext, entries: NonNullable<KeyStore['ipv4']>): boolean {
    if (this.faults.has('ipv4-ignored')) return true;
    return entries.some((e) => e.status === 'In Service' && cidrContains(e.cidr, ctx.clientIp));
  }

  private macPasses(ctx: RequestContext, entries: NonNullable<KeyStore['mac']>): boolean {
    if (this.faults.has('mac-ignored')) return true;
    const sent = header(ctx, MAC_HEADER);
    // The accepted notation is not documented: the reference takes any case and '-', mac-exact-notation only the registered one.
    const address = sent === undefined ? undefined : this.personality.has('mac-exact-notation') ? sent : normaliseMac(sent);
    const entry = address === undefined ? undefined : entries.find((e) => e.address === address);
    return entry !== undefined && (entry.status === 'In Service' || this.faults.has('mac-not-in-service-accepted'));
  }

  private certificatePasses(ctx: RequestContext, records: NonNullable<KeyStore['certificates']>): boolean {
    if (!ctx.tls) return this.faults.has('plain-http-skips-cert');
    const presented = ctx.tls.peerCertificate;
    if (!presented) return false;
    if (this.faults.has('cert-foreign-accepted')) return true;
    const cert = this.inspector.inspect(presented);
    // A certificate the mock issued for another key store is as foreign to this one as any other.
    const record = cert.issuedByCa ? records.find((r) => r.fingerprint === cert.fingerprint) : undefined;
    if (!record) return false;
    const now = this.clock().getTime();
    if ((now < cert.notBefore || now > cert.notAfter) && !this.faults.has('cert-expired-accepted')) return false;
    return record.status === 'In Service' || this.faults.has('cert-not-in-service-accepted');
  }
}
