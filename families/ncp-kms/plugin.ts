// NAVER Cloud KMS as the core runs it (harness/family-plugin.ts).
import type { FamilyPlugin } from '../../harness/family-plugin.ts';
import { maskCredential } from '../../harness/redaction.ts';
import globalSetup from './harness/global-setup.ts';
import { ncpRedactor } from './harness/redaction.ts';
import { loadNcpTarget } from './harness/target.ts';

const plugin: FamilyPlugin = {
  globalSetup,
  describeTarget(path) {
    const target = loadNcpTarget(path);
    const p = target.profile;
    return {
      summary: { name: p.name, baseUrl: p.baseUrl, variants: [...p.signatureVersions], credential: maskCredential(p.credentials.accessKey), calibration: p.calibration },
      redactor: ncpRedactor(target),
    };
  },
};

export default plugin;
