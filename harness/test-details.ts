// Playwright's test details (annotations and tags) as plain data, and their union: a test's
// requirements and its variants each contribute theirs, and Playwright takes one details object.
export interface Annotation {
  type: string;
  description: string;
}

export interface TestDetails {
  annotation: Annotation[];
  tag: string[];
}

/** One details object with every part's annotations and tags. */
export function details(...parts: TestDetails[]): TestDetails {
  return { annotation: parts.flatMap((p) => p.annotation), tag: [...new Set(parts.flatMap((p) => p.tag))] };
}
