import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { describe, expect, test } from 'vitest';
import { layoutOptions } from '../../client/src/graph/layouts.ts';
import { seededGenerator } from '../../common/random.ts';
import { seedOf, withSeededRandom } from '../../client/src/graph/seededRandom.ts';

cytoscape.use(fcose);

/** A ring of 12 nodes with chords, laid out afresh with fcose under the given seed. */
function layOut(seed: number): Record<string, { x: number; y: number }> {
  const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
    elements: [
      ...ids.map((id) => ({ data: { id } })),
      ...ids.map((id, i) => ({ data: { id: `r${i}`, source: id, target: ids[(i + 1) % 12] } })),
      ...ids
        .slice(0, 4)
        .map((id, i) => ({ data: { id: `c${i}`, source: id, target: ids[i + 6] } })),
    ],
  });
  withSeededRandom(seed, () => cy.layout(layoutOptions('fcose', true)).run());
  const out: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach((n) => {
    out[n.id()] = { ...n.position() };
  });
  cy.destroy();
  return out;
}

describe('seeded layouts', () => {
  test('the same seed gives the same fcose picture; another seed another one', () => {
    const seed = seedOf(['n0', 'n1']);
    expect(layOut(seed)).toEqual(layOut(seed));
    expect(layOut(seed + 1)).not.toEqual(layOut(seed));
  });

  test('Math.random is itself again after the run, even when the work throws', () => {
    const original = Math.random;
    expect(() =>
      withSeededRandom(1, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });

  test('seeds depend on the ids and their order; the generator is uniform in [0, 1)', () => {
    expect(seedOf(['a', 'b'])).toBe(seedOf(['a', 'b']));
    expect(seedOf(['a', 'b'])).not.toBe(seedOf(['b', 'a']));
    expect(seedOf(['ab'])).not.toBe(seedOf(['a', 'b']));
    const next = seededGenerator(42);
    const draws = Array.from({ length: 1000 }, next);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
