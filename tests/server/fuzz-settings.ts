/**
 * Shared settings of the property tests: a fixed seed (FUZZ_SEED overrides it) printed with every
 * failure, so a failing case can be replayed exactly, and bounded runs.
 */
import type { Parameters } from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261128);

export function fuzzParameters<T>(numRuns: number): Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns,
    // Shrinking re-runs a failing case many times; bound it so a failure still ends quickly.
    endOnFailure: false,
    interruptAfterTimeLimit: 120_000,
    markInterruptAsFailure: true,
  };
}
