// `skm-conformance mock`: the embedded mock as a stand-alone service; prints its target profile's
// path and stays up until Ctrl-C.
import { ConfigError } from '../harness/config-error.ts';
import { startMock, UnknownFaultError, FAULTS } from '../mock/index.ts';
import { parse, list } from './args.ts';

export const MOCK_HELP = `Usage: skm-conformance mock [options]

Starts the reference mock SKM service (every endpoint of v1.0, v1.1 and v1.2) and prints the path of
the target profile it wrote for itself; it stays up until Ctrl-C.
  skm-conformance run --target <that path>     tests it

Options:
  --faults LIST       switch on deliberate faults, comma-separated (--list-faults shows them)
  --profile-dir DIR   where the profile, ca.pem and client certificates go (default out/mock)
  --list-faults       print the faults and the requirements each one violates, then exit
  -h, --help          this text`;

export async function mock(argv: string[], signals: NodeJS.Process = process): Promise<number> {
  const { values } = parse('mock', argv, { faults: { type: 'string' }, 'profile-dir': { type: 'string' }, 'list-faults': { type: 'boolean' } });
  if (values.help) {
    console.log(MOCK_HELP);
    return 0;
  }
  if (values['list-faults']) {
    for (const f of FAULTS) console.log(`${f.name.padEnd(32)} ${f.description} (${f.requirements.join(', ')})`);
    return 0;
  }
  let running;
  try {
    running = await startMock({ quiet: true, faults: list(values.faults) ?? [], profileDir: values['profile-dir'] });
  } catch (e) {
    if (e instanceof UnknownFaultError) throw new ConfigError(`mock: ${e.message}`, { cause: e });
    throw e;
  }
  console.log(`SKM mock on ${running.baseUrl} (plain HTTP ${running.plainBaseUrl})${values.faults ? `, faults: ${values.faults}` : ''}`);
  console.log(running.profilePath);
  console.log('Ctrl-C stops it.');
  await new Promise<void>((done) => {
    signals.once('SIGINT', () => done());
    signals.once('SIGTERM', () => done());
  });
  await running.close();
  return 0;
}
