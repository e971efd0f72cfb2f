// KSig1 as the core runs it (harness/family-plugin.ts). A KSig1 gate has one variant, the scheme itself.
import type { FamilyPlugin } from '../../harness/family-plugin.ts';
import { maskCredential } from '../../harness/redaction.ts';
import globalSetup from './harness/global-setup.ts';
import { ksig1Redactor } from './harness/recording-client.ts';
import { loadKsig1Target } from './harness/target.ts';
import { apiVersions } from '../../generated/ksig1/operations.ts';

const plugin: FamilyPlugin = {
  globalSetup,
  describeTarget(path) {
    const target = loadKsig1Target(path);
    const p = target.profile;
    return {
      summary: { name: p.name, baseUrl: p.baseUrl, variants: [...apiVersions], credential: maskCredential(p.credentials.apiKey), calibration: p.calibration },
      redactor: ksig1Redactor(target),
    };
  },
};

export default plugin;
