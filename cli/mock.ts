// `kms-conformance mock`: the embedded mock as a stand-alone service; prints its target profile's
// path and stays up until Ctrl-C. It takes the options of `npm run mock` (mock/options.ts).
import { ConfigError } from '../harness/config-error.ts';
import { startMock, type RunningMock } from '../mock/index.ts';
import { listing, MOCK_OPTIONS_USAGE, MockOptionError, parseMockArgs, type MockCommand } from '../mock/options.ts';

export const MOCK_HELP = `Usage: kms-conformance mock [options]

Starts the reference mock SKM service (every endpoint of v1.0, v1.1 and v1.2) and prints the path of
the target profile it wrote for itself; it stays up until Ctrl-C.
  kms-conformance run --target <that path>     tests it

${MOCK_OPTIONS_USAGE}`;

export async function mock(argv: string[], signals: NodeJS.Process = process): Promise<number> {
  let command: MockCommand;
  try {
    command = parseMockArgs(argv);
  } catch (e) {
    throw configError(e);
  }
  if (command.action === 'help') {
    console.log(MOCK_HELP);
    return 0;
  }
  if (command.action !== 'start') {
    console.log(listing(command.action).join('\n'));
    return 0;
  }
  let running: RunningMock;
  try {
    running = await startMock({ quiet: true, ...command.options });
  } catch (e) {
    throw configError(e); // a seed, a port in use, a data directory: the user's to fix, like a bad option
  }
  const { faults = [], personality = 'reference' } = command.options;
  const reading = personality === 'reference' ? '' : `, ${personality} personality`;
  const deviations = faults.length > 0 ? `, faults: ${faults.join(',')}` : '';
  console.log(`SKM mock on ${running.baseUrl} (plain HTTP ${running.plainBaseUrl})${reading}${deviations}`);
  console.log(running.profilePath);
  console.log('Ctrl-C stops it.');
  await new Promise<void>((done) => {
    signals.once('SIGINT', () => done());
    signals.once('SIGTERM', () => done());
  });
  await running.close();
  return 0;
}

/** One line and exit code 2 (kms-conformance.ts), never a stack trace. */
function configError(e: unknown): ConfigError {
  const hint = e instanceof MockOptionError ? ' (see kms-conformance mock --help)' : '';
  return new ConfigError(`mock: ${(e as Error).message.split('\n')[0]}${hint}`, { cause: e });
}
