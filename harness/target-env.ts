// The run's target profile path: SKM_TARGET, set by the user or by the global setup that starts
// the embedded mock.
import { ConfigError } from './config-error.ts';

export const TARGET_ENV = 'SKM_TARGET';

export function targetPath(): string {
  const path = process.env[TARGET_ENV];
  if (!path) throw new ConfigError(`${TARGET_ENV} is not set: point it at a target profile (see targets/PROFILE-FORMAT.md)`);
  return path;
}
