/**
 * Moving the selection between nodes with the arrow keys: from a node, the nearest other node
 * in the arrow's direction. A node well off to the side counts as farther than one straight
 * ahead, so the selection follows the direction the reader pressed.
 */
import type { Point } from './placement.ts';

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const DIRECTIONS: Record<ArrowKey, Point> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

/** How much a step to the side weighs against a step ahead. */
const SIDEWAYS_WEIGHT = 2;

export function isArrowKey(key: string): key is ArrowKey {
  return Object.hasOwn(DIRECTIONS, key);
}

/**
 * The id of the candidate nearest to `from` in the arrow's direction (within 45° of it), or
 * undefined when no node lies that way.
 */
export function nearestInDirection(
  from: Point,
  candidates: readonly { id: string; position: Point }[],
  key: ArrowKey,
): string | undefined {
  const direction = DIRECTIONS[key];
  let best: { id: string; cost: number } | undefined;
  for (const { id, position } of candidates) {
    const dx = position.x - from.x;
    const dy = position.y - from.y;
    const ahead = dx * direction.x + dy * direction.y;
    const sideways = Math.abs(dx * direction.y - dy * direction.x);
    if (ahead <= 0 || sideways > ahead) continue;
    const cost = ahead + SIDEWAYS_WEIGHT * sideways;
    if (!best || cost < best.cost) best = { id, cost };
  }
  return best?.id;
}
