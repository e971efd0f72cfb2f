// A client certificate the target never issued: self-signed, made fresh by the harness, so the
// "not issued by SKM" case needs nothing from the target.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import type { ClientCertificate } from './http/skm-client.ts';

let cached: ClientCertificate | undefined;

export function foreignCertificate(): ClientCertificate {
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  cert.serialNumber = '01';
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 3_600_000);
  cert.validity.notAfter = new Date(now + 86_400_000);
  const name = [{ name: 'commonName', value: 'kms-conformance foreign client' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  cached = { name: 'foreign self-signed certificate', certPem: forge.pki.certificateToPem(cert), keyPem };
  return cached;
}
