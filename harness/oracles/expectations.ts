// What the profile pins where the documents are silent, with the lenient defaults.
import type { TargetProfile } from '../profile/load-target.ts';
import { PinnedIds } from '../pinned-ids.ts';

export interface Expectations {
  errorTransport: 'any' | 'http200' | 'http4xx';
  resultCodes: Record<string, number>;
  messages: Record<string, string>;
  plaintextLimitUnit: 'any' | 'bytes' | 'characters';
  certificateField: 'any' | 'clientSentCertificate' | 'clientSentCerfificate';
  /** requirement ids whose ambiguity the profile pins to the strict reading */
  strict: PinnedIds;
}

export function expectationsOf(profile: TargetProfile): Expectations {
  const e = profile.expectations ?? {};
  return {
    errorTransport: e.errorTransport ?? 'any',
    resultCodes: e.resultCodes ?? {},
    messages: e.messages ?? {},
    plaintextLimitUnit: e.plaintextLimitUnit ?? 'any',
    certificateField: e.certificateField ?? 'any',
    strict: new PinnedIds(e.strict ?? []),
  };
}

/** The strict answer when the profile pins this requirement's ambiguity, else the lenient one. */
export function pinned<T>(e: Expectations, requirementId: string, strict: T, lenient: T): T {
  return e.strict.has(requirementId) ? strict : lenient;
}
