// fast-check settings for every property of a run. The global setup draws SKM_SEED once (workers
// inherit it) unless the user set it; SKM_RUNS overrides every property's run count. The seed goes
// into the test's annotations, so a failure names what replays it.
import type { Parameters } from 'fast-check';
import type { TestInfo } from '@playwright/test';

const seed = process.env.SKM_SEED ? Number(process.env.SKM_SEED) : Date.now() % 2 ** 31;
const runs = process.env.SKM_RUNS ? Number(process.env.SKM_RUNS) : undefined;

export function propertyParameters<T>(testInfo: TestInfo, defaultRuns: number): Parameters<T> {
  const numRuns = runs ?? defaultRuns;
  testInfo.annotations.push({ type: 'seed', description: `${seed} (runs ${numRuns}; replay with SKM_SEED=${seed} SKM_RUNS=${numRuns})` });
  return { seed, numRuns, endOnFailure: false };
}
