/**
 * /api/discovery/* — connect, share, centrality, suggestions, timeline and phrase reading.
 * Handlers are thin: validate → compute (with the cached projection) → respond.
 */
import { z } from 'zod';
import {
  CentralityMembersResponseSchema,
  CentralityResponseSchema,
  ConnectResponseSchema,
  InterpretResponseSchema,
  ShareResponseSchema,
  SuggestionsResponseSchema,
  TimelineResponseSchema,
} from '../../common/contract/discovery.ts';
import { storedElementId as ElementIdSchema } from '../../common/contract/registry.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { cleanQuery, queryTerms } from '../search/text.ts';
import { algorithmWorker } from './algorithm-worker-client.ts';
import { ProjectionCache } from './cache.ts';
import { connect, type DiscoveryContext } from './connect.ts';
import { GdsDetection } from './gds.ts';
import { interpret } from './interpret.ts';
import {
  CENTRALITY_DEFAULT_LIMIT,
  CENTRALITY_MAX_LIMIT,
  CENTRALITY_MEMBERS_MAX_IDS,
  CONNECT_DEFAULT_K,
  CONNECT_DEFAULT_MAX_LENGTH,
  CONNECT_MAX_K,
  CONNECT_MAX_SETTLED,
  INTERPRET_MAX_LENGTH,
  PROJECTION_MAX_NODES,
  PROJECTION_MAX_RELATIONSHIPS,
  PROJECTION_TIMEOUT_FACTOR,
  SHARE_MAX_ENTITIES,
  SUGGESTIONS_DEFAULT_LIMIT,
  SUGGESTIONS_MAX_LIMIT,
} from './limits.ts';
import type { ProjectionBounds } from './projection.ts';
import { centrality, centralityMembers } from './ranking.ts';
import { checkWindow, ScopeFields, toScope } from './scope.ts';
import { share } from './share.ts';
import { suggestions } from './suggestions.ts';
import { timeline } from './timeline.ts';

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export function connectParams(pathMaxLength: number) {
  return z
    .object({
      from: ElementIdSchema.describe('Element id of one end.'),
      to: ElementIdSchema.describe('Element id of the other end.'),
      maxLength: int(
        1,
        pathMaxLength,
        Math.min(CONNECT_DEFAULT_MAX_LENGTH, pathMaxLength),
      ).describe('Hops at most.'),
      k: int(1, CONNECT_MAX_K, CONNECT_DEFAULT_K).describe('Paths at most.'),
      rank: z.enum(['weighted', 'hops']).default('weighted').describe('Ranking.'),
      labels: ScopeFields.labels,
      documents: ScopeFields.documents,
      // from/to name the two ends here, so the time window is since/until.
      since: ScopeFields.from,
      until: ScopeFields.to,
    })
    .refine((q) => q.from !== q.to, { message: 'must differ from "from"', path: ['to'] })
    .superRefine((q, ctx) => checkWindow({ from: q.since, to: q.until }, ctx));
}

const IdList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  )
  .pipe(
    z
      .array(ElementIdSchema)
      .min(2, 'name at least two nodes (comma-separated or repeated)')
      .max(SHARE_MAX_ENTITIES, `at most ${SHARE_MAX_ENTITIES} nodes`)
      .refine((ids) => new Set(ids).size === ids.length, 'must name different nodes'),
  );

const ShareParams = z.object({
  ids: IdList.describe(
    `Element ids of 2 to ${SHARE_MAX_ENTITIES} different nodes (comma-separated or repeated).`,
  ),
});

const Measure = z
  .enum(['degree', 'pagerank', 'betweenness'])
  .default('degree')
  .describe('The measure to rank by.');

const CentralityParams = z
  .object({
    measure: Measure,
    limit: int(1, CENTRALITY_MAX_LIMIT, CENTRALITY_DEFAULT_LIMIT).describe('Rows at most.'),
    ...ScopeFields,
  })
  .superRefine(checkWindow);

const CentralityMembersBody = z
  .object({
    measure: Measure,
    ids: z
      .array(ElementIdSchema)
      .min(1, 'name at least one node')
      .max(CENTRALITY_MEMBERS_MAX_IDS, `at most ${CENTRALITY_MEMBERS_MAX_IDS} nodes`)
      .describe('Element ids of the nodes.'),
    ...ScopeFields,
  })
  .superRefine(checkWindow);

const SuggestionsParams = z
  .object({
    id: ElementIdSchema.describe('Element id of the node.'),
    limit: int(1, SUGGESTIONS_MAX_LIMIT, SUGGESTIONS_DEFAULT_LIMIT).describe(
      'Suggestions at most.',
    ),
    ...ScopeFields,
  })
  .superRefine(checkWindow);

const TimelineParams = z
  .object({ from: ScopeFields.from, to: ScopeFields.to })
  .superRefine(checkWindow);

