import { describe, expect, test } from 'vitest';
import { boxesOverlap, declutter, type CaptionBox } from '../../client/src/graph/declutter.ts';

/** A node of 30 px with a caption of `width` px below it, at (x, y). */
function node(id: string, x: number, y: number, width = 120, fixed = false): CaptionBox {
  return {
    id,
    position: { x, y },
    left: -width / 2,
    right: width / 2,
    top: -15,
    bottom: 32,
    fixed,
  };
}

function placed(boxes: CaptionBox[]): CaptionBox[] {
  const positions = declutter(boxes);
  return boxes.map((b) => ({ ...b, position: positions.get(b.id) ?? b.position }));
}

describe('declutter', () => {
  test('moves overlapping captions apart until no two overlap', () => {
    const boxes = [node('a', 0, 0), node('b', 40, 10), node('c', -30, 20), node('d', 300, 0)];
    expect(boxesOverlap(boxes[0] as CaptionBox, boxes[1] as CaptionBox)).toBe(true);
    const after = placed(boxes);
    after.forEach((a, i) => {
      for (const b of after.slice(i + 1)) expect(boxesOverlap(a, b), `${a.id}/${b.id}`).toBe(false);
    });
    // A node clear of the others stays where it was.
    expect(after[3]?.position).toEqual({ x: 300, y: 0 });
  });

  test('parts wide captions up and down, the shorter way', () => {
    const after = placed([node('a', 0, 0), node('b', 10, 20)]);
    expect(after[0]?.position.x).toBe(0);
    expect(after[1]?.position.x).toBe(10);
    expect((after[1]?.position.y ?? 0) - (after[0]?.position.y ?? 0)).toBeGreaterThanOrEqual(47);
  });

  test('never moves a fixed node; the other one moves the whole way', () => {
    const after = placed([node('a', 0, 0, 120, true), node('b', 0, 5)]);
    expect(after[0]?.position).toEqual({ x: 0, y: 0 });
    expect(boxesOverlap(after[0] as CaptionBox, after[1] as CaptionBox)).toBe(false);
  });

  test('separates nodes on the very same spot, the same way every time', () => {
    const boxes = [node('a', 5, 5), node('b', 5, 5), node('c', 5, 5)];
    const first = placed(boxes);
    expect(placed(boxes)).toEqual(first);
    first.forEach((a, i) => {
      for (const b of first.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
    });
  });
});
