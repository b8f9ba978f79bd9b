import { describe, expect, test } from 'vitest';
import {
  ARRIVAL_SLICE,
  FIRST_RING_RADIUS,
  RING_SPACING,
  arrivalSlices,
  ringPositions,
} from '../../client/src/graph/placement.ts';
import { LAYOUTS, isLayoutName, layoutOptions } from '../../client/src/graph/layouts.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('ringPositions', () => {
  test('puts a few nodes evenly on the first ring around the centre', () => {
    const centre = { x: 100, y: -50 };
    const points = ringPositions(centre, 4);
    expect(points).toHaveLength(4);
    for (const p of points) expect(distance(p, centre)).toBeCloseTo(FIRST_RING_RADIUS);
    expect(distance(points[0]!, points[1]!)).toBeCloseTo(distance(points[1]!, points[2]!));
  });

  test('many nodes spill onto further rings, never closer than the spacing on a ring', () => {
    const points = ringPositions({ x: 0, y: 0 }, 60);
    expect(points).toHaveLength(60);
    const radii = new Set(points.map((p) => Math.round(distance(p, { x: 0, y: 0 }))));
    expect(radii.size).toBeGreaterThan(1);
    expect(Math.max(...radii)).toBeGreaterThan(FIRST_RING_RADIUS);
    for (let i = 1; i < points.length; i += 1) {
      const sameRing =
        Math.round(distance(points[i]!, { x: 0, y: 0 })) ===
        Math.round(distance(points[i - 1]!, { x: 0, y: 0 }));
      if (sameRing)
        expect(distance(points[i]!, points[i - 1]!)).toBeGreaterThan(RING_SPACING * 0.9);
    }
  });

  test('no nodes, no positions', () => {
    expect(ringPositions({ x: 0, y: 0 }, 0)).toEqual([]);
  });
});

describe('layouts', () => {
  test('every listed layout has options with its own name', () => {
    for (const name of Object.keys(LAYOUTS)) {
      expect(isLayoutName(name)).toBe(true);
      if (isLayoutName(name)) expect(layoutOptions(name, true).name).toBe(name);
    }
    expect(isLayoutName('dagre-ish')).toBe(false);
    expect(isLayoutName('toString')).toBe(false);
  });
});

describe('arrivalSlices', () => {
  const node = (id: string) => ({ data: { id } });
  const edge = (id: string, source: string, target: string) => ({ data: { id, source, target } });
  const hubIsDrawn = (id: string) => id === 'hub';

  test('a small arrival is one slice', () => {
    const nodes = ['a', 'b'].map(node);
    const edges = [edge('e1', 'hub', 'a'), edge('e2', 'a', 'b')];
    expect(arrivalSlices(nodes, edges, hubIsDrawn)).toEqual([{ nodes, edges }]);
    expect(arrivalSlices([], [], hubIsDrawn)).toEqual([{ nodes: [], edges: [] }]);
  });

  test('a hundred neighbours come in slices, each edge as soon as both its ends are drawn', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    const edges = [
      ...nodes.map((n, i) => edge(`x${i}`, 'hub', n.data.id)),
      edge('late', 'n99', 'n0'),
      edge('between', 'n3', 'n7'),
    ];
    const slices = arrivalSlices(nodes, edges, hubIsDrawn);
    expect(slices).toHaveLength(100 / ARRIVAL_SLICE);
    expect(slices.flatMap((s) => s.nodes)).toEqual(nodes);
    expect(slices.flatMap((s) => s.edges)).toHaveLength(edges.length);
    const drawn = new Set(['hub']);
    for (const slice of slices) {
      expect(slice.nodes.length).toBeLessThanOrEqual(ARRIVAL_SLICE);
      for (const n of slice.nodes) drawn.add(n.data.id);
      for (const e of slice.edges) {
        expect(drawn.has(e.data.source)).toBe(true);
        expect(drawn.has(e.data.target)).toBe(true);
      }
    }
    expect(slices[0]?.edges.map((e) => e.data.id)).toContain('between');
    expect(slices.at(-1)?.edges.map((e) => e.data.id)).toContain('late');
  });

  test('edges to nodes that never arrive go with the last slice', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => node(`n${i}`));
    const slices = arrivalSlices(nodes, [edge('dangling', 'n1', 'elsewhere')], hubIsDrawn, 10);
    expect(slices.map((s) => s.edges.length)).toEqual([0, 0, 1]);
  });
});
