import type { Parameters } from 'fast-check';

/**
 * The one setting every fuzz suite (`*.fuzz.test.ts`) shares: a short seeded run inside
 * `npm test`, 10,000+ cases each in `npm run fuzz` (FUZZ_RUNS). The seed is fixed so a failure
 * reproduces; FUZZ_SEED changes it.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

export function fuzzParameters<T>(extra: Parameters<T> = {}): Parameters<T> {
  return { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, ...extra };
}

/**
 * Prints what a fuzz suite saw, one line (`fuzz pinpad frames: 10000 cases, accepted 0, ...`),
 * so `npm run fuzz` shows counts and not only "passed".
 */
export function reportFuzzCounts(suite: string, counts: Record<string, number>): void {
  const parts = Object.entries(counts).map(([name, value]) => `${name} ${value}`);
  console.log(`fuzz ${suite}: ${parts.join(', ')}`);
}
