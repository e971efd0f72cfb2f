// A target profile file as a YAML document, before any family's schema: one ConfigError line when it
// cannot be read or is not YAML.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ConfigError } from '../config-error.ts';

export function profileDocument(path: string): { source: string; doc: unknown } {
  const source = `target profile ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${source}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return { source, doc: parse(text) };
  } catch (e) {
    throw new ConfigError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}
