/**
 * GET /api/discovery/centrality: nodes of a projection ranked by one measure, each with its
 * degree and community, and the communities summarised by their most central members.
 */
import type {
  CentralityMeasure,
  CentralityMember,
  CentralityMembersResponse,
  CentralityResponse,
  CentralityRow,
  CommunitySummary,
  DiscoveryScope,
} from '../../common/api.ts';
import { centralityOf } from './algorithms.ts';
import type { Scores } from './centrality.ts';
import { algorithmContext, type DiscoveryContext } from './connect.ts';
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

/**
 * The communities of the ranked nodes, largest first, each with its most central members and
 * its most frequent kind: the COMMUNITIES_LISTED largest, or exactly those in `only`.
 */
export function summariseCommunities(
  projection: Projection,
  ranked: readonly string[],
  of: Scores,
  only?: ReadonlySet<number>,
): CommunitySummary[] {
  const byId = new Map<number, string[]>();
  for (const node of ranked) {
    const id = of.get(node);
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push(node);
    byId.set(id, list);
  }
  const listed = [...byId.entries()].sort(([a], [b]) => a - b);
  return (only ? listed.filter(([id]) => only.has(id)) : listed.slice(0, COMMUNITIES_LISTED)).map(
    ([id, members]) => {
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
    },
  );
}

export async function centrality(
  ctx: DiscoveryContext,
  request: CentralityRequest,
): Promise<CentralityResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence, ctx.facts.profile.dates);
  const { projection } = cached;
  const started = performance.now();
  const { scores, degrees, groups, ranked, computed } = await centralityOf(
    algorithmContext(ctx),
    projection,
    request.measure,
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

export interface CentralityMembersRequest {
  measure: CentralityMeasure;
  ids: readonly string[];
  scope: DiscoveryScope;
}

/**
 * The score and community of each given node (those on a canvas, say), and the communities they
 * belong to, so every node drawn can be coloured by community and the colours explained, not
 * only the top of the ranking. Nodes outside the projection (sources, outside the window) are
 * listed as such.
 */
export async function centralityMembers(
  ctx: DiscoveryContext,
  request: CentralityMembersRequest,
): Promise<CentralityMembersResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence, ctx.facts.profile.dates);
  const { projection } = cached;
  const { scores, groups, ranked } = await centralityOf(
    algorithmContext(ctx),
    projection,
    request.measure,
  );
  const members: CentralityMember[] = [];
  const outside: string[] = [];
  for (const id of new Set(request.ids)) {
    const community = projection.graph.hasNode(id) ? groups.of.get(id) : undefined;
    if (community === undefined) outside.push(id);
    else members.push({ node: id, score: scores.get(id) ?? 0, community });
  }
  const present = new Set(members.map((m) => m.community));
  const top = ranked[0];
  return {
    measure: request.measure,
    members,
    outside,
    top: top === undefined ? 0 : (scores.get(top) ?? 0),
    communities: summariseCommunities(projection, ranked, groups.of, present),
    modularity: groups.modularity,
    projection: summarise(cached),
  };
}
