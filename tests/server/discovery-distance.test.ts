/**
 * hopDistance, the bidirectional breadth-first search connect runs before its route search:
 * the same distance as a plain breadth-first search from one end, on small shapes and on random
 * graphs (seeded), including pairs in different components.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { ProjectionGraph } from '../../server/discovery/projection.ts';
import { hopDistance } from '../../server/discovery/routes.ts';
import { FUZZ_SEED } from './fuzz-settings.ts';

function graphOf(nodes: number, links: [number, number][]): ProjectionGraph {
  const graph: ProjectionGraph = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < nodes; i += 1) graph.addNode(`n${i}`, { labels: [], caption: `n${i}` });
  for (const [a, b] of links) {
    if (a !== b) graph.mergeEdge(`n${a}`, `n${b}`, { relationships: 1, quoted: 0 });
  }
  return graph;
}

/** The reference: breadth-first from the source until the target is reached. */
function plainDistance(graph: ProjectionGraph, source: string, target: string): number | null {
  const depth = new Map([[source, 0]]);
  const queue = [source];
  for (let at = 0; at < queue.length; at += 1) {
    const node = queue[at] as string;
    if (node === target) return depth.get(node) as number;
    for (const next of graph.neighbors(node)) {
      if (depth.has(next)) continue;
      depth.set(next, (depth.get(node) as number) + 1);
      queue.push(next);
    }
  }
  return null;
}

describe('hopDistance', () => {
  it('measures a line from either end, and a node to itself', () => {
    const line = graphOf(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(hopDistance(line, 'n0', 'n5')).toBe(5);
    expect(hopDistance(line, 'n5', 'n0')).toBe(5);
    expect(hopDistance(line, 'n2', 'n3')).toBe(1);
    expect(hopDistance(line, 'n4', 'n4')).toBe(0);
  });

  it('finds the shortcut when both frontiers meet at once (odd and even cycles)', () => {
    const odd = graphOf(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 0],
    ]);
    expect(hopDistance(odd, 'n0', 'n2')).toBe(2);
    expect(hopDistance(odd, 'n0', 'n3')).toBe(2);
    const even = graphOf(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 0],
    ]);
    expect(hopDistance(even, 'n0', 'n3')).toBe(3);
  });

  it('answers null for ends in different components, from the small side', () => {
    // A hub of 200 leaves, and an island pair.
    const links: [number, number][] = Array.from({ length: 200 }, (_, i) => [0, i + 1]);
    links.push([201, 202]);
    const graph = graphOf(203, links);
    expect(hopDistance(graph, 'n201', 'n0')).toBeNull();
    expect(hopDistance(graph, 'n0', 'n202')).toBeNull();
    expect(hopDistance(graph, 'n5', 'n150')).toBe(2);
  });

  it('agrees with a plain breadth-first search on random graphs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((nodes) =>
          fc.record({
            nodes: fc.constant(nodes),
            links: fc.array(fc.tuple(fc.nat({ max: nodes - 1 }), fc.nat({ max: nodes - 1 })), {
              maxLength: nodes * 2,
            }),
            from: fc.nat({ max: nodes - 1 }),
            to: fc.nat({ max: nodes - 1 }),
          }),
        ),
        ({ nodes, links, from, to }) => {
          const graph = graphOf(nodes, links);
          expect(hopDistance(graph, `n${from}`, `n${to}`)).toBe(
            plainDistance(graph, `n${from}`, `n${to}`),
          );
        },
      ),
      { seed: FUZZ_SEED, numRuns: 500 },
    );
  });
});
