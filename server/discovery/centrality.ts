/**
 * Centrality and communities on a projection graph with graphology's own implementations: degree
 * (relationships per node), PageRank, betweenness (unnormalised: shortest paths between other
 * pairs through the node, each unordered pair once) and Louvain communities. These run in the
 * algorithm worker (algorithm-worker.ts), never on the server's event loop; databases with Graph
 * Data Science compute the same measures there instead (gds.ts).
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import louvain from 'graphology-communities-louvain';
import type { CentralityMeasure } from '../../common/api.ts';
import { seededGenerator } from '../../common/random.ts';
import { PAGERANK_ALPHA } from './limits.ts';
import type { ProjectionGraph } from './projection.ts';

/** A score per node id; nodes without one score 0. */
export interface Scores {
  get(id: string): number | undefined;
}

/** Relationships per node (parallel relationships each count). */
export function relationshipDegrees(graph: ProjectionGraph): Map<string, number> {
  const out = new Map<string, number>();
  graph.forEachNode((node) => {
    let sum = 0;
    graph.forEachEdge(node, (_edge, link) => {
      sum += link.relationships;
    });
    out.set(node, sum);
  });
  return out;
}

function pageranks(graph: ProjectionGraph): Map<string, number> {
  if (graph.order === 0) return new Map();
  const result = pagerank(graph, {
    alpha: PAGERANK_ALPHA,
    getEdgeWeight: null,
    maxIterations: 1000,
    tolerance: 1e-10,
  });
  return new Map(Object.entries(result));
}

function betweenness(graph: ProjectionGraph): Map<string, number> {
  const result = betweennessCentrality(graph, { normalized: false, getEdgeWeight: null });
  return new Map(Object.entries(result));
}

export function scoresOf(graph: ProjectionGraph, measure: CentralityMeasure): Map<string, number> {
  switch (measure) {
    case 'degree':
      return relationshipDegrees(graph);
    case 'pagerank':
      return pageranks(graph);
    case 'betweenness':
      return betweenness(graph);
  }
}

export interface Communities {
  of: Scores;
  modularity: number | null;
}

/**
 * Renumbers a partition: largest community first, ties by their smallest member id, so ids are
 * stable whichever engine found the communities.
 */
export function numberBySize(partition: Iterable<[string, number]>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const [node, community] of partition) {
    const list = members.get(community) ?? [];
    list.push(node);
    members.set(community, list);
  }
  const order = [...members.values()]
    .map((list) => list.sort())
    .sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
  const of = new Map<string, number>();
  order.forEach((list, id) => list.forEach((node) => of.set(node, id)));
  return of;
}

/** Louvain communities (weighted by relationships per pair), numbered by size, largest 0. */
export function communities(graph: ProjectionGraph): {
  of: Map<string, number>;
  modularity: number | null;
} {
  if (graph.size === 0) {
    return { of: new Map(graph.nodes().map((node, i) => [node, i])), modularity: null };
  }
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'relationships',
    rng: seededGenerator(7),
  });
  return {
    of: numberBySize(Object.entries(detailed.communities)),
    modularity: detailed.modularity,
  };
}

/** Significant digits scores are ranked by: differences below are floating-point noise. */
export const RANK_PRECISION = 9;

/**
 * Node ids by descending score; ties by caption, then id, so the order is stable. Scores equal
 * to RANK_PRECISION digits tie: two engines (or two summation orders) give the same order.
 */
export function rankNodes(graph: ProjectionGraph, scores: Scores): string[] {
  const caption = (id: string) => graph.getNodeAttribute(id, 'caption');
  const key = new Map<string, number>();
  graph.forEachNode((id) => key.set(id, Number((scores.get(id) ?? 0).toPrecision(RANK_PRECISION))));
  return graph
    .nodes()
    .sort(
      (a, b) =>
        (key.get(b) as number) - (key.get(a) as number) ||
        caption(a).localeCompare(caption(b)) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
}
