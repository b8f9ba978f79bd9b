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
import type { HeldProjection } from './algorithm-worker-client.ts';
import { aligned, centralityOf, type CentralityResults } from './algorithms.ts';
import { algorithmContext, type DiscoveryContext } from './connect.ts';
import { readNodes } from './evidence.ts';
import { memoised } from './projection.ts';
import { summarise } from './summary.ts';

export interface CentralityRequest {
  measure: CentralityMeasure;
  limit: number;
  scope: DiscoveryScope;
}

/**
 * The communities of the ranked nodes, summarised in the worker (it holds their captions and
 * labels): the COMMUNITIES_LISTED largest, or exactly those in `only`.
 */
async function communitiesOf(
  ctx: DiscoveryContext,
  projection: HeldProjection,
  results: CentralityResults,
  only?: ReadonlySet<number>,
): Promise<CommunitySummary[]> {
  const answer = await ctx.worker.run({
    kind: 'summarise',
    graph: projection.held.graph,
    ranked: results.rankedIndexes,
    of: aligned(projection.held, results.groups.of, Number.NaN),
    ...(only ? { only: [...only] } : {}),
  });
  if (answer.kind !== 'summaries') throw new Error(`unexpected answer ${answer.kind}`);
  return answer.communities;
}

export async function centrality(
  ctx: DiscoveryContext,
  request: CentralityRequest,
): Promise<CentralityResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence, ctx.facts.profile.dates);
  const { projection } = cached;
  const started = performance.now();
  const results = await centralityOf(algorithmContext(ctx), projection, request.measure);
  const { scores, degrees, groups, ranked, computed } = results;
  const listed = await memoised(projection, `communities:${request.measure}`, () =>
    communitiesOf(ctx, projection, results),
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
  const results = await centralityOf(algorithmContext(ctx), projection, request.measure);
  const { scores, groups, ranked } = results;
  const members: CentralityMember[] = [];
  const outside: string[] = [];
  for (const id of new Set(request.ids)) {
    const community = projection.held.index.has(id) ? groups.of.get(id) : undefined;
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
    communities: await communitiesOf(ctx, projection, results, present),
    modularity: groups.modularity,
    projection: summarise(cached),
  };
}
