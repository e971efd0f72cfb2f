// The KSig1 suites, run by the family-neutral runner (tests/family-suite-runs.ts).
import type { Credentials } from '../../families/ksig1/auth/signer.ts';
import { runFamilySuites, type RunOptions, type SuiteRun } from '../family-suite-runs.ts';

export { inParallel, type SuiteRun } from '../family-suite-runs.ts';

/** The secret keys and auth tokens of the mock's accounts, the revoked one included. */
function secretsOf(profile: unknown): string[] {
  const p = profile as { credentials: Credentials; fixtures?: { revokedKey?: Partial<Credentials> } };
  return [p.credentials, p.fixtures?.revokedKey ?? {}].flatMap((c) => [c.secretKey, c.authToken]).filter((s): s is string => Boolean(s));
}

export function runKsig1Suites(options: RunOptions = {}): Promise<SuiteRun> {
  return runFamilySuites({ family: 'ksig1', secretsOf }, options);
}
