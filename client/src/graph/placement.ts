/**
 * Where nodes arriving on a non-empty canvas go — rings around their origin, not a new layout —
 * and in which slices a large arrival is drawn.
 */

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

/** Nodes per slice when a large arrival is drawn over successive frames. */
export const ARRIVAL_SLICE = 25;

interface Arriving {
  data: { id?: string; source?: string; target?: string };
}

/**
 * Splits arriving nodes and edges into slices to be drawn one per animation frame, so no frame
 * has to style and draw a whole large expansion at once: `size` nodes per slice, each edge in
 * the first slice after which both its ends are drawn (`drawn` tells which nodes already are).
 * An arrival of at most `size` nodes is one slice.
 */
export function arrivalSlices<N extends Arriving, E extends Arriving>(
  nodes: readonly N[],
  edges: readonly E[],
  drawn: (id: string) => boolean,
  size = ARRIVAL_SLICE,
): { nodes: N[]; edges: E[] }[] {
  if (nodes.length <= size) return [{ nodes: [...nodes], edges: [...edges] }];
  const slices: { nodes: N[]; edges: E[] }[] = [];
  const present = new Set<string>();
  const isPresent = (id: string | undefined) => id !== undefined && (present.has(id) || drawn(id));
  let waiting = [...edges];
  for (let start = 0; start < nodes.length; start += size) {
    const sliceNodes = nodes.slice(start, start + size);
    for (const node of sliceNodes) if (node.data.id !== undefined) present.add(node.data.id);
    const ready: E[] = [];
    const later: E[] = [];
    for (const edge of waiting) {
      (isPresent(edge.data.source) && isPresent(edge.data.target) ? ready : later).push(edge);
    }
    waiting = later;
    slices.push({ nodes: sliceNodes, edges: ready });
  }
  // Edges to nodes that never arrive cannot be drawn; they go last, where Cytoscape reports them.
  slices.at(-1)?.edges.push(...waiting);
  return slices;
}
