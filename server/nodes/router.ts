/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours — a node, its evidence and its neighbourhood. */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseParams, parseQuery } from '../http/validate.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { NameList, nonEmpty } from '../schema/name-list.ts';
import { Reachability } from '../schema/reachability.ts';
import { ElementIdSchema } from './element-id.ts';
import { readNeighbours, readNode } from './read.ts';

/** The largest page a client may ask for; the configured neighbourLimit is the default. */
export const NEIGHBOUR_MAX_LIMIT = 1000;
const MAX_SKIP = 1_000_000;

const NodeParams = z.object({ id: ElementIdSchema });

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
