/**
 * Repeatable randomness, for answers that must be the same on every run: Louvain communities on
 * the server, layouts on the client.
 */

/** mulberry32: a small generator of uniform numbers in [0, 1) from a 32-bit seed. */
export function seededGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
