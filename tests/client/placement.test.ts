import { describe, expect, test } from 'vitest';
import {
  FIRST_RING_RADIUS,
  RING_SPACING,
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
