// `npm run mock`: the mock as a process. Bad options are one line on stderr and exit status 2.
import { startMock, type RunningMock } from './index.ts';
import { listing, MOCK_OPTIONS_USAGE, parseMockArgs } from './options.ts';

const USAGE = `Usage: npm run mock -- [options]

${MOCK_OPTIONS_USAGE}`;

async function main(): Promise<void> {
  const command = parseMockArgs(process.argv.slice(2));
  if (command.action === 'help') return console.log(USAGE);
  if (command.action !== 'start') return console.log(listing(command.action).join('\n'));
  // The handlers come first: a signal right after the ready line still closes the mock cleanly.
  const running: { mock?: RunningMock } = {};
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    (running.mock?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  running.mock = await startMock(command.options);
}

main().catch((e: Error) => {
  // Every start-up failure (options, seed, fault names, ports, data directory) is the user's to fix: one line.
  console.error(`skm mock: ${e.message.split('\n')[0]}`);
  process.exit(2);
});
