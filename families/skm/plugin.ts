// SKM as the core runs it (harness/family-plugin.ts).
import type { FamilyPlugin } from '../../harness/family-plugin.ts';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { maskCredential, redactorFor } from '../../harness/redaction.ts';
import globalSetup from './harness/global-setup.ts';

const plugin: FamilyPlugin = {
  globalSetup,
  describeTarget(path) {
    const target = loadTarget(path);
    const p = target.profile;
    return {
      summary: { name: p.name ?? '(unnamed)', baseUrl: p.baseUrl, variants: [...p.apiVersions], credential: maskCredential(p.appkey), calibration: p.calibration },
      redactor: redactorFor(target),
    };
  },
};

export default plugin;
