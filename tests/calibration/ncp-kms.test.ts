// NAVER Cloud KMS's open points calibrated and compared on its mock's two personalities (personality-calibration.ts).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startNcpKmsMock } from '../../families/ncp-kms/mock/index.ts';
import { PERSONALITY_SWITCHES } from '../../families/ncp-kms/mock/personality.ts';
import { calibrationTests } from './personality-calibration.ts';

calibrationTests({
  id: 'ncp-kms',
  start: (personality, profileDir) => startNcpKmsMock({ quiet: true, personality, profileDir }),
  switched: new Set(PERSONALITY_SWITCHES.flatMap((s) => s.requirements)),
  secretsOf: (path) => Object.values((parse(readFileSync(path, 'utf8')) as { credentials: Record<string, string> }).credentials),
});
