/** Where nodes arriving on a non-empty canvas go: rings around their origin, not a new layout. */

export interface Point {
  x: number;
  y: number;
}

/** Spacing between ring neighbours and between rings, in model pixels. */
export const RING_SPACING = 70;
export const FIRST_RING_RADIUS = 130;

/**
 * Positions for `count` nodes on rings around `center`: the first ring at FIRST_RING_RADIUS,
 * each ring holding as many nodes as fit at RING_SPACING, further rings farther out.
 * `phase` turns the rings so consecutive expansions do not stack on the same spots.
 */
export function ringPositions(center: Point, count: number, phase = 0): Point[] {
  const out: Point[] = [];
  let radius = FIRST_RING_RADIUS;
  while (out.length < count) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / RING_SPACING));
    const onRing = Math.min(capacity, count - out.length);
    for (let i = 0; i < onRing; i += 1) {
      const angle = phase + (2 * Math.PI * i) / onRing;
      out.push({ x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) });
    }
    radius += RING_SPACING;
  }
  return out;
}
