// Keys the harness creates through the v1.2 API, and their removal afterwards. It deletes only
// what it created itself, even when the test failed.
import type { SkmClient } from './http/skm-client.ts';
import type { Exchange } from './http/exchange.ts';
import { setTimeout as delay } from 'node:timers/promises';
import { control, type Control } from './refusal-check.ts';

export type CreatableKind = 'secret' | 'symmetric' | 'asymmetric';

const CREATE_OP: Record<CreatableKind, string> = {
  secret: 'createSecret_v1_2',
  symmetric: 'createSymmetricKey_v1_2',
  asymmetric: 'createAsymmetricKey_v1_2',
};

const DEFAULT_READY_SECONDS = 30;
const READY_POLL_MS = 250;
const FIRST_USE: Record<CreatableKind, [string, unknown]> = {
  secret: ['getSecret_v1_2', undefined],
  symmetric: ['symmetricEncrypt_v1_2', { plaintext: 'kms-conformance readiness' }],
  asymmetric: ['asymmetricSign_v1_2', { plaintext: 'kms-conformance readiness' }],
};

export class Provisioner {
  private readonly created = new Set<string>();
  private counter = 0;

  constructor(
    private readonly skm: SkmClient,
    private readonly keyStoreName: string,
    private readonly runId: string,
  ) {}

  /** The documented create request of this kind, with every documented field. */
  request(kind: CreatableKind, extra: Record<string, unknown> = {}): { operationId: string; body: Record<string, unknown> } {
    const body = {
      keyStoreName: this.keyStoreName,
      name: `kms-conformance ${this.runId} ${kind} ${++this.counter}`,
      description: 'created by kms-conformance; deleted at the end of its test',
      ...(kind === 'secret' ? { secretValue: 'conformance secret value' } : { autoRotationPeriod: 0 }),
      ...extra,
    };
    return { operationId: CREATE_OP[kind], body };
  }

  /** Sends the create call; the key id, when the call succeeded, is remembered for cleanup, and the
   *  key waited for until usable. */
  async create(kind: CreatableKind, extra: Record<string, unknown> = {}) {
    const { operationId, body } = this.request(kind, extra);
    const ex = await this.skm.call(operationId, { body });
    this.trackCreated(ex);
    await this.untilUsable(kind, ex);
    return ex;
  }

  /** A create that must succeed: the positive control of a refused create. */
  async createControl(kind: CreatableKind, extra: Record<string, unknown> = {}): Promise<Control> {
    const { operationId, body } = this.request(kind, extra);
    const c = await control(this.skm, operationId, { body });
    this.trackCreated(c.exchange);
    await this.untilUsable(kind, c.exchange);
    return c;
  }

  /** How soon a new key serves is not documented (SKM-MGT-CRT-006/007/008): retry its first use up to
   *  provisioning.readyWithinSeconds (default 30). Whether it then works is for the tests to judge. */
  private async untilUsable(kind: CreatableKind, created: Exchange): Promise<void> {
    const keyId = (created.body as { keyId?: unknown } | undefined)?.keyId;
    const seconds = this.skm.target.profile.provisioning?.readyWithinSeconds ?? DEFAULT_READY_SECONDS;
    if (typeof keyId !== 'string' || seconds === 0) return;
    const [operationId, body] = FIRST_USE[kind];
    for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline; await delay(READY_POLL_MS)) {
      const ex = await this.skm.call(operationId, { keyId, body });
      if ((ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true) return;
    }
  }

  /** Remembers the key a create made, whether or not it was meant to succeed. */
  trackCreated(ex: Exchange): void {
    const keyId = (ex.body as { keyId?: unknown } | undefined)?.keyId;
    if (typeof keyId === 'string') this.track(keyId);
  }

  track(keyId: string): void {
    this.created.add(keyId);
  }

  /** Called when a test has itself deleted a key. */
  forget(keyId: string): void {
    this.created.delete(keyId);
  }

  /** Schedules deletion (if still active) and deletes immediately every key this test created. */
  async cleanUp(): Promise<string[]> {
    const left: string[] = [];
    for (const keyId of this.created) {
      await this.skm.call('scheduleKeyDeletion_v1_2', { keyId, housekeeping: true });
      const ex = await this.skm.call('deleteKeyImmediately_v1_2', { keyId, housekeeping: true });
      if ((ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful !== true) left.push(keyId);
    }
    this.created.clear();
    return left;
  }
}
