// Shared by the mock's tests: start a mock on free ports with its profile in a temporary folder, call
// it over real HTTP(S) with undici, and check EVERY answer against the generated validators (the
// operation's response validator on success, errorEnvelope otherwise).
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import forge from 'node-forge';
import { Agent, request } from 'undici';
import { parse } from 'yaml';
import { operations } from '../../generated/skm/operations.ts';
import * as validators from '../../generated/skm/validators.js';
import type { TargetProfile } from '../../generated/targets/types.ts';
import { HTTP_STATUS, type ErrorMessage } from '../../mock/errors.ts';
import { startMock, type MockOptions, type RunningMock } from '../../mock/index.ts';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: { header: { resultCode: number; resultMessage: string; isSuccessful: boolean }; body: Record<string, unknown> | null } | undefined;
}

export interface ClientCert {
  pfx?: Buffer;
  passphrase?: string;
  cert?: string;
  key?: string;
}

export interface CallOptions {
  keyId?: string;
  query?: Record<string, string | number>;
  body?: unknown;
  appkey?: string;
  /** default: the profile's credentials on v1.2; null sends none */
  credentials?: { accessKeyId: string; secretAccessKey: string } | null;
  mac?: string;
  cert?: ClientCert;
  plain?: boolean;
  /** skip the validators: only for faults, whose answers are wrong on purpose */
  unchecked?: boolean;
}

export interface SendOptions {
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  cert?: ClientCert;
  plain?: boolean;
}

const byId = new Map(operations.map((o) => [o.operationId, o]));
const validatorsByName = validators as unknown as Record<string, ValidateFunction>;

export class TestMock {
  readonly profile: TargetProfile;
  private readonly ca: string;
  private readonly agents = new Map<ClientCert | undefined, Agent>();

  constructor(
    readonly mock: RunningMock,
    readonly profileDir: string,
  ) {
    this.profile = parse(readFileSync(mock.profilePath, 'utf8')) as TargetProfile;
    this.ca = readFileSync(join(profileDir, 'ca.pem'), 'utf8');
  }

  file(relative: string): string {
    return join(this.profileDir, relative);
  }

  /** The PKCS#12 certificate the profile names for a fixture. */
  certificate(which: 'valid' | 'expired' | 'notInService'): ClientCert {
    const c = this.profile.fixtures!.certificate![which] as { pkcs12: string; passphrase: string };
    return { pfx: readFileSync(this.file(c.pkcs12)), passphrase: c.passphrase };
  }

  private agent(cert: ClientCert | undefined): Agent {
    let agent = this.agents.get(cert);
    if (!agent) {
      agent = new Agent({ connect: { ca: this.ca, ...cert } });
      this.agents.set(cert, agent);
    }
    return agent;
  }

  /** Any method and raw path; the answer is checked to be a valid error envelope unless it succeeded. */
  async send(method: string, path: string, opts: SendOptions = {}): Promise<Answer> {
    const base = opts.plain ? this.mock.plainBaseUrl : this.mock.baseUrl;
    const res = await request(`${base}${path}`, { method: method as 'GET', headers: opts.headers, body: opts.rawBody, dispatcher: this.agent(opts.cert) });
    const text = await res.body.text();
    let json: Answer['json'];
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: res.headers, text, json };
  }

  /** One operation of the catalogue; success answers must pass the operation's response validator. */
  async call(operationId: string, opts: CallOptions = {}): Promise<Answer> {
    const op = byId.get(operationId);
    assert.ok(op, `unknown operation ${operationId}`);
    let path = op.path.replace('{appkey}', encodeURIComponent(opts.appkey ?? this.profile.appkey));
    path = path.replace('{keyid}', encodeURIComponent(opts.keyId ?? ''));
    if (opts.query) path += `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)]))}`;
    const headers: Record<string, string> = {};
    const credentials = opts.credentials === undefined ? (op.version === 'v1.2' ? this.profile.credentials : undefined) : opts.credentials;
    if (credentials) {
      headers['x-tc-authentication-id'] = credentials.accessKeyId;
      headers['x-tc-authentication-secret'] = credentials.secretAccessKey;
    }
    if (opts.mac !== undefined) headers['x-toast-client-mac-addr'] = opts.mac;
    let rawBody: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      rawBody = JSON.stringify(opts.body);
    }
    const answer = await this.send(op.method, path, { headers, rawBody, cert: opts.cert, plain: opts.plain });
    if (opts.unchecked) return answer;
    if (answer.json?.header?.isSuccessful === true) {
      const validate = validatorsByName[op.validators.response];
      assert.ok(validate(answer.json), `${operationId} success answer fails its response validator: ${JSON.stringify(validate.errors)}\n${answer.text}`);
    } else {
      assertErrorEnvelope(answer);
    }
    return answer;
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close()));
    await this.mock.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

export async function startTestMock(options: MockOptions = {}): Promise<TestMock> {
  const profileDir = mkdtempSync(join(tmpdir(), 'skm-mock-test-'));
  try {
    return new TestMock(await startMock({ quiet: true, profileDir, ...options }), profileDir);
  } catch (e) {
    rmSync(profileDir, { recursive: true, force: true }); // a failed start leaves no folder behind either
    throw e;
  }
}

export function assertErrorEnvelope(answer: Answer): void {
  assert.ok(answer.status < 500, `a ${answer.status} answer: ${answer.text}`);
  assert.ok(validators.errorEnvelope(answer.json), `not a valid error envelope (HTTP ${answer.status}): ${answer.text.slice(0, 300)}`);
  assert.equal(answer.json!.body, null, 'an error carries body null');
}

/** The body of a successful answer (already validated by call()). */
export function ok(answer: Answer): Record<string, unknown> {
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.json?.header.isSuccessful, true, answer.text);
  assert.equal(answer.json.header.resultCode, 0);
  return answer.json.body!;
}

/** An error with this message, delivered as the default transport (http4xx) says. */
export function fails(answer: Answer, message: ErrorMessage, transport: 'http4xx' | 'http200' = 'http4xx'): void {
  assertErrorEnvelope(answer);
  assert.equal(answer.json!.header.resultMessage, message, answer.text);
  assert.equal(answer.status, transport === 'http4xx' ? HTTP_STATUS[message] : 200, `HTTP status of ${message}`);
}

/** A self-signed certificate the mock never issued, made with node-forge. */
export function foreignCertificate(): ClientCert {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  // the same names as the mock's own certificates: only the signature tells them apart
  const attrs = [{ name: 'commonName', value: 'valid' }, { name: 'organizationName', value: 'SKM reference mock' }];
  cert.setSubject(attrs);
  cert.setIssuer([{ name: 'commonName', value: 'SKM reference mock CA' }, { name: 'organizationName', value: 'SKM reference mock' }]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: privateKey };
}

/** Decodes a "0xNN, 0xNN, ..." listing. */
export function fromHexListing(listing: string): Buffer {
  return Buffer.from(listing.split(', ').map((h) => parseInt(h.slice(2), 16)));
}
