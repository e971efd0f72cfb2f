// TLS files for the profile tests, made fresh in a folder: a CA, a PKCS#12 client certificate it
// issued with its passphrase, and broken variants of both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, issueClientCertificate } from '../../mock/ca.ts';

export const P12_PASSPHRASE = 'the right passphrase';

/** Writes ca.pem, client.p12, and the broken corrupt.p12, not-a-cert.pem and bad-block.pem. */
export async function writeTlsFiles(dir: string): Promise<void> {
  const now = Date.now();
  const ca = await createCa(now);
  const client = await issueClientCertificate(ca, 'profile test client', P12_PASSPHRASE, now - 3_600_000, now + 86_400_000);
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  writeFileSync(join(dir, 'client.p12'), client.p12);
  writeFileSync(join(dir, 'corrupt.p12'), client.p12.subarray(0, client.p12.length / 2));
  writeFileSync(join(dir, 'not-a-cert.pem'), 'this is no certificate\n');
  writeFileSync(join(dir, 'bad-block.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
}
