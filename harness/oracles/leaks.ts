// A refused call gives nothing away: no protected value in the body, no stack trace or internals.
import type { Exchange } from '../http/exchange.ts';
import { ConformanceFailure } from './conformance-failure.ts';

/** Values the caller must not see, by name (the name goes in the failure, never the value). */
export function leaksNothing(ex: Exchange, protectedValues: Record<string, string | undefined>): void {
  const text = ex.response?.text ?? '';
  for (const [name, value] of Object.entries(protectedValues)) {
    if (value && value.length >= 4 && text.includes(value)) {
      throw new ConformanceFailure({ oracle: 'leaksNothing', title: 'Protected data in a refused response', expected: `no ${name} in the body`, received: `the body contains the ${name}`, exchange: ex });
    }
  }
}

const INTERNALS = [
  /\n\s+at [\w$.<>]+ \(/, // JS/Java stack frame
  /\bat [\w$.]+\([\w]+\.java:\d+\)/,
  /Traceback \(most recent call last\)/,
  /\b(?:[A-Za-z]+\.)+[A-Z]\w*(?:Exception|Error)\b/, // java.lang.NullPointerException
  /(?:\/[\w.-]+){2,}\.(?:ts|js|java|py|go|rb)\b/, // source file path
  /\bSELECT\b[\s\S]{1,80}\bFROM\b/i,
];

export function noInternalDetail(ex: Exchange): void {
  const text = ex.response?.text ?? '';
  const hit = INTERNALS.find((re) => re.test(text));
  if (hit) {
    throw new ConformanceFailure({ oracle: 'noInternalDetail', title: 'Internal detail in a response', expected: 'no stack trace, exception name, source path or SQL', received: `the body matches ${hit}`, exchange: ex });
  }
}
