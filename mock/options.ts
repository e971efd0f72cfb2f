// The mock's options as a command takes them: one parser and one usage text for `npm run mock`
// (mock/main.ts) and `kms-conformance mock` (cli/mock.ts), and the same checks for the environment
// variables the harness starts it with (families/skm/harness/global-setup.ts). Every mistake is one MockOptionError line.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { ERROR_TRANSPORTS, type ErrorTransport, type ResultCodesOption } from './envelope.ts';
import { FAULTS } from './faults.ts';
import { DEFAULT_PROFILE_DIR, type MockOptions } from './index.ts';
import { isPersonalityName, PERSONALITIES, PERSONALITY_SWITCHES, type PersonalityName } from './personality.ts';

export class MockOptionError extends Error {}

export const MOCK_OPTIONS_USAGE = `Options:
  --seed FILE              seed file (default mock/seed.yaml)
  --port N                 plain HTTP port (default: any free port)
  --tls-port N             HTTPS port (default: any free port)
  --data-dir DIR           keep state in DIR across restarts (default: in memory)
  --personality NAME       ${PERSONALITIES.join(' (default) or ')}: which reading of what the documents leave open
  --fault NAME             switch on a deliberate fault; repeatable, or comma-separated
  --faults LIST            the same as --fault
  --error-transport MODE   http4xx (default) or http200
  --result-codes SPEC      distinct (default), uniform, or a YAML/JSON file of message: code
  --profile-dir DIR        where the target profile, ca.pem and certs/ go (default ${DEFAULT_PROFILE_DIR}; also --profile-out)
  --list-faults            print the faults and the requirements each one violates, then exit
  --list-switches          print the alternate personality's switches and the requirements each one plays, then exit
  -h, --help               this text`;

export type MockCommand = { action: 'help' | 'list-faults' | 'list-switches' } | { action: 'start'; options: MockOptions };

export function parseMockArgs(args: string[]): MockCommand {
  const { values } = readArgs(args);
  if (values.help) return { action: 'help' };
  if (values['list-faults']) return { action: 'list-faults' };
  if (values['list-switches']) return { action: 'list-switches' };
  const faults = [...(values.fault ?? []), ...(values.faults ?? [])].flatMap((v) => v.split(','));
  return {
    action: 'start',
    options: {
      seedFile: values.seed,
      httpPort: port(values.port, '--port'),
      httpsPort: port(values['tls-port'], '--tls-port'),
      dataDir: values['data-dir'],
      faults: faultNames(faults, '--fault'),
      errorTransport: errorTransport(values['error-transport'], '--error-transport'),
      resultCodes: resultCodes(values['result-codes']),
      personality: personality(values.personality, '--personality'),
      profileDir: values['profile-dir'] ?? values['profile-out'],
    },
  };
}

/** SKM_MOCK_FAULTS (comma-separated), SKM_MOCK_ERROR_TRANSPORT, SKM_MOCK_PERSONALITY, SKM_MOCK_PROFILE_DIR. */
export function mockOptionsFromEnv(env: NodeJS.ProcessEnv): MockOptions {
  return {
    faults: faultNames((env.SKM_MOCK_FAULTS ?? '').split(','), 'SKM_MOCK_FAULTS'),
    errorTransport: errorTransport(env.SKM_MOCK_ERROR_TRANSPORT || undefined, 'SKM_MOCK_ERROR_TRANSPORT'),
    personality: personality(env.SKM_MOCK_PERSONALITY || undefined, 'SKM_MOCK_PERSONALITY'),
    profileDir: env.SKM_MOCK_PROFILE_DIR || undefined,
  };
}

/** The lines --list-faults and --list-switches print. */
export function listing(action: 'list-faults' | 'list-switches'): string[] {
  const entries = action === 'list-faults' ? FAULTS : PERSONALITY_SWITCHES;
  return entries.map((e) => `${e.name.padEnd(44)} ${e.description} (${e.requirements.join(', ')})`);
}

function readArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        'tls-port': { type: 'string' },
        'data-dir': { type: 'string' },
        personality: { type: 'string' },
        fault: { type: 'string', multiple: true },
        faults: { type: 'string', multiple: true },
        'error-transport': { type: 'string' },
        'result-codes': { type: 'string' },
        'profile-dir': { type: 'string' },
        'profile-out': { type: 'string' },
        'list-faults': { type: 'boolean' },
        'list-switches': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new MockOptionError((e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''));
  }
}

function port(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new MockOptionError(`${flag} needs a port number 0-65535, got "${text}"`);
  return n;
}

function faultNames(names: string[], source: string): string[] {
  const known = new Set(FAULTS.map((f) => f.name));
  const given = names.map((n) => n.trim()).filter(Boolean);
  const unknown = given.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new MockOptionError(`${source}: unknown fault ${unknown.join(', ')} (--list-faults shows them)`);
  return given;
}

function errorTransport(text: string | undefined, source: string): ErrorTransport | undefined {
  if (text === undefined || (ERROR_TRANSPORTS as readonly string[]).includes(text)) return text as ErrorTransport | undefined;
  throw new MockOptionError(`${source} must be ${ERROR_TRANSPORTS.join(' or ')}, got "${text}"`);
}

function personality(text: string | undefined, source: string): PersonalityName | undefined {
  if (text === undefined || isPersonalityName(text)) return text;
  throw new MockOptionError(`${source} must be ${PERSONALITIES.join(' or ')}, got "${text}"`);
}

function resultCodes(spec: string | undefined): ResultCodesOption | undefined {
  if (spec === undefined || spec === 'distinct' || spec === 'uniform') return spec;
  let doc: unknown;
  try {
    doc = parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    throw new MockOptionError(`--result-codes: ${spec} is not distinct, uniform or a readable YAML/JSON file (${reason})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new MockOptionError(`--result-codes: ${spec} must map messages to numbers`);
  }
  return doc as Record<string, number>;
}
