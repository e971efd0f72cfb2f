// The programmatic entry point: start the KSig1 mock (a gate in front of a small protected resource, on
// loopback HTTP), get its URL, its credentials and the target profile it wrote for itself.
import { Accounts, freshCredentials } from './accounts.ts';
import { Faults } from './faults.ts';
import { Gate } from './gate.ts';
import { Personality, type PersonalityName } from './personality.ts';
import { writeProfile } from './profile-writer.ts';
import { Applications } from './resource.ts';
import { listen } from './server.ts';
import type { Conventions, Credentials } from '../auth/signer.ts';

export const DEFAULT_PROFILE_DIR = 'out/ksig1-mock';

export interface Ksig1MockOptions {
  /** names from faults.ts; an unknown one rejects with UnknownFaultError before anything starts */
  faults?: string[];
  /** reference (default) or alternate (personality.ts) */
  personality?: string;
  /** where profile.yaml is written; default out/ksig1-mock */
  profileDir?: string;
  /** the gate's clock in epoch milliseconds; default Date.now */
  clock?: () => number;
  /** default 0: any free port */
  port?: number;
  /** default fresh random credentials */
  credentials?: Credentials;
  /** no start-up line on stdout */
  quiet?: boolean;
  /** one line per request, secrets masked */
  log?: (line: string) => void;
}

export interface RunningKsig1Mock {
  baseUrl: string;
  profilePath: string;
  credentials: Credentials;
  revoked: Credentials;
  personality: PersonalityName;
  /** how this mock builds the string to sign */
  conventions: Conventions;
  close(): Promise<void>;
}

export async function startKsig1Mock(options: Ksig1MockOptions = {}): Promise<RunningKsig1Mock> {
  const faults = new Faults(options.faults);
  const personality = new Personality(options.personality);
  const credentials = options.credentials ?? freshCredentials();
  const revoked = freshCredentials();
  const accounts = new Accounts(credentials, revoked);
  const gate = new Gate(accounts, faults, personality, options.clock ?? Date.now);
  const listening = await listen({ gate, applications: new Applications(), accounts, faults, personality, log: options.log }, options.port);
  try {
    const conventions = personality.conventions();
    const profilePath = writeProfile(options.profileDir ?? DEFAULT_PROFILE_DIR, { baseUrl: listening.baseUrl, credentials, revoked, personality: personality.name, conventions });
    if (!options.quiet) {
      const active = faults.names.length > 0 ? `; faults: ${faults.names.join(', ')}` : '';
      const reading = personality.name === 'reference' ? '' : `; ${personality.name} personality`;
      console.log(`KSig1 mock on ${listening.baseUrl}; target profile written to ${profilePath}${reading}${active}`);
    }
    return { baseUrl: listening.baseUrl, profilePath, credentials, revoked, personality: personality.name, conventions, close: listening.close };
  } catch (e) {
    await listening.close();
    throw e;
  }
}

export { FAULTS, FAULT_NAMES, UnknownFaultError } from './faults.ts';
export { PERSONALITIES, PERSONALITY_SWITCHES, UnknownPersonalityError } from './personality.ts';
