// HMAC-SHA256 by openssl through the shell: an independent path to check a family's signer against
// (printf's %s and openssl, no line of the signer's code). Tests that use it skip where openssl is missing.
import { execFileSync } from 'node:child_process';

/** Base64 of HMAC-SHA256(key, message); the key as text or as hex bytes. */
export function opensslHmac(message: string, key: { text: string } | { hex: string }): string {
  const mac = 'hex' in key ? '-mac HMAC -macopt "hexkey:$KEY"' : '-hmac "$KEY"';
  const script = `printf "%s" "$MSG" | openssl dgst -sha256 ${mac} -binary | base64`;
  return execFileSync('sh', ['-c', script], { env: { ...process.env, MSG: message, KEY: 'hex' in key ? key.hex : key.text } }).toString().trim();
}

/** false where openssl runs, else why the tests that need it are skipped. */
export const opensslMissing: false | string = (() => {
  try {
    execFileSync('openssl', ['version']);
    return false;
  } catch {
    return 'no openssl on this machine';
  }
})();
