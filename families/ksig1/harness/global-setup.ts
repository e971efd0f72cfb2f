// Runs once before the family's suites: without KSIG1_TARGET it starts the embedded mock (faults and
// personality from KSIG1_MOCK_FAULTS and KSIG1_MOCK_PERSONALITY) and points the run at the profile it
// writes; with one it checks that profile. A profile that cannot be used is one line and exit code 2.
import { ConfigError, CONFIG_ERROR_EXIT } from '../../../harness/config-error.ts';
import { KSIG1_TARGET_ENV, loadKsig1Target } from './target.ts';

export const MOCK_ENV = { faults: 'KSIG1_MOCK_FAULTS', personality: 'KSIG1_MOCK_PERSONALITY', profileDir: 'KSIG1_MOCK_PROFILE_DIR' } as const;

async function startEmbeddedMock(): Promise<() => Promise<void>> {
  const { startKsig1Mock, UnknownFaultError, UnknownPersonalityError } = await import('../mock/index.ts');
  const faults = (process.env[MOCK_ENV.faults] ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  try {
    const mock = await startKsig1Mock({
      quiet: true, faults, personality: process.env[MOCK_ENV.personality] || undefined, profileDir: process.env[MOCK_ENV.profileDir] || undefined,
    });
    process.env[KSIG1_TARGET_ENV] = mock.profilePath;
    console.log(`embedded KSig1 mock at ${mock.baseUrl} (${mock.personality}${faults.length ? `; faults ${faults.join(', ')}` : ''})`);
    return () => mock.close();
  } catch (e) {
    if (e instanceof UnknownFaultError || e instanceof UnknownPersonalityError) throw new ConfigError(e.message, { cause: e });
    throw e;
  }
}

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  let stop: (() => Promise<void>) | undefined;
  try {
    if (!process.env[KSIG1_TARGET_ENV]) stop = await startEmbeddedMock();
    const target = loadKsig1Target(process.env[KSIG1_TARGET_ENV]!);
    console.log(`target ${target.profile.name} (${target.profile.controls.length} protected requests)`);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`ksig1 conformance: ${e.message}`);
    await stop?.();
    process.exit(CONFIG_ERROR_EXIT);
  }
  return stop;
}
