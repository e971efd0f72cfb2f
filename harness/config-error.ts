// A configuration or usage problem the user must fix: reported as one readable line, exit code 2,
// never as a stack trace.
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const CONFIG_ERROR_EXIT = 2;
