// Finding a gate's undocumented signing choices (KSIG-SE-ACC-001) when the target profile does not pin
// them: each candidate, default first, signs the same request with every element, listed out of
// canonical order so that the two orders give different strings to sign; the first the gate serves wins.
import { DEFAULT_CONVENTIONS, JOINING_CANDIDATES, type ContentMd5Encoding, type Conventions, type ElementName, type Joining } from './signer.ts';

/** Every element our signer fills in, in the reverse of the canonical order. */
export const DETECTION_ELEMENTS: readonly ElementName[] = ['Nonce', 'Content-MD5', 'Timestamp', 'HTTP-Verb', 'API-Key'];

export interface Pinned {
  joining?: Joining;
  contentMd5?: ContentMd5Encoding;
}

/** The conventions to try, default first; a pinned choice is the only one tried. */
export function candidates(pinned: Pinned = {}): Conventions[] {
  const joinings = pinned.joining ? [pinned.joining] : JOINING_CANDIDATES;
  const encodings: ContentMd5Encoding[] = pinned.contentMd5 ? [pinned.contentMd5] : ['base64', 'hex'];
  return encodings.flatMap((contentMd5) => joinings.map((joining) => ({ ...DEFAULT_CONVENTIONS, joining, contentMd5 })));
}

/** The first candidate under which `served` says the gate served the request, or undefined. */
export async function detectConventions(served: (conventions: Conventions) => Promise<boolean>, pinned: Pinned = {}): Promise<Conventions | undefined> {
  for (const conventions of candidates(pinned)) if (await served(conventions)) return conventions;
  return undefined;
}
