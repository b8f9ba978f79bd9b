/** POST /api/cypher {query, params} — the read-only Cypher console (guard.ts explains the layers). */
import {
  CYPHER_QUERY_MAX_LENGTH,
  CypherRequestSchema,
  CypherResponseSchema,
} from '../../common/contract/explorer.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import { checkQueryText } from './guard.ts';
import { ConcurrencyLimiter } from './limiter.ts';
import { toDriverParams } from './params.ts';
import { runConsoleQuery } from './run.ts';

const LIMITER_GRACE_MS = 2_000;

export function cypherRoutes(db: Database, config: Config): ApiRoute[] {
  const { queryTimeoutMs, queryMaxRows, cypherMaxConcurrency } = config.limits;
  // A waiter may wait out one query that runs to its timeout, and a little more.
  const limiter = new ConcurrencyLimiter(cypherMaxConcurrency, queryTimeoutMs + LIMITER_GRACE_MS);
  return [
    defineRoute({
      method: 'post',
      path: '/cypher',
      summary: 'Run one read-only Cypher query',
      description:
        `Checked three ways: the query text (one statement; no EXPLAIN/PROFILE, USE, LOAD CSV, ` +
        `CALL … IN TRANSACTIONS), Neo4j's plan (query type "r", allowed operators and procedures) and a ` +
        `read transaction. Server-side timeout ${queryTimeoutMs} ms; at most ${queryMaxRows} rows, cut ` +
        `while streaming (truncated: true). Parameters use the value encoding; the query is at most ` +
        `${CYPHER_QUERY_MAX_LENGTH} characters.`,
      body: CypherRequestSchema,
      response: CypherResponseSchema,
      problems: ['400', '413', '422', '503', '504'],
      // The read-only guard answers before Neo4j is asked anything.
      precheck: ({ body }) => checkQueryText(body.query),
      handle: async ({ body }, { res, checked: query }) => {
        const params = toDriverParams(body.params);
        const release = await limiter.acquire();
        // A client that goes away stops the stream at the next record.
        const aborted = new AbortController();
        res.on('close', () => aborted.abort());
        try {
          return await runConsoleQuery(
            db,
            query,
            params,
            { timeoutMs: queryTimeoutMs, maxRows: queryMaxRows },
            aborted.signal,
          );
        } finally {
          release();
        }
      },
    }),
  ];
}
