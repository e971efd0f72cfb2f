// The cryptographic material a seed needs: CA, server certificate, client certificates and every key
// version's key, deleted versions included (the fixture samples of samples.ts are made with them at
// start, in the personality's own cipher, before the state drops them). RSA-2048 generation costs 0.1-0.3 s of CPU per key and a seed needs
// about fifteen, more than the 1 s start-up budget on two cores. So material is cached per seed text
// (node_modules/.cache/skm-mock/), and a seed starts in well under a second after its first start:
// the same seed then also gives the same keys, so ciphertexts survive a restart of an in-memory mock.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IssuedClientCertificate } from './ca.ts';
import { generateRsa } from './crypto/asymmetric.ts';
import { newAesKey } from './crypto/symmetric.ts';
import type { Pki } from './store/model.ts';
import type { Seed, SeedKey } from './seed.ts';

/** Bump when the material layout changes, so old cache files are not read. */
const FORMAT = 3;
const DAY_MS = 86_400_000;
/** Cached material is remade after a week, long before any certificate it holds runs out. */
const MAX_AGE_MS = 7 * DAY_MS;

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/skm-mock/', import.meta.url));

export interface Material {
  createdAt: number;
  pki: Pki;
  /** by certificate name; p12 in Base64 */
  certificates: Record<string, Omit<IssuedClientCertificate, 'p12'> & { p12: string }>;
  /** by key id, per version: Base64 AES key or PKCS#8 DER */
  versions: Record<string, string[]>;
}

/** `cacheDir: false` always makes fresh material. */
export async function loadMaterial(seed: Seed, seedText: string, cacheDir: string | false): Promise<Material> {
  const now = Date.now();
  if (cacheDir === false) return materialise(seed, now);
  const file = join(cacheDir, `${createHash('sha256').update(`${FORMAT}\n${seedText}`).digest('hex')}.json`);
  const cached = readCache(file, now);
  if (cached) return cached;
  const material = await materialise(seed, now);
  writeCache(cacheDir, file, material);
  return material;
}

function readCache(file: string, now: number): Material | undefined {
  try {
    const material = JSON.parse(readFileSync(file, 'utf8')) as Material;
    return now - material.createdAt < MAX_AGE_MS ? material : undefined;
  } catch {
    return undefined; // absent or unreadable: make it afresh
  }
}

function writeCache(dir: string, file: string, material: Material): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(material));
    renameSync(tmp, file); // atomic, so a concurrent reader sees all or nothing
  } catch {
    // The cache only saves time; a read-only tree still starts, just slower.
  }
}

async function materialise(seed: Seed, now: number): Promise<Material> {
  // Loaded here, not at the top: node-forge takes ~80 ms to load and a cached start never needs it.
  const { createCa, issueClientCertificate, issueServerCertificate } = await import('./ca.ts');
  const caPromise = createCa(now);
  const serverPromise = caPromise.then((ca) => issueServerCertificate(ca, now));
  const stores = seed.tenants.flatMap((t) => t.keyStores);
  const certificatePromises = stores.flatMap((s) =>
    (s.certificates ?? []).map(async (c) => {
      const issued = await issueClientCertificate(await caPromise, c.name, c.password, now + c.validDays[0] * DAY_MS, now + c.validDays[1] * DAY_MS);
      return [c.name, { ...issued, p12: issued.p12.toString('base64') }] as const;
    }),
  );
  const keys = seed.tenants.flatMap((t) => t.keys).filter((k) => k.type !== 'secret');
  const versionPromises = keys.map(async (k) => [k.id, await Promise.all(k.versions.map(() => newVersionMaterial(k)))] as const);
  const [ca, server, certificates, versionList] = await Promise.all([caPromise, serverPromise, Promise.all(certificatePromises), Promise.all(versionPromises)]);
  return { createdAt: now, pki: { ca, server }, certificates: Object.fromEntries(certificates), versions: Object.fromEntries(versionList) };
}

async function newVersionMaterial(key: SeedKey): Promise<string> {
  return (key.type === 'asymmetric' ? (await generateRsa()).pkcs8 : newAesKey()).toString('base64');
}
