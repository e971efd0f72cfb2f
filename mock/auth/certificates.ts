// What client authentication needs to know about a presented certificate, from node:crypto alone
// (node-forge, which issues certificates, is only loaded when material is made).
import { createHash, X509Certificate } from 'node:crypto';

export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

export interface InspectedCertificate {
  fingerprint: string;
  issuedByCa: boolean;
  notBefore: number;
  notAfter: number;
}

/** What the client-auth check needs to know about a presented certificate; parsed once per certificate. */
export class CertificateInspector {
  private readonly ca: X509Certificate;
  private readonly seen = new Map<string, InspectedCertificate>();

  constructor(caCertPem: string) {
    this.ca = new X509Certificate(caCertPem);
  }

  inspect(der: Buffer): InspectedCertificate {
    const fingerprint = fingerprintOf(der);
    let found = this.seen.get(fingerprint);
    if (!found) {
      // TLS already parsed it, so it is a certificate; issued by us means signed by the CA key.
      const cert = new X509Certificate(der);
      found = {
        fingerprint,
        issuedByCa: cert.checkIssued(this.ca) && cert.verify(this.ca.publicKey),
        notBefore: Date.parse(cert.validFrom),
        notAfter: Date.parse(cert.validTo),
      };
      if (this.seen.size >= 1000) this.seen.clear();
      this.seen.set(fingerprint, found);
    }
    return found;
  }
}
