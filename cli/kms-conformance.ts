// The `kms-conformance` command: run the conformance suites (or one shard), merge shards, start the
// mock, validate a target profile. Usage and configuration errors are one line and exit code 2.
import { ConfigError, CONFIG_ERROR_EXIT } from '../harness/config-error.ts';
import { run } from './run.ts';
import { merge } from './merge.ts';
import { validateTarget } from './validate-target.ts';
import { calibrateCommand } from './calibrate.ts';
import { compareCommand } from './compare.ts';

export const HELP = `Usage: kms-conformance <command> [options]

Commands:
  run               run the conformance suites against a target (or the embedded mock) and report
  merge DIR...      merge the output folders of a sharded run into one report
  calibrate         learn how a reference service reads the documents' open points; write the
                    expectations that pin it
  compare           run the same plan against a baseline and a candidate; report where they differ
  mock              start the embedded mock and print its target profile's path (Ctrl-C stops it)
  validate-target   check a target profile
  help              this text

kms-conformance <command> --help describes each command.
Exit codes: 0 certified for what was asked, 1 not, 2 usage or configuration error.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return run(rest);
    case 'merge':
      return merge(rest);
    case 'calibrate':
      return calibrateCommand(rest);
    case 'compare':
      return compareCommand(rest);
    case 'mock':
      // Loaded on demand: the mock is only needed by this command.
      return (await import('./mock.ts')).mock(rest);
    case 'validate-target':
      return validateTarget(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return command === undefined ? CONFIG_ERROR_EXIT : 0;
    default:
      throw new ConfigError(`unknown command "${command}" (commands: run, merge, calibrate, compare, mock, validate-target; see kms-conformance --help)`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`kms-conformance: ${e.message}\n`);
  process.exitCode = CONFIG_ERROR_EXIT;
}
