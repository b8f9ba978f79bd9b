/**
 * Sizes a laid-out scene to the canvas: a force layout's picture can be larger than the canvas
 * shows at a zoom where captions are still drawn, and the fit then has to cut it. Here the
 * positions are drawn towards the picture's centre, each axis by its own factor, just enough
 * for the nodes and their captions (which keep their size) to fit the frame. Pure: positions in,
 * positions out.
 */
import type { Point } from './placement.ts';

export interface FramedNode {
  id: string;
  position: Point;
  /** The node and its caption as offsets from its position, in model pixels. */
  box: { left: number; right: number; top: number; bottom: number };
  /** A fixed node (pinned) keeps its place. */
  fixed?: boolean;
}

export interface Frame {
  width: number;
  height: number;
}

/** The most a single call draws positions in, per axis: past it the picture loses its shape. */
export const MIN_SCALE = 0.7;
const BISECTION_STEPS = 30;

type Axis = 'x' | 'y';
const EDGES = {
  x: ['left', 'right'],
  y: ['top', 'bottom'],
} as const;

/** The width (or height) of the boxes once positions are scaled by `scale` about `centre`. */
function extentAt(nodes: readonly FramedNode[], axis: Axis, centre: number, scale: number): number {
  const [low, high] = EDGES[axis];
  let min = Infinity;
  let max = -Infinity;
  for (const node of nodes) {
    const at = node.fixed ? node.position[axis] : centre + (node.position[axis] - centre) * scale;
    min = Math.min(min, at + node.box[low]);
    max = Math.max(max, at + node.box[high]);
  }
  return max - min;
}

/** The middle of the boxes' extent along `axis`. */
function middle(nodes: readonly FramedNode[], axis: Axis): number {
  const [low, high] = EDGES[axis];
  const min = Math.min(...nodes.map((n) => n.position[axis] + n.box[low]));
  const max = Math.max(...nodes.map((n) => n.position[axis] + n.box[high]));
  return (min + max) / 2;
}

/** The largest scale in [MIN_SCALE, 1] at which the axis fits `room` (MIN_SCALE if none does). */
function scaleFor(nodes: readonly FramedNode[], axis: Axis, centre: number, room: number): number {
  if (extentAt(nodes, axis, centre, 1) <= room) return 1;
  let low = MIN_SCALE;
  let high = 1;
  if (extentAt(nodes, axis, centre, low) > room) return low;
  for (let step = 0; step < BISECTION_STEPS; step += 1) {
    const mid = (low + high) / 2;
    if (extentAt(nodes, axis, centre, mid) <= room) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * Positions that fit the nodes' boxes in `frame`, or `undefined` when they fit already. Each
 * axis is scaled separately (a wide canvas keeps a wide picture), by no less than MIN_SCALE.
 */
export function fitToFrame(
  nodes: readonly FramedNode[],
  frame: Frame,
): Map<string, Point> | undefined {
  if (nodes.length < 2) return undefined;
  const cx = middle(nodes, 'x');
  const cy = middle(nodes, 'y');
  const sx = scaleFor(nodes, 'x', cx, frame.width);
  const sy = scaleFor(nodes, 'y', cy, frame.height);
  if (sx === 1 && sy === 1) return undefined;
  return new Map(
    nodes.map((n) => [
      n.id,
      n.fixed ? n.position : { x: cx + (n.position.x - cx) * sx, y: cy + (n.position.y - cy) * sy },
    ]),
  );
}
