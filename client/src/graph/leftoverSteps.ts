/**
 * The last, careful step of edge clearance (edgeClearance.ts): the few nodes that stepping off
 * edges and moving captions apart left on an edge between them each go to a nearby spot free
 * of edges and captions. Pure: positions in, positions out.
 */
import {
  EDGE_CLEARANCE,
  TURN,
  copy,
  crossings,
  nearestOnSegment,
  type ClearanceEdge,
  type ClearanceNode,
  type Placed,
} from './edgeClearance.ts';
import type { Point } from './placement.ts';

/** Caption boxes are kept this far apart, in model pixels (as declutter.ts does). */
const BOX_GAP = 6;
/** How many strides from its place, and in how many directions, a careful step looks. */
const CAREFUL_STRIDES = 10;
const CAREFUL_DIRECTIONS = 16;

/**
 * What a node at `at` costs the picture: edges it lies on, nodes its own edges run over, and
 * captions its caption overlaps.
 */
function cost(
  node: Placed,
  at: Point,
  placed: Map<string, Placed>,
  edges: readonly ClearanceEdge[],
  clearance: number,
): number {
  let total = 0;
  for (const { source, target } of edges) {
    if (source === target) continue;
    const a = placed.get(source);
    const b = placed.get(target);
    if (!a || !b) continue;
    if (source === node.id || target === node.id) {
      // The node's own edge, from `at`: over any other node?
      const end = source === node.id ? b : a;
      for (const other of placed.values()) {
        if (other === node || other === end) continue;
        if (
          nearestOnSegment(other.position, at, end.position).distance <
          other.radius + clearance
        ) {
          total += 1;
        }
      }
    } else if (nearestOnSegment(at, a.position, b.position).distance < node.radius + clearance) {
      total += 1;
    }
  }
  const box = node.box;
  if (!box) return total;
  for (const other of placed.values()) {
    const o = other.box;
    if (
      other !== node &&
      o &&
      at.x + box.left < other.position.x + o.right + BOX_GAP &&
      other.position.x + o.left < at.x + box.right + BOX_GAP &&
      at.y + box.top < other.position.y + o.bottom + BOX_GAP &&
      other.position.y + o.top < at.y + box.bottom + BOX_GAP
    ) {
      total += 1;
    }
  }
  return total;
}

/**
 * A last, careful step for what stepping and caption moving left between them: each node still
 * on an edge goes to the nearest spot around it (a few strides out, in a few directions) where it
 * lies on no edge, its own edges cross no node and its caption meets no other; if there is none,
 * one of the edge's ends does, so the edge runs elsewhere; else all stay. Meant for a handful of leftovers: each try looks at the whole scene.
 */
export function settleLeftovers(
  nodes: readonly ClearanceNode[],
  edges: readonly ClearanceEdge[],
  movable?: ReadonlySet<string>,
  clearance = EDGE_CLEARANCE,
): Map<string, Point> {
  const placed = copy(nodes);
  const canMove = (n: Placed | undefined): n is Placed =>
    n !== undefined && !n.fixed && (movable === undefined || movable.has(n.id));
  const relocate = (node: Placed): boolean => {
    const stride = node.radius + clearance;
    for (let k = 1; k <= CAREFUL_STRIDES; k += 1) {
      for (let d = 0; d < CAREFUL_DIRECTIONS; d += 1) {
        const angle = (TURN * d) / CAREFUL_DIRECTIONS;
        const spot = {
          x: node.position.x + k * stride * Math.cos(angle),
          y: node.position.y + k * stride * Math.sin(angle),
        };
        if (cost(node, spot, placed, edges, clearance) === 0) {
          node.position = spot;
          return true;
        }
      }
    }
    return false;
  };
  for (const { node, edge } of crossings(placed, edges, clearance)) {
    const a = placed.get(edge.source) as Placed;
    const b = placed.get(edge.target) as Placed;
    if (
      nearestOnSegment(node.position, a.position, b.position).distance >=
      node.radius + clearance
    ) {
      continue; // moved clear already
    }
    // The node itself, else one of the edge's ends, so that the edge runs elsewhere.
    for (const candidate of [node, a, b]) {
      if (canMove(candidate) && relocate(candidate)) break;
    }
  }
  return new Map([...placed].map(([id, n]) => [id, n.position]));
}
