// The gate's credentials: a primary account the profile's controls use, and a revoked one. Fresh random
// values per start unless given; the secret key is 33 random bytes in Base64, as Kompliant issues them.
import { randomBytes } from 'node:crypto';
import type { Credentials } from '../auth/signer.ts';

export interface Account extends Credentials {
  revoked: boolean;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

export function freshCredentials(): Credentials {
  return { apiKey: `sb_${randomText(22)}`, secretKey: randomBytes(33).toString('base64'), authToken: randomText(58) };
}

export class Accounts {
  private readonly byKey: ReadonlyMap<string, Account>;

  constructor(readonly primary: Credentials, readonly revoked: Credentials) {
    this.byKey = new Map([[primary.apiKey, { ...primary, revoked: false }], [revoked.apiKey, { ...revoked, revoked: true }]]);
  }

  get(apiKey: string): Account | undefined {
    return this.byKey.get(apiKey);
  }

  /** Every value that must never be shown: secrets and tokens. */
  secrets(): string[] {
    return [...this.byKey.values()].flatMap((a) => [a.secretKey, a.authToken]);
  }
}
