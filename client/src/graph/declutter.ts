/**
 * Moves nodes apart until their caption boxes do not overlap: a force layout spaces node
 * centres, not the text below them, and two long captions a node apart still collide. Pure:
 * boxes in, positions out, so it is tested without a browser.
 */
import type { Point } from './placement.ts';

/** A node's box (node and caption) as offsets from its position, in model pixels. */
export interface CaptionBox {
  id: string;
  position: Point;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** A fixed node (pinned) is not moved; others move away from it. */
  fixed?: boolean;
}

/** Space kept between two boxes, in model pixels. */
export const CAPTION_GAP = 6;
const MAX_ROUNDS = 300;

/** Whether two boxes at their positions overlap, counting `gap` as part of each. */
export function boxesOverlap(a: CaptionBox, b: CaptionBox, gap = CAPTION_GAP): boolean {
  return (
    a.position.x + a.left < b.position.x + b.right + gap &&
    b.position.x + b.left < a.position.x + a.right + gap &&
    a.position.y + a.top < b.position.y + b.bottom + gap &&
    b.position.y + b.top < a.position.y + a.bottom + gap
  );
}

/**
 * New positions for the boxes such that no two overlap: each overlapping pair is pushed apart
 * along the axis where it overlaps least (captions are wide, so mostly up and down), shared
 * between the two unless one is fixed. Stops when nothing overlaps or after a bounded number
 * of rounds. Deterministic: pairs are visited in the given order.
 */
export function declutter(boxes: readonly CaptionBox[], gap = CAPTION_GAP): Map<string, Point> {
  const moving = boxes.map((b) => ({ ...b, position: { ...b.position } }));
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let moved = false;
    for (let i = 0; i < moving.length; i += 1) {
      for (let j = i + 1; j < moving.length; j += 1) {
        const a = moving[i] as CaptionBox;
        const b = moving[j] as CaptionBox;
        if ((a.fixed && b.fixed) || !boxesOverlap(a, b, gap)) continue;
        separate(a, b, gap);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(moving.map((b) => [b.id, b.position]));
}

function separate(a: CaptionBox, b: CaptionBox, gap: number): void {
  // Overlap along each axis, with the direction that parts them (b below/right of a: +1).
  const aCentre = {
    x: a.position.x + (a.left + a.right) / 2,
    y: a.position.y + (a.top + a.bottom) / 2,
  };
  const bCentre = {
    x: b.position.x + (b.left + b.right) / 2,
    y: b.position.y + (b.top + b.bottom) / 2,
  };
  const dx = bCentre.x === aCentre.x ? (a.id < b.id ? 1 : -1) : Math.sign(bCentre.x - aCentre.x);
  const dy = bCentre.y === aCentre.y ? (a.id < b.id ? 1 : -1) : Math.sign(bCentre.y - aCentre.y);
  const overlapX =
    dx > 0
      ? a.position.x + a.right + gap - (b.position.x + b.left)
      : b.position.x + b.right + gap - (a.position.x + a.left);
  const overlapY =
    dy > 0
      ? a.position.y + a.bottom + gap - (b.position.y + b.top)
      : b.position.y + b.bottom + gap - (a.position.y + a.top);
  // A little more than the overlap, so rounding never leaves a pair touching.
  const alongY = overlapY <= overlapX;
  const push = (alongY ? overlapY : overlapX) + 0.5;
  const shareA = a.fixed ? 0 : b.fixed ? 1 : 0.5;
  const shareB = 1 - shareA;
  if (alongY) {
    a.position.y -= dy * push * shareA;
    b.position.y += dy * push * shareB;
  } else {
    a.position.x -= dx * push * shareA;
    b.position.x += dx * push * shareB;
  }
}
