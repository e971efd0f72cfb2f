// The programmatic entry point (the harness's global setup uses it): start the mock, get its URLs and
// the target profile it wrote for itself.
import { fileURLToPath } from 'node:url';
import { ClientAuth } from './auth/client-auth.ts';
import { CertificateInspector } from './auth/certificates.ts';
import { systemClock, type Clock } from './clock.ts';
import { App } from './app.ts';
import { CryptoSuite } from './crypto/suite.ts';
import { Envelope, resolveResultCodes, type ErrorTransport, type ResultCodesOption } from './envelope.ts';
import { POSITIVE_RESULT_CODES } from './errors.ts';
import { Faults } from './faults.ts';
import { KeyHistory } from './handlers/history.ts';
import { DEFAULT_CACHE_DIR, loadMaterial } from './material.ts';
import { stateFromSeed } from './initial-state.ts';
import { Personality, type PersonalityName } from './personality.ts';
import { writeProfile } from './profile-writer.ts';
import { Router, routerOptions } from './router.ts';
import { readSeed } from './seed.ts';
import { listen, type Listening } from './server.ts';
import { Journal } from './store/journal.ts';
import { State } from './store/state.ts';
import { Store } from './store/store.ts';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./seed.yaml', import.meta.url));
export const DEFAULT_PROFILE_DIR = 'out/mock';

export interface MockOptions {
  /** default mock/seed.yaml */
  seedFile?: string;
  /** where the target profile, ca.pem and certs/ are written; default out/mock */
  profileDir?: string;
  /** persist state here (write-ahead log + snapshots); default: in memory only */
  dataDir?: string;
  /** names from mock/faults.ts; an unknown name rejects with UnknownFaultError */
  faults?: string[];
  /** default http4xx */
  errorTransport?: ErrorTransport;
  /** default distinct (alternate personality: 1001 upwards) */
  resultCodes?: ResultCodesOption;
  /** which reading of what the documents leave open (mock/personality.ts); default reference */
  personality?: PersonalityName;
  /** time for the key lifecycle; default the system clock */
  clock?: Clock;
  /** plain HTTP port; default 0 (any free port) */
  httpPort?: number;
  /** HTTPS port; default 0 (any free port) */
  httpsPort?: number;
  /** no start-up line on stdout */
  quiet?: boolean;
  /** seed material cache directory, or false to make fresh keys; default node_modules/.cache/skm-mock */
  materialCache?: string | false;
}

export interface RunningMock {
  /** HTTPS */
  baseUrl: string;
  plainBaseUrl: string;
  profilePath: string;
  close(): Promise<void>;
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const faults = new Faults(options.faults);
  const personality = new Personality(options.personality);
  const errorTransport = options.errorTransport ?? 'http4xx';
  const codes = options.resultCodes ?? (personality.has('positive-result-codes') ? POSITIVE_RESULT_CODES : 'distinct');
  const envelope = new Envelope(errorTransport, resolveResultCodes(codes), faults, personality);
  const clock = options.clock ?? systemClock;
  const cache = options.materialCache ?? DEFAULT_CACHE_DIR;
  const store = await openStore(options.seedFile ?? DEFAULT_SEED_FILE, options.dataDir, clock, cache, personality);
  let listening: Listening | undefined;
  try {
    const { state } = store;
    const clientAuth = new ClientAuth(new CertificateInspector(state.pki.ca.certPem), clock, faults, personality);
    const services = { store, clock, faults, personality, suite: new CryptoSuite(personality), history: new KeyHistory(), clientAuth };
    const app = new App(new Router(undefined, routerOptions(personality)), envelope, services);
    listening = await listen(app, envelope, state.pki, { http: options.httpPort, https: options.httpsPort, personality });
    const { baseUrl, plainBaseUrl } = listening;
    const profilePath = writeProfile(options.profileDir ?? DEFAULT_PROFILE_DIR, {
      state, baseUrl, plainBaseUrl, errorTransport, resultCodes: envelope.resultCodes, personality: personality.name,
    });
    if (!options.quiet) {
      const active = faults.names.length > 0 ? `; faults: ${faults.names.join(', ')}` : '';
      const reading = personality.name === 'reference' ? '' : `; ${personality.name} personality`;
      console.log(`SKM mock on ${baseUrl} (plain ${plainBaseUrl}); target profile written to ${profilePath}${reading}${active}`);
    }
    const running = listening;
    return {
      baseUrl,
      plainBaseUrl,
      profilePath,
      close: async () => {
        await running.close();
        store.close();
      },
    };
  } catch (e) {
    await listening?.close();
    store.close();
    throw e;
  }
}

/**
 * In memory from the seed, or from a data directory (the seed only fills a new one). A data directory
 * belongs to the personality that made it: its fixtures and the ciphertexts clients hold are in its cipher.
 */
async function openStore(
  seedFile: string, dataDir: string | undefined, clock: Clock, cache: string | false, personality: Personality,
): Promise<Store> {
  const fromSeed = async () => {
    const { seed, text } = readSeed(seedFile);
    return stateFromSeed(seed, await loadMaterial(seed, text, cache), clock().getTime(), personality);
  };
  if (!dataDir) return new Store(await fromSeed());
  const recovered = Journal.open(dataDir);
  try {
    let state: State;
    if (recovered.state) {
      state = State.fromSerial(recovered.state);
      if (state.personality !== personality.name) {
        throw new Error(`data directory ${dataDir} belongs to the ${state.personality} personality; start it as such or use a new one`);
      }
    } else {
      state = await fromSeed();
      recovered.journal.snapshot(state.toSerial());
    }
    for (const event of recovered.events) state.apply(event);
    return new Store(state, recovered.journal);
  } catch (e) {
    recovered.journal.close();
    throw e;
  }
}

export { FAULTS, UnknownFaultError } from './faults.ts';
export { PERSONALITIES, PERSONALITY_SWITCHES, UnknownPersonalityError, type PersonalityName } from './personality.ts';
export { SeedError } from './seed.ts';
export type { Clock } from './clock.ts';
