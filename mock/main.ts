// `npm run mock`: the mock as a process. Bad options are one line on stderr and exit status 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { ERROR_TRANSPORTS, type ErrorTransport, type ResultCodesOption } from './envelope.ts';
import { DEFAULT_PROFILE_DIR, startMock } from './index.ts';

const USAGE = `Usage: npm run mock -- [options]

  --seed FILE              seed file (default mock/seed.yaml)
  --port N                 plain HTTP port (default: any free port)
  --tls-port N             HTTPS port (default: any free port)
  --data-dir DIR           keep state in DIR across restarts (default: in memory)
  --fault NAME             switch on a deliberate fault; repeatable (list: mock/README.md)
  --error-transport MODE   http4xx (default) or http200
  --result-codes SPEC      distinct (default), uniform, or a YAML/JSON file of message: code
  --profile-out DIR        where the target profile is written (default ${DEFAULT_PROFILE_DIR})
  --help                   this text`;

class UsageError extends Error {}

function port(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new UsageError(`${flag} needs a port number 0-65535, got "${text}"`);
  return n;
}

function resultCodes(spec: string | undefined): ResultCodesOption | undefined {
  if (spec === undefined || spec === 'distinct' || spec === 'uniform') return spec;
  let doc: unknown;
  try {
    doc = parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    throw new UsageError(`--result-codes: ${spec} is not distinct, uniform or a readable YAML/JSON file (${(e as Error).message.split('\n')[0]})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`--result-codes: ${spec} must map messages to numbers`);
  return doc as Record<string, number>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      port: { type: 'string' },
      'tls-port': { type: 'string' },
      'data-dir': { type: 'string' },
      fault: { type: 'string', multiple: true },
      'error-transport': { type: 'string' },
      'result-codes': { type: 'string' },
      'profile-out': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const transport = values['error-transport'];
  if (transport !== undefined && !ERROR_TRANSPORTS.includes(transport as ErrorTransport)) {
    throw new UsageError(`--error-transport must be ${ERROR_TRANSPORTS.join(' or ')}, got "${transport}"`);
  }
  const mock = await startMock({
    seedFile: values.seed,
    httpPort: port(values.port, '--port'),
    httpsPort: port(values['tls-port'], '--tls-port'),
    dataDir: values['data-dir'],
    faults: values.fault,
    errorTransport: transport as ErrorTransport | undefined,
    resultCodes: resultCodes(values['result-codes']),
    profileDir: values['profile-out'],
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    mock.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  // Every start-up failure (options, seed, fault names, ports, data directory) is the user's to fix: one line.
  console.error(`skm mock: ${e.message.split('\n')[0]}`);
  process.exit(2);
});
