/** GET /api/paths?from=&to=&maxLength=&k= — shortest and alternative paths with evidence per hop. */
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseQuery } from '../http/validate.ts';
import { ElementIdSchema } from '../nodes/element-id.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { Reachability } from '../schema/reachability.ts';
import { findPaths } from './find.ts';

export const PATHS_DEFAULT_MAX_LENGTH = 4;
export const PATHS_DEFAULT_K = 3;
export const PATHS_MAX_K = 10;

function pathsQuery(maxLength: number) {
  return z
    .object({
      from: ElementIdSchema,
      to: ElementIdSchema,
      maxLength: z.coerce
        .number()
        .int()
        .min(1)
        .max(maxLength)
        .default(Math.min(PATHS_DEFAULT_MAX_LENGTH, maxLength)),
      k: z.coerce.number().int().min(1).max(PATHS_MAX_K).default(PATHS_DEFAULT_K),
    })
    .refine((q) => q.from !== q.to, { message: 'must differ from "from"', path: ['to'] });
}

export function pathsRouter(db: Database, facts: SchemaFactsCache, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  const Query = pathsQuery(config.limits.pathMaxLength);
  router.get('/paths', async (req, res) => {
    const request = parseQuery(Query, req.query);
    await reachable.ensure();
    res.json(await findPaths(db, await facts.get(), request, config.limits.queryTimeoutMs));
  });
  return router;
}
