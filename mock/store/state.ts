// The live state, changed only through events: the same `apply` serves live writes and log replay, so
// a restarted mock is exactly the mock that acknowledged those writes.
import type { PersonalityName } from '../personality.ts';
import type { Key, Pki, Samples, Tenant } from './model.ts';
import { deserialiseKey, deserialiseTenant, serialiseKey, serialiseTenant, type SerialKey, type SerialState } from './serial.ts';

export type StateEvent =
  | { type: 'keyCreated'; key: SerialKey }
  | { type: 'deletionScheduled'; keyId: string; deletionAt: number }
  | { type: 'keyDeleted'; keyId: string };

export class State {
  constructor(
    readonly tenants: Map<string, Tenant>,
    readonly keys: Map<string, Key>,
    readonly pki: Pki,
    readonly samples: Samples,
    /** whose cipher made the samples and every ciphertext a client holds: a data directory keeps one */
    readonly personality: PersonalityName = 'reference',
  ) {}

  static fromSerial(s: SerialState): State {
    return new State(
      new Map(s.tenants.map((t) => [t.appkey, deserialiseTenant(t)])),
      new Map(s.keys.map((k) => [k.id, deserialiseKey(k)])),
      s.pki,
      s.samples,
      s.personality,
    );
  }

  toSerial(): SerialState {
    return {
      tenants: [...this.tenants.values()].map(serialiseTenant),
      keys: [...this.keys.values()].map(serialiseKey),
      pki: this.pki,
      samples: this.samples,
      ...(this.personality === 'reference' ? {} : { personality: this.personality }),
    };
  }

  apply(event: StateEvent): void {
    switch (event.type) {
      case 'keyCreated':
        this.keys.set(event.key.id, deserialiseKey(event.key));
        return;
      case 'deletionScheduled': {
        const key = this.keys.get(event.keyId);
        if (key) Object.assign(key, { status: 'Scheduled to be Deleted', deletionAt: event.deletionAt });
        return;
      }
      case 'keyDeleted':
        this.keys.delete(event.keyId);
        return;
    }
  }
}
