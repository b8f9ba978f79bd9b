/**
 * GET /api/nodes/:id and GET /api/nodes/:id/neighbours — a node, its evidence and its
 * neighbourhood; POST /api/nodes/resolve — the current elements for a saved view's references.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { NameList, nonEmpty } from '../schema/name-list.ts';
import { Reachability } from '../schema/reachability.ts';
import { ElementIdSchema } from './element-id.ts';
import { readNeighbours, readNode } from './read.ts';
import { resolveReferences } from './resolve.ts';

/** The largest page a client may ask for; the configured neighbourLimit is the default. */
export const NEIGHBOUR_MAX_LIMIT = 1000;
const MAX_SKIP = 1_000_000;

const NodeParams = z.object({ id: ElementIdSchema });

/** The most references one resolve request may carry. */
export const RESOLVE_MAX_NODES = 5000;
export const RESOLVE_MAX_RELATIONSHIPS = 20_000;

const Name = z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters');

const NodeRefSchema = z.union(
  [
    z.strictObject({ id: ElementIdSchema }),
    z.strictObject({
      label: Name,
      property: Name,
      value: z.union([z.string(), z.number().finite(), z.boolean()]),
    }),
  ],
  { error: 'must be {id} or {label, property, value}' },
);

const ResolveBody = z
  .strictObject({
    nodes: z.array(NodeRefSchema).max(RESOLVE_MAX_NODES, `at most ${RESOLVE_MAX_NODES} nodes`),
    relationships: z
      .array(
        z.strictObject({
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          type: Name,
          id: ElementIdSchema.optional(),
        }),
      )
      .max(RESOLVE_MAX_RELATIONSHIPS, `at most ${RESOLVE_MAX_RELATIONSHIPS} relationships`)
      .default([]),
  })
  .superRefine((body, ctx) => {
    body.relationships.forEach((rel, i) => {
      for (const end of ['start', 'end'] as const) {
        if (rel[end] >= body.nodes.length)
          ctx.addIssue({
            code: 'custom',
            path: ['relationships', i, end],
            message: `names node ${rel[end]}, but there are ${body.nodes.length} nodes`,
          });
      }
    });
  });

function neighbourQuery(defaultLimit: number) {
  const max = Math.max(defaultLimit, NEIGHBOUR_MAX_LIMIT);
  return z.object({
    types: NameList.optional(),
    labels: NameList.optional(),
    direction: z
      .enum(['out', 'in', 'both'], { error: 'must be "out", "in" or "both"' })
      .default('both'),
    limit: z.coerce.number().int().min(1).max(max).default(defaultLimit),
    skip: z.coerce.number().int().min(0).max(MAX_SKIP).default(0),
  });
}

export function nodesRouter(db: Database, facts: SchemaFactsCache, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  const NeighbourQuery = neighbourQuery(config.limits.neighbourLimit);
  const timeoutMs = config.limits.queryTimeoutMs;

  router.post('/nodes/resolve', async (req, res) => {
    const body = parseBody(ResolveBody, req.body);
    await reachable.ensure();
    res.json(await resolveReferences(db, body, timeoutMs));
  });

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseParams(NodeParams, req.params);
    await reachable.ensure();
    res.json(await readNode(db, await facts.get(), id, timeoutMs));
  });

  router.get('/nodes/:id/neighbours', async (req, res) => {
    const { id } = parseParams(NodeParams, req.params);
    const query = parseQuery(NeighbourQuery, req.query);
    await reachable.ensure();
    const body = await readNeighbours(
      db,
      { id, ...query, types: nonEmpty(query.types), labels: nonEmpty(query.labels) },
      timeoutMs,
    );
    res.json(body);
  });
  return router;
}
