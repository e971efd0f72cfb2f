// The NAVER Cloud KMS suites, run by the family-neutral runner (tests/family-suite-runs.ts).
import { runFamilySuites, type RunOptions, type SuiteRun } from '../family-suite-runs.ts';

export { inParallel, type SuiteRun } from '../family-suite-runs.ts';

export function runNcpSuites(options: RunOptions = {}): Promise<SuiteRun> {
  return runFamilySuites({
    family: 'ncp-kms',
    secretsOf: (profile) => Object.values((profile as { credentials: Record<string, string> }).credentials),
  }, options);
}
