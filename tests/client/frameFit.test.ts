import { describe, expect, test } from 'vitest';
import { MIN_SCALE, fitToFrame, type FramedNode } from '../../client/src/graph/frameFit.ts';

const box = { left: -50, right: 50, top: -10, bottom: 30 };
const node = (id: string, x: number, y: number, fixed = false): FramedNode => ({
  id,
  position: { x, y },
  box,
  fixed,
});

/** The boxes' extent per axis at the given positions. */
function extent(nodes: FramedNode[], at: Map<string, { x: number; y: number }>) {
  const xs = nodes.flatMap((n) => [at.get(n.id)!.x + n.box.left, at.get(n.id)!.x + n.box.right]);
  const ys = nodes.flatMap((n) => [at.get(n.id)!.y + n.box.top, at.get(n.id)!.y + n.box.bottom]);
  return {
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

describe('fitToFrame', () => {
  const ring = Array.from({ length: 12 }, (_, i) =>
    node(`n${i}`, 400 * Math.cos((i * Math.PI) / 6), 400 * Math.sin((i * Math.PI) / 6)),
  );

  test('leaves a picture that fits alone', () => {
    expect(fitToFrame(ring, { width: 2000, height: 2000 })).toBeUndefined();
  });

  test('draws each axis in just enough for the boxes, captions keeping their size', () => {
    const at = fitToFrame(ring, { width: 900, height: 700 })!;
    const { width, height } = extent(ring, at);
    expect(width).toBeLessThanOrEqual(900);
    expect(width).toBeGreaterThan(899);
    expect(height).toBeLessThanOrEqual(700);
    expect(height).toBeGreaterThan(699);
    // The picture keeps its centre (x 0, y 10: the captions hang below) and each node's
    // direction from it.
    for (const n of ring) {
      const p = at.get(n.id)!;
      expect(Math.sign(Math.round(p.x))).toBe(Math.sign(Math.round(n.position.x)));
      expect(Math.sign(Math.round(p.y - 10))).toBe(Math.sign(Math.round(n.position.y - 10)));
    }
  });

  test('a wide frame scales only the height', () => {
    const at = fitToFrame(ring, { width: 5000, height: 760 })!;
    for (const n of ring) expect(at.get(n.id)!.x).toBeCloseTo(n.position.x, 6);
    expect(extent(ring, at).height).toBeLessThanOrEqual(760);
  });

  test('draws in by no more than MIN_SCALE at once, and pinned nodes stay', () => {
    const nodes = [...ring, node('pinned', 900, 0, true)];
    const at = fitToFrame(nodes, { width: 100, height: 100 })!;
    expect(at.get('pinned')).toEqual({ x: 900, y: 0 });
    const cx = (-450 + 950) / 2;
    const moved = at.get('n0')!;
    expect((moved.x - cx) / (400 - cx)).toBeCloseTo(MIN_SCALE, 6);
  });
});
