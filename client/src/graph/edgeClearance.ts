/**
 * Keeps edges off nodes they do not join: a straight edge drawn across a third node reads as a
 * chain through it. Two steps after a force layout: a hub's neighbours are spread on evenly
 * spaced rays (its leaves at one distance), in the order the layout gave them, so the picture
 * keeps its shape; then a bounded repair pass steps any node still lying
 * on an edge off it, perpendicular to the edge (leftovers: leftoverSteps.ts). Pure: positions
 * in, positions out.
 */
import type { Point } from './placement.ts';

export interface ClearanceNode {
  id: string;
  position: Point;
  /** Drawn radius, in model pixels. */
  radius: number;
  /** A fixed node (pinned) is not moved. */
  fixed?: boolean;
  /** The node's caption box as offsets from its position, when its caption is drawn. */
  box?: { left: number; right: number; top: number; bottom: number };
}

export interface ClearanceEdge {
  source: string;
  target: string;
}

/** Space kept between a node's circle and an edge passing by, in model pixels. */
export const EDGE_CLEARANCE = 8;
/** A node's neighbours are spread on rays once it has at least this many. */
export const MIN_SPREAD_NEIGHBOURS = 6;
/** Arc between neighbouring rays of a spread hub beyond the leaves' diameters, model pixels. */
const RAY_GAP = 26;
const REPAIR_ROUNDS = 24;

export interface Placed extends ClearanceNode {
  position: Point;
}

export function copy(nodes: readonly ClearanceNode[]): Map<string, Placed> {
  return new Map(nodes.map((n) => [n.id, { ...n, position: { ...n.position } }]));
}

function neighbourSets(nodes: Map<string, Placed>, edges: readonly ClearanceEdge[]) {
  const sets = new Map<string, Set<string>>();
  for (const id of nodes.keys()) sets.set(id, new Set());
  for (const { source, target } of edges) {
    if (source === target || !nodes.has(source) || !nodes.has(target)) continue;
    sets.get(source)?.add(target);
    sets.get(target)?.add(source);
  }
  return sets;
}

export const TURN = 2 * Math.PI;

/**
 * Gives each hub's neighbours a ray of their own: in the angular order the layout gave them,
 * on evenly spaced rays turned to fit their angles best, each at its own distance but no
 * nearer than a radius where neighbouring rays are a node apart. An edge from the hub then
 * passes no other neighbour. Hubs go best connected first; a neighbour already put on a
 * bigger hub's ray stays there. Leaves (neighbours of the hub alone) share one distance.
 */
export function spreadNeighbours(
  nodes: readonly ClearanceNode[],
  edges: readonly ClearanceEdge[],
): Map<string, Point> {
  const placed = copy(nodes);
  const neighbours = neighbourSets(placed, edges);
  const hubs = [...neighbours]
    .filter(([, around]) => around.size >= MIN_SPREAD_NEIGHBOURS)
    .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1));
  const settled = new Set<string>();
  for (const [hubId, around] of hubs) {
    const hub = placed.get(hubId) as Placed;
    const offset = (id: string) => {
      const p = (placed.get(id) as Placed).position;
      return { x: p.x - hub.position.x, y: p.y - hub.position.y };
    };
    const ordered = [...around]
      .map((id) => {
        const o = offset(id);
        return { id, angle: Math.atan2(o.y, o.x), distance: Math.hypot(o.x, o.y) };
      })
      .sort((a, b) => a.angle - b.angle || (a.id < b.id ? -1 : 1));
    const step = TURN / ordered.length;
    // The turn that best matches the layout's angles: the circular mean of each offset.
    let sin = 0;
    let cos = 0;
    ordered.forEach(({ angle }, i) => {
      sin += Math.sin(angle - i * step);
      cos += Math.cos(angle - i * step);
    });
    const phase = Math.atan2(sin, cos);
    const widest = Math.max(...ordered.map(({ id }) => (placed.get(id) as Placed).radius));
    const nearest = Math.max(
      (ordered.length * (2 * widest + RAY_GAP)) / TURN,
      hub.radius + widest + RAY_GAP,
    );
    const leaves = ordered.filter(({ id }) => neighbours.get(id)?.size === 1);
    const leafDistance = Math.max(
      nearest,
      leaves.map((l) => l.distance).sort((a, b) => a - b)[Math.floor(leaves.length / 2)] ?? 0,
    );
    ordered.forEach(({ id, distance }, i) => {
      const node = placed.get(id) as Placed;
      if (node.fixed || settled.has(id)) return;
      const angle = phase + i * step;
      const at = neighbours.get(id)?.size === 1 ? leafDistance : Math.max(nearest, distance);
      node.position = {
        x: hub.position.x + at * Math.cos(angle),
        y: hub.position.y + at * Math.sin(angle),
      };
      settled.add(id);
    });
    settled.add(hubId);
  }
  return new Map([...placed].map(([id, n]) => [id, n.position]));
}

