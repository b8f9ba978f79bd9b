import { describe, expect, test } from 'vitest';
import {
  clearEdges,
  nodesOnEdges,
  spreadNeighbours,
  type ClearanceEdge,
  type ClearanceNode,
} from '../../client/src/graph/edgeClearance.ts';
import { settleLeftovers } from '../../client/src/graph/leftoverSteps.ts';
import type { Point } from '../../client/src/graph/placement.ts';

const node = (id: string, x: number, y: number, fixed = false): ClearanceNode => ({
  id,
  position: { x, y },
  radius: 15,
  fixed,
});

function placed(nodes: ClearanceNode[], positions: Map<string, Point>): ClearanceNode[] {
  return nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position }));
}

/** A hub with neighbours lined up on two rays, near and far: each far spoke passes a near one. */
function linedUpHub(): { nodes: ClearanceNode[]; edges: ClearanceEdge[] } {
  const nodes = [node('hub', 0, 0)];
  const edges: ClearanceEdge[] = [];
  for (let i = 0; i < 8; i += 1) {
    const angle = (i % 4) * (Math.PI / 2) + 0.01 * i;
    const distance = i < 4 ? 90 : 200;
    nodes.push(node(`n${i}`, distance * Math.cos(angle), distance * Math.sin(angle)));
    edges.push({ source: 'hub', target: `n${i}` });
  }
  return { nodes, edges };
}

describe('edge clearance', () => {
  test('finds a node lying on an edge it does not join, and not the edge’s own ends', () => {
    const nodes = [node('a', 0, 0), node('b', 200, 0), node('c', 100, 5), node('d', 100, 80)];
    const found = nodesOnEdges(nodes, [{ source: 'a', target: 'b' }]);
    expect(found).toEqual([{ node: 'c', edge: { source: 'a', target: 'b' } }]);
  });

  test('a hub’s neighbours get rays of their own, and no spoke passes another neighbour', () => {
    const { nodes, edges } = linedUpHub();
    expect(nodesOnEdges(nodes, edges).length).toBeGreaterThan(0);
    const after = placed(nodes, spreadNeighbours(nodes, edges));
    expect(nodesOnEdges(after, edges)).toEqual([]);
    // The hub stays; neighbours keep their angular order.
    expect(after[0]?.position).toEqual({ x: 0, y: 0 });
  });

  test('the same scene is spread the same way every time', () => {
    const { nodes, edges } = linedUpHub();
    expect(spreadNeighbours(nodes, edges)).toEqual(spreadNeighbours(nodes, edges));
  });

  test('stepping off moves a node perpendicular to the edge, just clear of it', () => {
    const nodes = [node('a', 0, 0), node('b', 300, 0), node('c', 150, 4)];
    const edges = [{ source: 'a', target: 'b' }];
    const positions = clearEdges(nodes, edges);
    const c = positions.get('c') as Point;
    expect(c.x).toBe(150);
    expect(c.y).toBeGreaterThan(4);
    expect(c.y).toBeLessThan(40);
    expect(nodesOnEdges(placed(nodes, positions), edges)).toEqual([]);
  });

  test('a fixed node stays: the edge over it swings away by a movable end', () => {
    const nodes = [node('a', 0, 0, true), node('b', 300, 0), node('c', 150, 0, true)];
    const edges = [{ source: 'a', target: 'b' }];
    const positions = clearEdges(nodes, edges);
    expect(positions.get('c')).toEqual({ x: 150, y: 0 });
    expect(positions.get('a')).toEqual({ x: 0, y: 0 });
    expect(nodesOnEdges(placed(nodes, positions), edges)).toEqual([]);
  });

  test('only movable nodes move', () => {
    const nodes = [node('a', 0, 0), node('b', 300, 0), node('c', 150, 4)];
    const edges = [{ source: 'a', target: 'b' }];
    const positions = clearEdges(nodes, edges, new Set(['b']));
    expect(positions.get('c')).toEqual({ x: 150, y: 4 });
    expect(nodesOnEdges(placed(nodes, positions), edges)).toEqual([]);
  });

  test('a leftover goes to a spot free of edges and of other captions', () => {
    const box = { left: -50, right: 50, top: -15, bottom: 30 };
    const nodes: ClearanceNode[] = [
      { ...node('a', 0, 0), box },
      { ...node('b', 300, 0), box },
      { ...node('c', 150, 0), box },
      // A caption right above the node on the edge: stepping up would land on it.
      { ...node('d', 150, -60), box },
    ];
    const edges = [{ source: 'a', target: 'b' }];
    const after = placed(nodes, settleLeftovers(nodes, edges));
    expect(nodesOnEdges(after, edges)).toEqual([]);
    const c = after[2] as ClearanceNode;
    const d = after[3] as ClearanceNode;
    const apart =
      c.position.y + box.top >= d.position.y + box.bottom ||
      d.position.y + box.top >= c.position.y + box.bottom ||
      Math.abs(c.position.x - d.position.x) >= box.right - box.left;
    expect(apart).toBe(true);
  });
});
