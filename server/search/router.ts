/** GET /api/search?q=&labels=&limit= — ranked matches over names, aliases, titles and other text. */
import { Router } from 'express';
import { z } from 'zod';
import type { SearchResponse } from '../../common/api.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { parseQuery } from '../http/validate.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { NameList, nonEmpty } from '../schema/name-list.ts';
import { Reachability } from '../schema/reachability.ts';
import { MAX_QUERY_TERMS, searchNodes } from './search.ts';
import { cleanQuery, queryTerms } from './text.ts';

/** Longer queries are refused: nobody types them, and they cost index time. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_DEFAULT_LIMIT = 20;

function searchParams(maxLimit: number) {
  return z.object({
    q: z
      .string({ error: 'is required: the text to search for' })
      .transform(cleanQuery)
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty or only whitespace', abort: true })
          .max(SEARCH_QUERY_MAX_LENGTH, {
            message: `must be at most ${SEARCH_QUERY_MAX_LENGTH} characters`,
            abort: true,
          })
          .refine((q) => queryTerms(q, 1).length > 0, 'must contain a letter or a digit'),
      ),
    labels: NameList.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(Math.min(SEARCH_DEFAULT_LIMIT, maxLimit)),
  });
}

export function searchRouter(db: Database, facts: SchemaFactsCache, config: Config): Router {
  const router = Router();
  const reachable = new Reachability(db);
  const Params = searchParams(config.limits.searchLimitMax);
  router.get('/search', async (req, res) => {
    const params = parseQuery(Params, req.query);
    await reachable.ensure();
    const body: SearchResponse = await searchNodes(
      db,
      await facts.get(),
      {
        query: params.q,
        terms: queryTerms(params.q, MAX_QUERY_TERMS),
        labels: nonEmpty(params.labels),
        limit: params.limit,
      },
      { timeoutMs: config.limits.queryTimeoutMs, scanLimit: config.limits.searchScanLimit },
    );
    res.json(body);
  });
  return router;
}
