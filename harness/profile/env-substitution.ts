// ${ENV_VAR} in any string of a profile is replaced from the environment, so secrets need not sit in
// the file. The map of substituted values back to their variable names lets outputs (curl lines)
// name the variable instead of the secret.
import { ConfigError } from '../config-error.ts';

const PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface Substituted<T> {
  value: T;
  /** secret value -> the environment variable it came from */
  fromEnv: Map<string, string>;
}

export function substituteEnv<T>(doc: T, env: NodeJS.ProcessEnv, source: string): Substituted<T> {
  const fromEnv = new Map<string, string>();
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PATTERN, (_, name: string) => {
        const value = env[name];
        if (value === undefined) throw new ConfigError(`${source}: ${path} uses \${${name}}, which is not set in the environment`);
        fromEnv.set(value, name);
        return value;
      });
    }
    if (Array.isArray(node)) return node.map((v, i) => walk(v, `${path}[${i}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return node;
  };
  return { value: walk(doc, '') as T, fromEnv };
}
