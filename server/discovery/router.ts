/**
 * /api/discovery/* — connect, share, centrality, suggestions, timeline and phrase reading.
 * Handlers are thin: validate → compute (with the cached projection) → respond.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseBody, parseQuery } from '../http/validate.ts';
import { ElementIdSchema } from '../nodes/element-id.ts';
import { contributeToOpenApi } from '../openapi/contributions.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { Reachability } from '../schema/reachability.ts';
import { cleanQuery, queryTerms } from '../search/text.ts';
import { algorithmWorker } from './algorithm-worker-client.ts';
import { ProjectionCache } from './cache.ts';
import { connect, type DiscoveryContext } from './connect.ts';
import { GdsDetection } from './gds.ts';
import { interpret } from './interpret.ts';
import { discoveryPaths } from './openapi.ts';
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
// Registers the response schemas with the OpenAPI registry.
import './schemas.ts';

contributeToOpenApi(discoveryPaths);

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export function connectParams(pathMaxLength: number) {
  return z
    .object({
      from: ElementIdSchema,
      to: ElementIdSchema,
      maxLength: int(1, pathMaxLength, Math.min(CONNECT_DEFAULT_MAX_LENGTH, pathMaxLength)),
      k: int(1, CONNECT_MAX_K, CONNECT_DEFAULT_K),
      rank: z.enum(['weighted', 'hops']).default('weighted'),
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

const ShareParams = z.object({ ids: IdList });

const CentralityParams = z
  .object({
    measure: z.enum(['degree', 'pagerank', 'betweenness']).default('degree'),
    limit: int(1, CENTRALITY_MAX_LIMIT, CENTRALITY_DEFAULT_LIMIT),
    ...ScopeFields,
  })
  .superRefine(checkWindow);

const CentralityMembersBody = z
  .object({
    measure: z.enum(['degree', 'pagerank', 'betweenness']).default('degree'),
    ids: z
      .array(ElementIdSchema)
      .min(1, 'name at least one node')
      .max(CENTRALITY_MEMBERS_MAX_IDS, `at most ${CENTRALITY_MEMBERS_MAX_IDS} nodes`),
    ...ScopeFields,
  })
  .superRefine(checkWindow);

const SuggestionsParams = z
  .object({
    id: ElementIdSchema,
    limit: int(1, SUGGESTIONS_MAX_LIMIT, SUGGESTIONS_DEFAULT_LIMIT),
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
    ),
});

export interface DiscoveryOptions {
  bounds?: ProjectionBounds;
  maxSettled?: number;
  /** 'auto' (default): Graph Data Science when the database has it, else graphology. */
  engine?: 'auto' | 'graphology';
}

export interface Discovery {
  router: Router;
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
  const reachable = new Reachability(db);
  const gds = options.engine === 'graphology' ? null : new GdsDetection(db, timeoutMs);
  // Validation happens before this, so bad input never waits for Neo4j.
  const context = async (): Promise<DiscoveryContext> => {
    await reachable.ensure();
    return {
      db,
      facts: await facts.get(),
      cache,
      timeoutMs,
      maxSettled: options.maxSettled ?? CONNECT_MAX_SETTLED,
      worker: algorithmWorker(),
      gds: gds ? await gds.get() : null,
    };
  };
  const Connect = connectParams(config.limits.pathMaxLength);
  const router = Router();

  router.get('/discovery/connect', async (req, res) => {
    const p = parseQuery(Connect, req.query);
    const scope = toScope({ labels: p.labels, documents: p.documents, from: p.since, to: p.until });
    res.json(await connect(await context(), { ...p, scope }));
  });
  router.get('/discovery/share', async (req, res) => {
    const p = parseQuery(ShareParams, req.query);
    res.json(await share(await context(), p.ids));
  });
  router.get('/discovery/centrality', async (req, res) => {
    const p = parseQuery(CentralityParams, req.query);
    res.json(
      await centrality(await context(), { measure: p.measure, limit: p.limit, scope: toScope(p) }),
    );
  });
  router.post('/discovery/centrality/members', async (req, res) => {
    const p = parseBody(CentralityMembersBody, req.body ?? {});
    res.json(
      await centralityMembers(await context(), {
        measure: p.measure,
        ids: p.ids,
        scope: toScope(p),
      }),
    );
  });
  router.get('/discovery/suggestions', async (req, res) => {
    const p = parseQuery(SuggestionsParams, req.query);
    res.json(await suggestions(await context(), { id: p.id, limit: p.limit, scope: toScope(p) }));
  });
  router.get('/discovery/timeline', async (req, res) => {
    const p = parseQuery(TimelineParams, req.query);
    res.json(await timeline(await context(), { from: p.from ?? null, to: p.to ?? null }));
  });
  router.get('/discovery/interpret', async (req, res) => {
    const p = parseQuery(InterpretParams, req.query);
    res.json(await interpret(await context(), p.q, { scanLimit: config.limits.searchScanLimit }));
  });
  return { router, cache };
}

export function discoveryRouter(db: Database, facts: SchemaFactsCache, config: Config): Router {
  return createDiscovery(db, facts, config).router;
}
