/**
 * What makes one connection better than another. Weighted: every hop costs 1, plus a penalty for
 * a hop no quote supports, plus a penalty that grows with the log of the degree of each node
 * passed through, so a route through a generic hub (a country, a big organisation) ranks below
 * an equally long route through specific nodes. Hops: fewest hops first, the weighted cost
 * breaking ties.
 */
import type { ConnectCost, ConnectRank } from '../../common/api.ts';
import { HUB_WEIGHT, UNSUPPORTED_HOP_PENALTY } from './limits.ts';
import type { ProjectionGraph } from './projection.ts';
import type { CostModel } from './routes.ts';

/** Larger than any weighted cost a bounded route can reach, so hops always decide first. */
const HOP_SCALE = 1_000_000;

export function hubPenalty(graph: ProjectionGraph, node: string): number {
  return HUB_WEIGHT * Math.log(Math.max(1, graph.degree(node)));
}

export function isQuoted(graph: ProjectionGraph, a: string, b: string): boolean {
  return graph.getEdgeAttributes(a, b).quoted > 0;
}

export function costModel(graph: ProjectionGraph, rank: ConnectRank): CostModel {
  const weighted: CostModel = {
    minLink: 1,
    link: (a, b) => 1 + (isQuoted(graph, a, b) ? 0 : UNSUPPORTED_HOP_PENALTY),
    through: (node) => hubPenalty(graph, node),
  };
  if (rank === 'weighted') return weighted;
  return {
    minLink: HOP_SCALE + 1,
    link: (a, b) => HOP_SCALE + weighted.link(a, b),
    through: weighted.through,
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The weighted cost of a route, itemised for the reader. */
export function explainCost(graph: ProjectionGraph, nodes: readonly string[]): ConnectCost {
  const hops = nodes.length - 1;
  let unsupportedHops = 0;
  for (let i = 1; i < nodes.length; i += 1) {
    if (!isQuoted(graph, nodes[i - 1] as string, nodes[i] as string)) unsupportedHops += 1;
  }
  const hubs = nodes.slice(1, -1).map((node) => ({
    node,
    degree: graph.degree(node),
    penalty: round(hubPenalty(graph, node)),
  }));
  const hubTotal = hubs.reduce((sum, hub) => sum + hubPenalty(graph, hub.node), 0);
  const unsupported = unsupportedHops * UNSUPPORTED_HOP_PENALTY;
  return {
    total: round(hops + hubTotal + unsupported),
    hops,
    hubPenalty: round(hubTotal),
    unsupportedHops,
    unsupportedPenalty: round(unsupported),
    through: hubs,
  };
}
