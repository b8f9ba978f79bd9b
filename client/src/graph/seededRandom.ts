/**
 * A repeatable source of randomness for layouts. fcose draws its spectral start from
 * `Math.random` and has no seed option, so a layout run borrows `Math.random` from a generator
 * seeded by the scene's node ids: the same data gives the same picture on every load.
 */
import { seededGenerator } from '../../../common/random.ts';

/** A 32-bit seed from strings (FNV-1a over each, in the given order). */
export function seedOf(ids: Iterable<string>): number {
  let hash = 0x811c9dc5;
  for (const id of ids) {
    for (let i = 0; i < id.length; i += 1) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2c;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Runs a synchronous `work` with `Math.random` drawing from a generator seeded by `seed`. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededGenerator(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
