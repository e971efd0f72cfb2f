// Secrets never leave in clear: the secret key, the auth token and any signature (an HMAC over the
// secret). What the mock logs and what a refusal or an error says goes through here first.
import { HEADERS, SCHEME } from './signer.ts';

export const MASK = '***';

const SECRET_HEADERS = new Set([HEADERS.authToken.toLowerCase()]);

/** Headers as they may be shown: the token masked, Authorization reduced to its scheme word. */
export function maskHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    const lower = name.toLowerCase();
    if (SECRET_HEADERS.has(lower)) shown[name] = MASK;
    else if (lower === HEADERS.authorization.toLowerCase()) shown[name] = value.startsWith(`${SCHEME} `) ? `${SCHEME} ${MASK}` : MASK;
    else shown[name] = value;
  }
  return shown;
}

/** `text` with every occurrence of the given secret values (four characters or more) replaced. */
export function maskText(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((out, secret) => out.split(secret).join(MASK), text);
}
