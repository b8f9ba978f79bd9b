/** GET /api/relationships/:id — a relationship, its evidence and provenance. */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseParams } from '../http/validate.ts';
import { ElementIdSchema } from '../nodes/element-id.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { Reachability } from '../schema/reachability.ts';
import { readRelationship } from './read.ts';

const RelationshipParams = z.object({ id: ElementIdSchema });

export function relationshipsRouter(db: Database, facts: SchemaFactsCache, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  router.get('/relationships/:id', async (req, res) => {
    const { id } = parseParams(RelationshipParams, req.params);
    await reachable.ensure();
    res.json(await readRelationship(db, await facts.get(), id, config.limits.queryTimeoutMs));
  });
  return router;
}
