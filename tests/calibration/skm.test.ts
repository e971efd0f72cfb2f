// SKM's open points calibrated and compared on its mock's two personalities (personality-calibration.ts).
import { startMock } from '../../mock/index.ts';
import { PERSONALITY_SWITCHES } from '../../mock/personality.ts';
import { loadTarget } from '../../harness/profile/load-target.ts';
import { profileSecrets } from '../cli/secret-scan.ts';
import { calibrationTests } from './personality-calibration.ts';

calibrationTests({
  id: 'skm',
  start: (personality, profileDir) => startMock({ quiet: true, personality: personality as 'reference' | 'alternate', profileDir }),
  switched: new Set(PERSONALITY_SWITCHES.flatMap((s) => s.requirements)),
  secretsOf: (path) => [...profileSecrets(loadTarget(path)).keys()],
});
