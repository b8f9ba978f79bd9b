/** POST /api/cypher {query, params} — the read-only Cypher console (guard.ts explains the layers). */
import { Router } from 'express';
import { z } from 'zod';
import type { CypherResponse } from '../../common/api.ts';
import type { EncodedValue } from '../../common/values.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseBody } from '../http/validate.ts';
import { Reachability } from '../schema/reachability.ts';
import { checkQueryText } from './guard.ts';
import { ConcurrencyLimiter } from './limiter.ts';
import { toDriverParams } from './params.ts';
import { runConsoleQuery } from './run.ts';

export const CYPHER_QUERY_MAX_LENGTH = 100_000;
const LIMITER_GRACE_MS = 2_000;

const Body = z.strictObject({
  query: z
    .string({ error: 'is required: the Cypher text to run' })
    .max(CYPHER_QUERY_MAX_LENGTH, `must be at most ${CYPHER_QUERY_MAX_LENGTH} characters`)
    .refine((q) => q.trim().length > 0, 'must not be empty'),
  params: z.record(z.string().min(1), z.unknown()).default({}),
});

export function cypherRouter(db: Database, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  const { queryTimeoutMs, queryMaxRows, cypherMaxConcurrency } = config.limits;
  // A waiter may wait out one query that runs to its timeout, and a little more.
  const limiter = new ConcurrencyLimiter(cypherMaxConcurrency, queryTimeoutMs + LIMITER_GRACE_MS);

  router.post('/cypher', async (req, res) => {
    const body = parseBody(Body, req.body);
    const query = checkQueryText(body.query);
    const params = toDriverParams(body.params as Record<string, EncodedValue>);
    await reachable.ensure();
    const release = await limiter.acquire();
    // A client that goes away stops the stream at the next record.
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    try {
      const response: CypherResponse = await runConsoleQuery(
        db,
        query,
        params,
        { timeoutMs: queryTimeoutMs, maxRows: queryMaxRows },
        aborted.signal,
      );
      res.json(response);
    } finally {
      release();
    }
  });
  return router;
}
