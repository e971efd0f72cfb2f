// Runs once before the suites: without SKM_TARGET it starts the embedded mock (faults, error transport
// and personality from SKM_MOCK_FAULTS, SKM_MOCK_ERROR_TRANSPORT, SKM_MOCK_PERSONALITY) and points the
// run at the profile it writes; with one it checks the profile and that the target answers, so a bad
// profile or an unreachable target is one line and exit code 2, not a timeout per test.
import { loadTarget } from '../../../harness/profile/load-target.ts';
import { TARGET_ENV } from '../../../harness/target-env.ts';
import { ConfigError, CONFIG_ERROR_EXIT } from '../../../harness/config-error.ts';
import { probeTarget } from '../../../harness/probe-target.ts';
import { shareBreaker } from '../../../harness/http/breaker.ts';

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  process.env.SKM_SEED ??= String(Date.now() % 2 ** 31);
  let stop: (() => Promise<void>) | undefined;
  try {
    if (!process.env[TARGET_ENV]) {
      const { startMock } = await import('../../../mock/index.ts');
      const { MockOptionError, mockOptionsFromEnv } = await import('../../../mock/options.ts');
      // The mutation tests start the embedded mock with a fault, an error transport or a personality through these.
      let options;
      try {
        options = mockOptionsFromEnv(process.env);
      } catch (e) {
        throw e instanceof MockOptionError ? new ConfigError(e.message, { cause: e }) : e;
      }
      const mock = await startMock({ quiet: true, ...options });
      process.env[TARGET_ENV] = mock.profilePath;
      stop = () => mock.close();
      console.log(`embedded mock at ${mock.baseUrl}, profile ${mock.profilePath}`);
    }
    const target = loadTarget(process.env[TARGET_ENV]!);
    await probeTarget(target);
    console.log(`target ${target.profile.name ?? target.profile.baseUrl} (${target.profile.apiVersions.join(', ')}), fast-check seed ${process.env.SKM_SEED}`);
    // The workers count requests that ran out of time in one file (harness/http/breaker.ts).
    const mockStop = stop;
    const removeBreaker = shareBreaker();
    stop = async () => {
      removeBreaker();
      await mockStop?.();
    };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`kms-conformance: ${e.message}`);
    await stop?.();
    process.exit(CONFIG_ERROR_EXIT);
  }
  return stop;
}
