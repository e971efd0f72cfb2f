// The programmatic entry point: start the NAVER Cloud KMS mock (gateway and KMS on loopback HTTP), get its
// URL and the target profile it wrote for itself.
import { Actions } from './actions.ts';
import { Faults } from './faults.ts';
import { Gateway } from './gateway.ts';
import { Kms } from './kms.ts';
import { Personality, type PersonalityName } from './personality.ts';
import { writeProfile } from './profile-writer.ts';
import { makeSamples } from './samples.ts';
import { seed, type KeyPairs, type KeyRole } from './seed.ts';
import { listen } from './server.ts';
import { DataKeys, Vault } from './vault.ts';
import type { GatewayCredentials } from '../auth/signer.ts';
import type { Key } from './keys.ts';
import type { Samples } from './samples.ts';

export const DEFAULT_PROFILE_DIR = 'out/ncp-kms-mock';

export interface NcpKmsMockOptions {
  /** names from faults.ts; an unknown one rejects with UnknownFaultError before anything starts */
  faults?: string[];
  /** reference (default) or alternate (personality.ts) */
  personality?: string;
  /** where profile.yaml is written; default out/ncp-kms-mock */
  profileDir?: string;
  /** the gateway's clock in epoch milliseconds; default Date.now */
  clock?: () => number;
  /** default 0: any free port */
  port?: number;
  /** the account; default fresh random keys */
  credentials?: GatewayCredentials;
  /** no start-up line on stdout */
  quiet?: boolean;
  /** share RSA and ECDSA key pairs between mocks of one process (tests); default fresh ones */
  keyPairs?: KeyPairs;
}

export interface RunningNcpKmsMock {
  baseUrl: string;
  profilePath: string;
  credentials: GatewayCredentials;
  keys: Record<KeyRole, Key>;
  samples: Samples;
  personality: PersonalityName;
  close(): Promise<void>;
}

export async function startNcpKmsMock(options: NcpKmsMockOptions = {}): Promise<RunningNcpKmsMock> {
  const faults = new Faults(options.faults);
  const personality = new Personality(options.personality);
  const seeded = await seed({ firstVersion: personality.has('first-version-zero') ? 0 : 1, credentials: options.credentials, keyPairs: options.keyPairs });
  const vault = new Vault(seeded.keys, faults, personality);
  const kms = new Kms(vault, new Actions(vault, new DataKeys(faults), faults, personality), faults, personality);
  const gateway = new Gateway(seeded.accounts, options.clock ?? Date.now, faults, personality);
  const listening = await listen(gateway, kms, options.port);
  try {
    const credentials = [...seeded.accounts.values()][0];
    const samples = makeSamples(vault, seeded.roles);
    const profilePath = writeProfile(options.profileDir ?? DEFAULT_PROFILE_DIR, {
      baseUrl: listening.baseUrl, credentials, roles: seeded.roles, samples, personality: personality.name,
    });
    if (!options.quiet) {
      const active = faults.names.length > 0 ? `; faults: ${faults.names.join(', ')}` : '';
      const reading = personality.name === 'reference' ? '' : `; ${personality.name} personality`;
      console.log(`NAVER Cloud KMS mock on ${listening.baseUrl}; target profile written to ${profilePath}${reading}${active}`);
    }
    return { baseUrl: listening.baseUrl, profilePath, credentials, keys: seeded.roles, samples, personality: personality.name, close: listening.close };
  } catch (e) {
    await listening.close();
    throw e;
  }
}

export { FAULT_NAMES, faultCatalogue, UnknownFaultError } from './faults.ts';
export { KeyPairs } from './seed.ts';
export { PERSONALITIES, PERSONALITY_SWITCHES, UnknownPersonalityError } from './personality.ts';
