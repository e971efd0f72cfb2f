// The profile's fixture ciphertexts, signatures and local key, made at start with the personality's
// cipher from the seed material: with versions that are now older, Scheduled to be Deleted or deleted,
// and with the STOPPED keys. A few AES and RSA operations, so they cost nothing next to key generation.
import { randomBytes } from 'node:crypto';
import { rsaFromPkcs8 } from './crypto/asymmetric.ts';
import type { CryptoSuite } from './crypto/suite.ts';
import type { Material } from './material.ts';
import type { Seed, SeedKey } from './seed.ts';
import type { Samples } from './store/model.ts';

export function makeSamples(seed: Seed, versions: Material['versions'], suite: CryptoSuite): Samples {
  const primary = seed.tenants.find((t) => t.role === 'primary')!;
  const find = (fixture: SeedKey['fixture'], type: SeedKey['type']) => primary.keys.find((k) => k.fixture === fixture && k.type === type);
  const plaintext = seed.fixturePlaintext;
  const text = Buffer.from(plaintext, 'utf8');
  const material = (key: SeedKey, version: number) => Buffer.from(versions[key.id][version], 'base64');
  const encrypt = (key: SeedKey, version: number, bytes: Buffer) => suite.seal(material(key, version), version, bytes);
  const ciphertext = (key: SeedKey | undefined, version: number) => (key ? { ciphertext: suite.encode(encrypt(key, version, text)) } : {});
  const signature = (key: SeedKey | undefined, version: number) =>
    key ? { signature: suite.encode(suite.sign(rsaFromPkcs8(material(key, version)), version, text)) } : {};

  const samples: Samples = {};
  const rotSym = find('rotated', 'symmetric');
  const rotAsym = find('rotated', 'asymmetric');
  const statuses = (rotSym ?? rotAsym)?.versions ?? []; // the seed makes both rotated keys' versions equal
  for (const [slot, status] of [['scheduledVersion', 'Scheduled to be Deleted'], ['deletedVersion', 'deleted']] as const) {
    const version = statuses.lastIndexOf(status);
    if (version !== -1) samples[slot] = { version, plaintext, ...ciphertext(rotSym, version), ...signature(rotAsym, version) };
  }
  const older = statuses.indexOf('In Service');
  if (older !== -1 && older < statuses.length - 1) {
    // As create-local-key makes one (handlers/symmetric.ts); localKeyCiphertext is Base64 with padding there too.
    const localKey = randomBytes(32);
    const localKeyCiphertext = rotSym && encrypt(rotSym, older, suite.localKeyText(localKey)).toString('base64');
    const local = localKeyCiphertext ? { localKeyPlaintext: localKey.toString('base64'), localKeyCiphertext } : {};
    samples.olderVersion = { version: older, plaintext, ...ciphertext(rotSym, older), ...signature(rotAsym, older), ...local };
  }
  const stopSym = find('invalidKeyStatus', 'symmetric');
  const stopAsym = find('invalidKeyStatus', 'asymmetric');
  const newest = (key: SeedKey | undefined) => key?.versions.lastIndexOf('In Service') ?? 0;
  if (stopSym || stopAsym) {
    const version = newest(stopSym ?? stopAsym);
    samples.invalidKeyStatus = { version, plaintext, ...ciphertext(stopSym, newest(stopSym)), ...signature(stopAsym, newest(stopAsym)) };
  }
  return samples;
}
