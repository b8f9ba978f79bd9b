/**
 * Connect: how X is connected to Y. The cheapest loopless paths within the hop bound are found
 * on the cached projection (routes.ts, costs.ts) in the algorithm worker, which holds it; then
 * every step is backed by the relationships between its two nodes, with their quotes, read from
 * Neo4j.
 */
import type {
  ConnectCost,
  ConnectPath,
  ConnectRank,
  ConnectResponse,
  DiscoveryScope,
  EvidenceQuote,
  GraphNode,
  GraphRelationship,
} from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound } from '../http/problems.ts';
import { resolvePassages } from '../nodes/evidence.ts';
import type { SchemaFacts } from '../schema/read.ts';
import type { AlgorithmWorker } from './algorithm-worker-client.ts';
import type { AlgorithmContext } from './algorithms.ts';
import type { ProjectionCache } from './cache.ts';
import { pairKey, readNodes, readPairs } from './evidence.ts';
import { HOP_RELATIONSHIP_LIMIT, HUB_WEIGHT, UNSUPPORTED_HOP_PENALTY } from './limits.ts';
import { summarise } from './summary.ts';

export interface ConnectRequest {
  from: string;
  to: string;
  maxLength: number;
  k: number;
  rank: ConnectRank;
  scope: DiscoveryScope;
}

export interface DiscoveryContext {
  db: Database;
  facts: SchemaFacts;
  cache: ProjectionCache;
  timeoutMs: number;
  maxSettled: number;
  worker: AlgorithmWorker;
  /** Graph Data Science's version when the database has it. */
  gds: string | null;
}

export function algorithmContext(ctx: DiscoveryContext): AlgorithmContext {
  return {
    db: ctx.db,
    worker: ctx.worker,
    gds: ctx.gds,
    evidence: ctx.facts.evidence,
    timeoutMs: ctx.timeoutMs,
  };
}

/** Both ends must exist (404) and lie in the chosen part of the graph (400). */
export async function requireInProjection(
  ctx: DiscoveryContext,
  projection: { has(id: string): boolean },
  ends: { name: string; id: string }[],
): Promise<Map<string, GraphNode>> {
  const nodes = await ctx.db.read(
    (tx) =>
      readNodes(
        tx,
        ends.map((e) => e.id),
      ),
    ctx.timeoutMs,
  );
  for (const end of ends) {
    if (!nodes.has(end.id)) throw notFound(`No node has the element id "${end.id}" (${end.name}).`);
  }
  const outside = ends.filter((end) => !projection.has(end.id));
  if (outside.length > 0) {
    throw new AppError(
      'validation',
      outside
        .map(
          (end) =>
            `${end.name}: the node "${end.id}" is not in the chosen part of the graph ` +
            '(evidence passages are never part of it; check the labels, documents and time window)',
        )
        .join('; '),
      {
        errors: outside.map((end) => ({
          path: `query.${end.name}`,
          message: 'not in the chosen part of the graph',
        })),
      },
    );
  }
  return nodes;
}

export async function connect(
  ctx: DiscoveryContext,
  request: ConnectRequest,
): Promise<ConnectResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence, ctx.facts.profile.dates);
  const { held, excludedTypes } = cached.projection;
  const ends = await requireInProjection(ctx, held.index, [
    { name: 'from', id: request.from },
    { name: 'to', id: request.to },
  ]);

  // The route search runs in the algorithm worker: a hub can make it settle many states.
  const search = await ctx.worker.run({
    kind: 'routes',
    graph: held.graph,
    from: request.from,
    to: request.to,
    k: request.k,
    maxHops: request.maxLength,
    maxSettled: ctx.maxSettled,
    rank: request.rank,
  });
  if (search.kind !== 'routes') throw new Error(`unexpected answer ${search.kind}`);
  const distance = search.distance;

  const pairs = new Map<string, [string, string]>();
  for (const route of search.routes) {
    for (let i = 1; i < route.nodes.length; i += 1) {
      const a = route.nodes[i - 1] as string;
      const b = route.nodes[i] as string;
      pairs.set(pairKey(a, b), [a, b]);
    }
  }
  const relationships = new Map<string, GraphRelationship>();
  const { evidence, nodes, passages } = await ctx.db.read(async (tx) => {
    const evidence = await readPairs(
      tx,
      [...pairs.values()],
      excludedTypes,
      HOP_RELATIONSHIP_LIMIT,
      ctx.facts.evidence,
      relationships,
    );
    const nodes = await readNodes(
      tx,
      search.routes.flatMap((r) => r.nodes),
    );
    const quotes: EvidenceQuote[] = [...evidence.values()].flatMap((p) =>
      p.relationships.flatMap((r) => r.evidence),
    );
    const passages = await resolvePassages(tx, quotes, ctx.facts.evidence);
    return { evidence, nodes, passages };
  }, ctx.timeoutMs);

  const paths: ConnectPath[] = search.routes.map((route, index) => ({
    rank: index + 1,
    length: route.nodes.length - 1,
    nodes: route.nodes,
    hops: route.nodes.slice(1).map((to, i) => {
      const from = route.nodes[i] as string;
      const found = evidence.get(pairKey(from, to));
      return { from, to, relationships: found?.relationships ?? [], total: found?.total ?? 0 };
    }),
    cost: search.costs[index] as ConnectCost,
  }));

  const fromNode = ends.get(request.from) as GraphNode;
  const toNode = ends.get(request.to) as GraphNode;
  return {
    from: fromNode,
    to: toNode,
    maxLength: request.maxLength,
    k: request.k,
    rank: request.rank,
    paths,
    distance,
    partial: search.partial,
    nodes: [...nodes.values()],
    relationships: [...relationships.values()],
    passages,
    weights: { hubWeight: HUB_WEIGHT, unsupportedHopPenalty: UNSUPPORTED_HOP_PENALTY },
    projection: summarise(cached),
    message:
      paths.length > 0 ? null : noConnection(search.captions, request, distance, search.partial),
  };
}

function noConnection(
  [from, to]: readonly [string, string],
  request: ConnectRequest,
  distance: number | null,
  partial: boolean,
): string {
  const head = `No connection between "${from}" and "${to}" within ${request.maxLength} hops`;
  if (partial) return `${head} found before the search budget ran out.`;
  if (distance === null) return `${head}: they are not connected at all in this part of the graph.`;
  return `${head}; the nearest connection is ${distance} hops long.`;
}
