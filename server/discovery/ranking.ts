/**
 * GET /api/discovery/centrality: nodes of a projection ranked by one measure, each with its
 * degree and community, and the communities summarised by their most central members.
 */
import type {
  CentralityMeasure,
  CentralityResponse,
  CentralityRow,
  CommunitySummary,
  DiscoveryScope,
} from '../../common/api.ts';
import { communities, relationshipDegrees, scoresOf, type Scores } from './centrality.ts';
import type { DiscoveryContext } from './connect.ts';
import { readNodes } from './evidence.ts';
import { kindOf } from './kind.ts';
import { COMMUNITY_TOP_MEMBERS } from './limits.ts';
import { memoised, type Projection } from './projection.ts';
import { summarise } from './summary.ts';

/** Communities listed at most (the largest); isolated nodes each form one. */
export const COMMUNITIES_LISTED = 50;

export interface CentralityRequest {
  measure: CentralityMeasure;
  limit: number;
  scope: DiscoveryScope;
}

/** Node ids by descending score; ties by caption, then id, so the order is stable. */
export function rankNodes(projection: Projection, scores: Scores): string[] {
  const caption = (id: string) => projection.graph.getNodeAttribute(id, 'caption');
  return projection.graph
    .nodes()
    .sort(
      (a, b) =>
        (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
        caption(a).localeCompare(caption(b)) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
}

export function summariseCommunities(
  projection: Projection,
  ranked: readonly string[],
  of: ReadonlyMap<string, number>,
): CommunitySummary[] {
  const byId = new Map<number, string[]>();
  for (const node of ranked) {
    const id = of.get(node);
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push(node);
    byId.set(id, list);
  }
  return [...byId.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, COMMUNITIES_LISTED)
    .map(([id, members]) => {
      const kinds = new Map<string, number>();
      for (const node of members) {
        const kind = kindOf(projection.graph.getNodeAttribute(node, 'labels'));
        if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      return {
        id,
        size: members.length,
        members: members.slice(0, COMMUNITY_TOP_MEMBERS).map((node) => ({
          node,
          caption: projection.graph.getNodeAttribute(node, 'caption'),
        })),
        kind: kind ? kind[0] : null,
      };
    });
}

export async function centrality(
  ctx: DiscoveryContext,
  request: CentralityRequest,
): Promise<CentralityResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence);
  const { projection } = cached;
  const started = performance.now();
  const computed = !projection.memo.has(request.measure) || !projection.memo.has('louvain');
  const scores = scoresOf(projection, request.measure);
  const degrees = relationshipDegrees(projection);
  const groups = communities(projection);
  // Sorting every node by score and name costs more than a cached request should: kept too.
  const ranked = memoised(projection, `ranking:${request.measure}`, () =>
    rankNodes(projection, scores),
  );
  const listed = memoised(projection, `communities:${request.measure}`, () =>
    summariseCommunities(projection, ranked, groups.of),
  );
  const computeMs = Math.round(performance.now() - started);

  const top = ranked.slice(0, request.limit);
  const nodes = await ctx.db.read((tx) => readNodes(tx, top), ctx.timeoutMs);
  const rows: CentralityRow[] = top.flatMap((id, index) => {
    const node = nodes.get(id);
    if (!node) return [];
    return [
      {
        node,
        rank: index + 1,
        score: scores.get(id) ?? 0,
        degree: degrees.get(id) ?? 0,
        community: groups.of.get(id) ?? -1,
      },
    ];
  });
  return {
    measure: request.measure,
    rows,
    total: ranked.length,
    limit: request.limit,
    communities: listed,
    modularity: groups.modularity,
    projection: summarise(cached),
    computed,
    computeMs,
  };
}
