/** GET /api/schema: labels, types, property types, counts, indexes, constraints, schema graph. */
import { Router } from 'express';
import type { SchemaResponse } from '../../common/api.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { readSchema } from './read.ts';
import { Reachability } from './reachability.ts';

export function schemaRouter(db: Database, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  router.get('/schema', async (_req, res) => {
    await reachable.ensure();
    const body: SchemaResponse = await db.read(
      (tx) => readSchema(tx, db.target.database),
      config.limits.queryTimeoutMs,
    );
    res.json(body);
  });
  return router;
}
