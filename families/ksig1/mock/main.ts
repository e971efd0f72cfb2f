// `npx tsx families/ksig1/mock/main.ts [--fault NAME]... [--personality NAME] [--port N] [--profile-dir DIR] [--verbose]`:
// the mock as a process. Bad options are one line on stderr and exit status 2; Ctrl-C or SIGTERM stops it.
import { parseArgs } from 'node:util';
import { FAULTS, PERSONALITY_SWITCHES, startKsig1Mock, type RunningKsig1Mock } from './index.ts';

const USAGE = `Usage: npx tsx families/ksig1/mock/main.ts [options]
  --fault NAME        switch on a deliberate fault (repeatable; --list-faults shows them)
  --personality NAME  reference (default) or alternate (--list-switches shows what alternate changes)
  --port N            HTTP port on 127.0.0.1 (default 0: any free port)
  --profile-dir DIR   where profile.yaml is written (default out/ksig1-mock)
  --verbose           one line per request on stdout (token and signature masked)
  --list-faults       print every fault with the requirements it violates, and exit
  --list-switches     print every switch of the alternate personality, and exit
  -h, --help          this text`;

const listing = (items: readonly { name: string; requirements: readonly string[]; description: string }[]) =>
  items.map((i) => `${i.name}  ${i.requirements.join(' ')}\n    ${i.description}`).join('\n');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fault: { type: 'string', multiple: true }, personality: { type: 'string' }, port: { type: 'string' }, 'profile-dir': { type: 'string' },
      verbose: { type: 'boolean' }, 'list-faults': { type: 'boolean' }, 'list-switches': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values['list-faults']) return console.log(listing(FAULTS));
  if (values['list-switches']) return console.log(listing(PERSONALITY_SWITCHES));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number`);
  // The handlers come first: a signal right after the ready line still closes the mock cleanly.
  const running: { mock?: RunningKsig1Mock } = {};
  const stop = () => void (running.mock?.close() ?? Promise.resolve()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const log = values.verbose ? (line: string) => console.log(line) : undefined;
  running.mock = await startKsig1Mock({ faults: values.fault, personality: values.personality, port, profileDir: values['profile-dir'], log });
}

main().catch((e: Error) => {
  console.error(`ksig1 mock: ${e.message.split('\n')[0]}`);
  process.exit(2);
});
