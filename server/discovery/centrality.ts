/**
 * Centrality and communities on a projection with graphology's own implementations: degree
 * (relationships per node), PageRank, betweenness (unnormalised: shortest paths between other
 * pairs through the node, each unordered pair once) and Louvain communities. Results are memoised
 * on the projection, so they are recomputed only when the graph (hence the projection) changes.
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import louvain from 'graphology-communities-louvain';
import type { CentralityMeasure } from '../../common/api.ts';
import { AppError } from '../http/problems.ts';
import { BETWEENNESS_MAX_WORK, PAGERANK_ALPHA } from './limits.ts';
import { memoised, type Projection } from './projection.ts';

export type Scores = ReadonlyMap<string, number>;

/** Relationships per node (parallel relationships each count). */
export function relationshipDegrees(projection: Projection): Scores {
  return memoised(projection, 'degree', () => {
    const { graph } = projection;
    const out = new Map<string, number>();
    graph.forEachNode((node) => {
      let sum = 0;
      graph.forEachEdge(node, (_edge, link) => {
        sum += link.relationships;
      });
      out.set(node, sum);
    });
    return out;
  });
}

function pageranks(projection: Projection): Scores {
  return memoised(projection, 'pagerank', () => {
    if (projection.graph.order === 0) return new Map();
    const result = pagerank(projection.graph, {
      alpha: PAGERANK_ALPHA,
      getEdgeWeight: null,
      maxIterations: 1000,
      tolerance: 1e-10,
    });
    return new Map(Object.entries(result));
  });
}

function betweenness(projection: Projection): Scores {
  const { order, size } = projection.graph;
  if (order * size > BETWEENNESS_MAX_WORK) {
    throw new AppError(
      'query-refused',
      `Betweenness takes time proportional to nodes × links; the chosen part has ${order} nodes and ${size} links, ` +
        `more than ${BETWEENNESS_MAX_WORK} together. Narrow it with labels, documents or a time window, or use degree or PageRank.`,
      { reason: 'projection-too-large', bound: BETWEENNESS_MAX_WORK },
    );
  }
  return memoised(projection, 'betweenness', () => {
    const result = betweennessCentrality(projection.graph, {
      normalized: false,
      getEdgeWeight: null,
    });
    return new Map(Object.entries(result));
  });
}

export function scoresOf(projection: Projection, measure: CentralityMeasure): Scores {
  switch (measure) {
    case 'degree':
      return relationshipDegrees(projection);
    case 'pagerank':
      return pageranks(projection);
    case 'betweenness':
      return betweenness(projection);
  }
}

/** A small deterministic generator (mulberry32), so communities are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Communities {
  of: ReadonlyMap<string, number>;
  modularity: number | null;
}

/** Louvain communities (weighted by relationships per pair), numbered by size, largest 0. */
export function communities(projection: Projection): Communities {
  return memoised(projection, 'louvain', () => {
    const { graph } = projection;
    if (graph.size === 0) {
      return { of: new Map(graph.nodes().map((node, i) => [node, i])), modularity: null };
    }
    const detailed = louvain.detailed(graph, {
      getEdgeWeight: 'relationships',
      rng: seededRandom(7),
    });
    // Renumber: largest community first, ties by their smallest member id, for stable ids.
    const members = new Map<number, string[]>();
    for (const [node, community] of Object.entries(detailed.communities)) {
      const list = members.get(community) ?? [];
      list.push(node);
      members.set(community, list);
    }
    const order = [...members.values()]
      .map((list) => list.sort())
      .sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
    const of = new Map<string, number>();
    order.forEach((list, id) => list.forEach((node) => of.set(node, id)));
    return { of, modularity: detailed.modularity };
  });
}
