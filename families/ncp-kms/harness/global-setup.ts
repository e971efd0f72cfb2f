// Runs once before the family's suites: without NCP_KMS_TARGET it starts the embedded mock (faults and
// personality from NCP_KMS_MOCK_FAULTS and NCP_KMS_MOCK_PERSONALITY) and points the run at the profile it
// writes; with one it checks that profile. A profile that cannot be used is one line and exit code 2.
import { ConfigError, CONFIG_ERROR_EXIT } from '../../../harness/config-error.ts';
import { loadNcpTarget, NCP_TARGET_ENV } from './target.ts';

export const MOCK_ENV = { faults: 'NCP_KMS_MOCK_FAULTS', personality: 'NCP_KMS_MOCK_PERSONALITY', profileDir: 'NCP_KMS_MOCK_PROFILE_DIR' } as const;

async function startEmbeddedMock(): Promise<() => Promise<void>> {
  const { startNcpKmsMock, UnknownFaultError, UnknownPersonalityError } = await import('../mock/index.ts');
  const faults = (process.env[MOCK_ENV.faults] ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  try {
    const mock = await startNcpKmsMock({
      quiet: true, faults, personality: process.env[MOCK_ENV.personality] || undefined, profileDir: process.env[MOCK_ENV.profileDir] || undefined,
    });
    process.env[NCP_TARGET_ENV] = mock.profilePath;
    console.log(`embedded NAVER Cloud KMS mock at ${mock.baseUrl} (${mock.personality}${faults.length ? `; faults ${faults.join(', ')}` : ''})`);
    return () => mock.close();
  } catch (e) {
    if (e instanceof UnknownFaultError || e instanceof UnknownPersonalityError) throw new ConfigError(e.message, { cause: e });
    throw e;
  }
}

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  // One fast-check seed for every worker (harness/property-settings.ts reads it).
  process.env.SKM_SEED ??= String(Date.now() % 2 ** 31);
  let stop: (() => Promise<void>) | undefined;
  try {
    if (!process.env[NCP_TARGET_ENV]) stop = await startEmbeddedMock();
    const target = loadNcpTarget(process.env[NCP_TARGET_ENV]!);
    console.log(`target ${target.profile.name} (${target.profile.signatureVersions.join(', ')}), fast-check seed ${process.env.SKM_SEED}`);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`ncp-kms conformance: ${e.message}`);
    await stop?.();
    process.exit(CONFIG_ERROR_EXIT);
  }
  return stop;
}
