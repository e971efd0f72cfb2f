// The variants of its API a test calls, as data on the test: SKM's API versions (v1.0, v1.1, v1.2),
// NAVER Cloud KMS's signature versions. Each is an annotation (what the report reads) and a tag (what
// the CLI selects by), never read from a title. A test names every variant it sends a request in,
// preparation included, so running only some variants sends nothing in another.
import type { Annotation, TestDetails } from './test-details.ts';

export const VARIANT_ANNOTATION = 'variant';

function variantTag(name: string): string {
  return `@${name}`;
}

/** The details of a test (or of a describe around tests) that calls these variants. */
export function variant(...names: string[]): TestDetails {
  if (names.length === 0) throw new Error('variant() needs the variants the test calls');
  return { annotation: names.map((name) => ({ type: VARIANT_ANNOTATION, description: name })), tag: names.map(variantTag) };
}

/** The variants among a test's annotations. */
export function variantsOf(annotations: readonly Partial<Annotation>[]): string[] {
  return [...new Set(annotations.filter((a) => a.type === VARIANT_ANNOTATION && a.description).map((a) => a.description!))];
}

/** A --grep pattern matching the tests that call any of these variants (Playwright matches it
 *  against the title path and the tags, joined by spaces). */
export function grepForVariants(names: readonly string[]): string {
  const escaped = names.map((n) => variantTag(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?:^| )(?:${escaped.join('|')})(?= |$)`;
}
