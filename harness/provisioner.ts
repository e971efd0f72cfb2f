// Keys the harness creates through the v1.2 API, and their removal afterwards. It deletes only
// what it created itself, even when the test failed.
import type { SkmClient } from './http/skm-client.ts';

export type CreatableKind = 'secret' | 'symmetric' | 'asymmetric';

const CREATE_OP: Record<CreatableKind, string> = {
  secret: 'createSecret_v1_2',
  symmetric: 'createSymmetricKey_v1_2',
  asymmetric: 'createAsymmetricKey_v1_2',
};

export class Provisioner {
  private readonly created = new Set<string>();
  private counter = 0;

  constructor(
    private readonly skm: SkmClient,
    private readonly keyStoreName: string,
    private readonly runId: string,
  ) {}

  /** Sends the create call; the key id, when the call succeeded, is remembered for cleanup. */
  async create(kind: CreatableKind, extra: Record<string, unknown> = {}) {
    const body = {
      keyStoreName: this.keyStoreName,
      name: `skm-conformance ${this.runId} ${kind} ${++this.counter}`,
      description: 'created by skm-conformance; deleted at the end of its test',
      ...(kind === 'secret' ? { secretValue: 'conformance secret value' } : { autoRotationPeriod: 0 }),
      ...extra,
    };
    const ex = await this.skm.call(CREATE_OP[kind], { body });
    const keyId = (ex.body as { keyId?: unknown } | undefined)?.keyId;
    if ((ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful === true && typeof keyId === 'string') this.track(keyId);
    return ex;
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
      await this.skm.call('scheduleKeyDeletion_v1_2', { keyId });
      const ex = await this.skm.call('deleteKeyImmediately_v1_2', { keyId });
      if ((ex.response?.json as { header?: { isSuccessful?: unknown } } | undefined)?.header?.isSuccessful !== true) left.push(keyId);
    }
    this.created.clear();
    return left;
  }
}
