// Small argument helpers for the command: every mistake is a ConfigError (one line, exit code 2).
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../harness/config-error.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new ConfigError(`${command}: ${message} (see kms-conformance ${command} --help)`);
  }
}

export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new ConfigError(`an empty list was given ("${value}")`);
  return items;
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${flag} needs a positive whole number, got "${value}"`);
  return Number(value);
}

export function seed(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Math.abs(Number(value)) >= 2 ** 31) throw new ConfigError(`--seed needs a whole number below 2^31, got "${value}"`);
  return Number(value);
}

export function shard(value: string | undefined): { current: number; total: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new ConfigError(`--shard needs k/n with 1 <= k <= n, got "${value}"`);
  return { current: Number(m[1]), total: Number(m[2]) };
}

export function regex(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    new RegExp(value);
  } catch (e) {
    throw new ConfigError(`${flag} is not a valid regular expression: ${(e as Error).message}`, { cause: e });
  }
  return value;
}

/** Creates the output folder now and checks that it takes files, so that a path that cannot be one
 *  is a usage error before anything runs. */
export function outputFolder(path: string, flag: string): string {
  try {
    makeFolder(path);
    rmdirSync(mkdtempSync(join(path, '.skm-write-check-')));
  } catch (e) {
    throw new ConfigError(`${flag} ${path}: cannot be used as the output folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return path;
}

/** One level at a time: Node's recursive mkdir never returns for a path under /proc. */
function makeFolder(path: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    return;
  }
  makeFolder(dirname(path));
  mkdirSync(path);
}
