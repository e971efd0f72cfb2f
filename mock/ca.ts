// The mock is its own certificate authority, as SKM is for its client certificates: it issues the TLS
// server certificate and PKCS#12 client certificates (node-forge builds and signs them; the RSA keys
// come from node:crypto, whose key generation is native and runs in parallel).
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { fingerprintOf } from './auth/certificates.ts';
import type { Pem } from './store/model.ts';

const generate = promisify(generateKeyPair);
const DAY_MS = 86_400_000;

interface KeyPairPem {
  privatePem: string;
  publicPem: string;
}

async function newKeyPair(): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generate('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

function randomSerial(): string {
  // positive, 16 bytes: what RFC 5280 asks of serial numbers
  const bytes = forge.random.getBytesSync(16);
  return (0x40 | (bytes.charCodeAt(0) & 0x3f)).toString(16).padStart(2, '0') + forge.util.bytesToHex(bytes.slice(1));
}

function build(
  keys: KeyPairPem,
  subject: string,
  validity: { notBefore: Date; notAfter: Date },
  extensions: object[],
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey },
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  const attrs = [{ name: 'commonName', value: subject }, { name: 'organizationName', value: 'SKM reference mock' }];
  cert.setSubject(attrs);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : attrs);
  const aki = issuer ? [{ name: 'authorityKeyIdentifier', keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes() }] : [];
  cert.setExtensions([...extensions, { name: 'subjectKeyIdentifier' }, ...aki]);
  cert.sign(issuer?.key ?? forge.pki.privateKeyFromPem(keys.privatePem), forge.md.sha256.create());
  return cert;
}

function loadCa(ca: Pem): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  return { cert: forge.pki.certificateFromPem(ca.certPem), key: forge.pki.privateKeyFromPem(ca.keyPem) };
}

export async function createCa(now: number): Promise<Pem> {
  const keys = await newKeyPair();
  const cert = build(keys, 'SKM reference mock CA', { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 3650 * DAY_MS) }, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

/** The HTTPS listener's certificate, for 127.0.0.1 and localhost. */
export async function issueServerCertificate(ca: Pem, now: number): Promise<Pem> {
  const keys = await newKeyPair();
  const cert = build(keys, '127.0.0.1', { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 825 * DAY_MS) }, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
  ], loadCa(ca));
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

export interface IssuedClientCertificate {
  p12: Buffer;
  fingerprint: string;
  notBefore: number;
  notAfter: number;
}

/** A client certificate as SKM hands it out: PKCS#12 (key, certificate, CA) protected by a password. */
export async function issueClientCertificate(ca: Pem, name: string, password: string, notBefore: number, notAfter: number): Promise<IssuedClientCertificate> {
  const keys = await newKeyPair();
  const issuer = loadCa(ca);
  const cert = build(keys, name, { notBefore: new Date(notBefore), notAfter: new Date(notAfter) }, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ], issuer);
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(keys.privatePem), [cert, issuer.cert], password, {
    algorithm: 'aes256',
    friendlyName: name,
    generateLocalKeyId: true,
  });
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    fingerprint: fingerprintOf(der),
    notBefore: cert.validity.notBefore.getTime(),
    notAfter: cert.validity.notAfter.getTime(),
  };
}
