// KSig1's open points calibrated and compared on its mock's two personalities (personality-calibration.ts).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startKsig1Mock } from '../../families/ksig1/mock/index.ts';
import { PERSONALITY_SWITCHES } from '../../families/ksig1/mock/personality.ts';
import type { Credentials } from '../../families/ksig1/auth/signer.ts';
import { calibrationTests } from './personality-calibration.ts';

calibrationTests({
  id: 'ksig1',
  start: (personality, profileDir) => startKsig1Mock({ quiet: true, personality, profileDir }),
  switched: new Set(PERSONALITY_SWITCHES.flatMap((s) => s.requirements)),
  secretsOf: (path) => {
    const p = parse(readFileSync(path, 'utf8')) as { credentials: Credentials; fixtures?: { revokedKey?: Partial<Credentials> } };
    return [p.credentials, p.fixtures?.revokedKey ?? {}].flatMap((c) => [c.secretKey, c.authToken]).filter((s): s is string => Boolean(s));
  },
});