const InterpretParams = z.object({
  q: z
    .string({ error: 'is required: the phrase to read' })
    .transform(cleanQuery)
    .pipe(
      z
        .string()
        .min(1, { message: 'must not be empty or only whitespace', abort: true })
        .max(INTERPRET_MAX_LENGTH, `must be at most ${INTERPRET_MAX_LENGTH} characters`)
        .refine((q) => queryTerms(q, 1).length > 0, 'must contain a letter or a digit'),
    )
    .meta({ description: 'The phrase.', minLength: 1, maxLength: INTERPRET_MAX_LENGTH }),
});

export interface DiscoveryOptions {
  bounds?: ProjectionBounds;
  maxSettled?: number;
  /** 'auto' (default): Graph Data Science when the database has it, else graphology. */
  engine?: 'auto' | 'graphology';
}

export interface Discovery {
  routes: ApiRoute[];
  /** Call after writing to the graph in this process; other writers are noticed by themselves. */
  cache: ProjectionCache;
}

export function createDiscovery(
  db: Database,
  facts: SchemaFactsCache,
  config: Config,
  options: DiscoveryOptions = {},
): Discovery {
  const timeoutMs = config.limits.queryTimeoutMs;
  const cache = new ProjectionCache(
    db,
    options.bounds ?? {
      maxNodes: PROJECTION_MAX_NODES,
      maxRelationships: PROJECTION_MAX_RELATIONSHIPS,
    },
    timeoutMs * PROJECTION_TIMEOUT_FACTOR,
  );
  const gds = options.engine === 'graphology' ? null : new GdsDetection(db, timeoutMs);
  // Validation and the reachability check happen before this, so bad input never waits for Neo4j.
  const context = async (): Promise<DiscoveryContext> => ({
    db,
    facts: await facts.get(),
    cache,
    timeoutMs,
    maxSettled: options.maxSettled ?? CONNECT_MAX_SETTLED,
    worker: algorithmWorker(),
    gds: gds ? await gds.get() : null,
  });
  const routes = [
    defineRoute({
      method: 'get',
      path: '/discovery/connect',
      summary: 'How two nodes are connected: ranked loopless paths with the quotes behind each hop',
      description:
        'Paths of at most maxLength hops over the projection (evidence passages and mention links left out). ' +
        'rank=weighted orders by hops + 0.5 × ln(degree) per node passed through + 0.5 per hop without a quote; ' +
        'rank=hops by hops first. Each hop lists every relationship between its two nodes. No path within ' +
        'the bound is an answer: 200 with no paths, the distance and a message.',
      query: connectParams(config.limits.pathMaxLength),
      response: ConnectResponseSchema,
      problems: ['400', '404', '422', '503', '504'],
      handle: async ({ query: p }) => {
        const scope = toScope({
          labels: p.labels,
          documents: p.documents,
          from: p.since,
          to: p.until,
        });
        return connect(await context(), { ...p, scope });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/discovery/share',
      summary: 'What two or more nodes have in common, grouped by kind, with evidence',
      query: ShareParams,
      response: ShareResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ query }) => share(await context(), query.ids),
    }),
    defineRoute({
      method: 'get',
      path: '/discovery/centrality',
      summary: 'Nodes ranked by degree, PageRank or betweenness, with Louvain communities',
      query: CentralityParams,
      response: CentralityResponseSchema,
      problems: ['400', '422', '503', '504'],
      handle: async ({ query: p }) =>
        centrality(await context(), { measure: p.measure, limit: p.limit, scope: toScope(p) }),
    }),
    defineRoute({
      method: 'post',
      path: '/discovery/centrality/members',
      summary:
        'The score and community of each given node (e.g. those on a canvas), and their communities',
      body: CentralityMembersBody,
      response: CentralityMembersResponseSchema,
      problems: ['400', '422', '503', '504'],
      handle: async ({ body: p }) =>
        centralityMembers(await context(), { measure: p.measure, ids: p.ids, scope: toScope(p) }),
    }),
    defineRoute({
      method: 'get',
      path: '/discovery/suggestions',
      summary:
        'Nodes worth a look: not linked to the node, sharing neighbours with it (Adamic–Adar)',
      query: SuggestionsParams,
      response: SuggestionsResponseSchema,
      problems: ['400', '404', '422', '503', '504'],
      handle: async ({ query: p }) =>
        suggestions(await context(), { id: p.id, limit: p.limit, scope: toScope(p) }),
    }),
    defineRoute({
      method: 'get',
      path: '/discovery/timeline',
      summary: 'Meetings by date, optionally within a time window',
      query: TimelineParams,
      response: TimelineResponseSchema,
      problems: ['400', '503', '504'],
      handle: async ({ query: p }) =>
        timeline(await context(), { from: p.from ?? null, to: p.to ?? null }),
    }),
    defineRoute({
      method: 'get',
      path: '/discovery/interpret',
      summary: 'Reads a search-box phrase: "X to Y" (connect), "A and B" (share) or a plain search',
      query: InterpretParams,
      response: InterpretResponseSchema,
      problems: ['400', '503', '504'],
      handle: async ({ query }) =>
        interpret(await context(), query.q, { scanLimit: config.limits.searchScanLimit }),
    }),
  ];
  return { routes, cache };
}
