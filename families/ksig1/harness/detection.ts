// The gate's undocumented signing choices (KSIG-SE-ACC-001), found once per worker: the profile's pins,
// or the first candidate of auth/detect.ts under which the first protected request, signed over every
// element listed out of canonical order, is served. Every test that signs more than API-Key depends on it.
import { DETECTION_ELEMENTS, detectConventions, candidates } from '../auth/detect.ts';
import { DEFAULT_CONVENTIONS, type Conventions } from '../auth/signer.ts';
import { isServed } from './oracles.ts';
import { RecordingClient, ksig1Redactor } from './recording-client.ts';
import type { Ksig1Target } from './target.ts';

export interface Signing {
  /** what the run signs with: the detected conventions, or the defaults when none was served */
  conventions: Conventions;
  detected: boolean;
  /** how many candidates were tried */
  tried: number;
}

export async function detectSigning(target: Ksig1Target): Promise<Signing> {
  const { signing, controls } = target.profile;
  const pinned = { joining: signing?.joining, contentMd5: signing?.contentMd5 };
  const withHeader = (c: Conventions): Conventions => ({ ...c, apiVersionHeader: signing?.apiVersion?.header ?? c.apiVersionHeader });
  let tried = 0;
  const found = await detectConventions(async (conventions) => {
    tried += 1;
    const client = new RecordingClient(target, withHeader(conventions), ksig1Redactor(target));
    return isServed(await client.signed(controls[0], client.toSign(controls[0], DETECTION_ELEMENTS)));
  }, pinned);
  return { conventions: withHeader(found ?? candidates(pinned)[0] ?? DEFAULT_CONVENTIONS), detected: found !== undefined, tried };
}

/** How a joining rule reads in a report line. */
export function describeConventions(c: Conventions): string {
  return `values in the ${c.joining.order} order joined by ${JSON.stringify(c.joining.delimiter)}, Content-MD5 in ${c.contentMd5}`;
}
