// `npx tsx families/ncp-kms/mock/main.ts [--fault NAME]... [--personality NAME] [--port N] [--profile-dir DIR]`:
// the mock as a process. Bad options are one line on stderr and exit status 2; Ctrl-C or SIGTERM stops it.
import { parseArgs } from 'node:util';
import { faultCatalogue, PERSONALITY_SWITCHES, startNcpKmsMock, type RunningNcpKmsMock } from './index.ts';
import { loadCatalogue } from '../spec/catalogue.ts';

const USAGE = `Usage: npx tsx families/ncp-kms/mock/main.ts [options]
  --fault NAME        switch on a deliberate fault (repeatable; --list-faults shows them)
  --personality NAME  reference (default) or alternate (--list-switches shows what alternate changes)
  --port N            HTTP port on 127.0.0.1 (default 0: any free port)
  --profile-dir DIR   where profile.yaml is written (default out/ncp-kms-mock)
  --list-faults       print every fault with the requirements it violates, and exit
  --list-switches     print every switch of the alternate personality, and exit
  -h, --help          this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fault: { type: 'string', multiple: true }, personality: { type: 'string' }, port: { type: 'string' }, 'profile-dir': { type: 'string' },
      'list-faults': { type: 'boolean' }, 'list-switches': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values['list-faults']) return console.log(faultCatalogue(loadCatalogue().requirements).map((f) => `${f.name}  ${f.requirements.join(' ')}\n    ${f.description}`).join('\n'));
  if (values['list-switches']) return console.log(PERSONALITY_SWITCHES.map((s) => `${s.name}  ${s.requirements.join(' ')}\n    ${s.description}`).join('\n'));
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number`);
  // The handlers come first: a signal right after the ready line still closes the mock cleanly.
  const running: { mock?: RunningNcpKmsMock } = {};
  const stop = () => void (running.mock?.close() ?? Promise.resolve()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  running.mock = await startNcpKmsMock({ faults: values.fault, personality: values.personality, port, profileDir: values['profile-dir'] });
}

main().catch((e: Error) => {
  console.error(`ncp-kms mock: ${e.message.split('\n')[0]}`);
  process.exit(2);
});
