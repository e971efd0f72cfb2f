// Where the harness lives, whatever folder the command is run from.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PLAYWRIGHT_CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');
export const PLAYWRIGHT_CONFIG = join(ROOT, 'playwright.config.ts');