/** Nodes bucketed by grid cell, to find those near an edge without looking at every node. */
class NodeGrid {
  private readonly cells = new Map<string, Placed[]>();
  constructor(
    nodes: Iterable<Placed>,
    readonly size: number,
  ) {
    for (const node of nodes) {
      const key = this.key(node.position.x, node.position.y);
      const cell = this.cells.get(key);
      if (cell) cell.push(node);
      else this.cells.set(key, [node]);
    }
  }
  private key(x: number, y: number): string {
    return `${Math.floor(x / this.size)},${Math.floor(y / this.size)}`;
  }
  /** Nodes within about one cell of the segment a–b (each once). */
  near(a: Point, b: Point): Placed[] {
    const found = new Set<Placed>();
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const steps = Math.max(1, Math.ceil(length / this.size));
    for (let s = 0; s <= steps; s += 1) {
      const x = Math.floor((a.x + ((b.x - a.x) * s) / steps) / this.size);
      const y = Math.floor((a.y + ((b.y - a.y) * s) / steps) / this.size);
      for (let dx = -1; dx <= 1; dx += 1) {
        for (let dy = -1; dy <= 1; dy += 1) {
          for (const node of this.cells.get(`${x + dx},${y + dy}`) ?? []) found.add(node);
        }
      }
    }
    return [...found];
  }
}

/** How far `p` lies from segment a–b, and the nearest point of the segment. */
export function nearestOnSegment(p: Point, a: Point, b: Point): { point: Point; distance: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { point, distance: Math.hypot(p.x - point.x, p.y - point.y) };
}

/** Each (node, edge) pair where the node's circle plus `clearance` meets an edge it is no end of. */
export function nodesOnEdges(
  nodes: readonly ClearanceNode[],
  edges: readonly ClearanceEdge[],
  clearance = EDGE_CLEARANCE,
): { node: string; edge: ClearanceEdge }[] {
  const placed = copy(nodes);
  return crossings(placed, edges, clearance).map(({ node, edge }) => ({ node: node.id, edge }));
}

/** Each node lying on an edge it does not join, with the edge's ends. */
export function crossings(
  placed: Map<string, Placed>,
  edges: readonly ClearanceEdge[],
  clearance: number,
): { node: Placed; edge: ClearanceEdge; a: Point; b: Point }[] {
  const all = [...placed.values()];
  if (all.length === 0) return [];
  const widest = Math.max(...all.map((n) => n.radius));
  const grid = new NodeGrid(all, 2 * (widest + clearance));
  const found: { node: Placed; edge: ClearanceEdge; a: Point; b: Point }[] = [];
  for (const edge of edges) {
    const a = placed.get(edge.source)?.position;
    const b = placed.get(edge.target)?.position;
    if (!a || !b || edge.source === edge.target) continue;
    for (const node of grid.near(a, b)) {
      if (node.id === edge.source || node.id === edge.target) continue;
      if (nearestOnSegment(node.position, a, b).distance < node.radius + clearance) {
        found.push({ node, edge, a, b });
      }
    }
  }
  return found;
}

/**
 * Steps nodes off edges they do not join: each node found on an edge moves perpendicular to it,
 * just clear, away from the side it is on. Fixed nodes and nodes outside
 * `movable` stay; an edge over one of those moves its movable end instead, sideways. Bounded
 * rounds; deterministic.
 */
export function clearEdges(
  nodes: readonly ClearanceNode[],
  edges: readonly ClearanceEdge[],
  movable?: ReadonlySet<string>,
  clearance = EDGE_CLEARANCE,
): Map<string, Point> {
  const placed = copy(nodes);
  const canMove = (n: Placed | undefined): n is Placed =>
    n !== undefined && !n.fixed && (movable === undefined || movable.has(n.id));
  const step = (node: Placed, nx: number, ny: number, by: number) => {
    node.position = { x: node.position.x + nx * by, y: node.position.y + ny * by };
  };
  for (let round = 0; round < REPAIR_ROUNDS; round += 1) {
    const found = crossings(placed, edges, clearance);
    if (found.length === 0) break;
    for (const { node, edge, a, b } of found) {
      const { point, distance } = nearestOnSegment(node.position, a, b);
      const need = node.radius + clearance - distance;
      if (need <= 0) continue;
      // The edge's normal, pointing to the node's side (a stable side when it sits on the line).
      const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      let nx = -(b.y - a.y) / length;
      let ny = (b.x - a.x) / length;
      const side = (node.position.x - point.x) * nx + (node.position.y - point.y) * ny;
      const sign = side !== 0 ? Math.sign(side) : node.id < edge.source ? 1 : -1;
      nx *= sign;
      ny *= sign;
      if (canMove(node)) {
        step(node, nx, ny, need + 1);
        continue;
      }
      // The node may not move: swing the edge away from it by moving a movable end.
      const end = [placed.get(edge.target), placed.get(edge.source)].find(canMove);
      if (end) step(end, -nx, -ny, 2 * (need + 1));
    }
  }
  return new Map([...placed].map(([id, n]) => [id, n.position]));
}
