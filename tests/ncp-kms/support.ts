// Helpers of the NAVER Cloud KMS mock tests: a mock with its client, and readers for the two answer shapes.
import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import { NcpKmsClient, type Answer } from '../../families/ncp-kms/client.ts';
import { startNcpKmsMock, type NcpKmsMockOptions, type RunningNcpKmsMock } from '../../families/ncp-kms/mock/index.ts';
import { KMS_ERRORS } from '../../families/ncp-kms/mock/errors.ts';
import { tempDir } from '../temp-dir.ts';

export interface Started {
  mock: RunningNcpKmsMock;
  client: NcpKmsClient;
}

/** A quiet mock in a temporary folder, closed after the test file (or the test) that started it. */
export async function started(options: NcpKmsMockOptions = {}): Promise<Started> {
  const mock = await startNcpKmsMock({ quiet: true, profileDir: tempDir('ncp-kms-mock-'), ...options });
  after(() => mock.close());
  const v1StringToSign = mock.personality === 'alternate' ? 'without-api-key' : 'with-api-key';
  return { mock, client: new NcpKmsClient({ baseUrl: mock.baseUrl, credentials: mock.credentials, v1StringToSign, clock: options.clock }) };
}

export const b64 = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64');
export const random64 = (n: number): string => b64(randomBytes(n));

type Json = Record<string, unknown>;

/** The data of a success, or undefined. */
export function dataOf(answer: Answer): Json | undefined {
  const body = answer.body as Json;
  return answer.status < 300 && body?.code === 'SUCCESS' ? (body.data as Json) : undefined;
}

/** The data of a success; throws with the answer when it is not one. */
export function ok(answer: Answer): Json {
  const data = dataOf(answer);
  if (!data) throw new Error(`expected a success, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return data;
}

const KMS_CODES = Object.keys(KMS_ERRORS);

/** A documented refusal: the KMS envelope with a documented code or the gateway's body, never a 5xx. */
export function isRefusal(answer: Answer): boolean {
  if (answer.status >= 500) return false;
  const body = answer.body as Json;
  const kms = typeof body?.code === 'string' && KMS_CODES.includes(body.code) && body.code !== 'INTERNAL_SERVER_ERROR';
  const gateway = answer.status >= 400 && typeof (body?.error as Json)?.errorCode === 'string';
  return kms || gateway;
}

export function codeOf(answer: Answer): string | undefined {
  const body = answer.body as Json;
  return typeof body?.code === 'string' ? body.code : ((body?.error as Json)?.errorCode as string | undefined);
}
