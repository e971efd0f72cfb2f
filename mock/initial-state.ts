// A seed plus its material makes the state a fresh mock starts from; the fixture samples are made in the
// personality's cipher, and deleted versions keep no material afterwards.
import { DELETION_WINDOW_DAYS, scheduledDeletionAt } from './clock.ts';
import { rsaFromPkcs8 } from './crypto/asymmetric.ts';
import { CryptoSuite } from './crypto/suite.ts';
import type { Material } from './material.ts';
import type { Personality } from './personality.ts';
import { makeSamples } from './samples.ts';
import type { Seed } from './seed.ts';
import type { Key, KeyStore, Tenant } from './store/model.ts';
import { State } from './store/state.ts';

export function stateFromSeed(seed: Seed, material: Material, nowMs: number, personality: Personality): State {
  const tenants = new Map<string, Tenant>();
  const keys = new Map<string, Key>();
  for (const t of seed.tenants) {
    const keyStores = new Map<string, KeyStore>();
    for (const s of t.keyStores) {
      const store: KeyStore = { name: s.name };
      if (s.ipv4) store.ipv4 = s.ipv4;
      if (s.mac) store.mac = s.mac;
      if (s.certificates) {
        store.certificates = s.certificates.map((c) => {
          const issued = material.certificates[c.name];
          return { ...issued, name: c.name, status: c.status, password: c.password, p12: Buffer.from(issued.p12, 'base64'), ...(c.fixture ? { fixture: c.fixture } : {}) };
        });
      }
      keyStores.set(s.name, store);
    }
    tenants.set(t.appkey, { appkey: t.appkey, ...(t.role ? { role: t.role } : {}), credentials: t.credentials, keyStores });
    for (const k of t.keys) {
      const key: Key = {
        id: k.id,
        appkey: t.appkey,
        keyStoreName: k.keyStore,
        type: k.type,
        name: k.name,
        description: k.description,
        autoRotationPeriod: 0,
        status: k.status,
        versions: k.versions.map((status, v) => {
          const b64 = material.versions[k.id]?.[v];
          if (!b64 || status === 'deleted') return { status };
          const der = Buffer.from(b64, 'base64');
          return k.type === 'asymmetric' ? { status, rsa: rsaFromPkcs8(der) } : { status, aes: der };
        }),
      };
      if (k.secret !== undefined) key.secret = k.secret;
      if (k.fixture) key.fixture = k.fixture;
      if (k.status === 'Scheduled to be Deleted') key.deletionAt = scheduledDeletionAt(nowMs, DELETION_WINDOW_DAYS);
      keys.set(k.id, key);
    }
  }
  return new State(tenants, keys, material.pki, makeSamples(seed, material.versions, new CryptoSuite(personality)), personality.name);
}
