/** GET /api/graph/overview: the bounded, connected first view (read.ts builds it). */
import { z } from 'zod';
import { OverviewResponseSchema } from '../../common/contract/explorer.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { OVERVIEW_DEFAULT_LIMIT, readOverview } from './read.ts';

const OverviewQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(OVERVIEW_DEFAULT_LIMIT)
    .describe('Nodes at most.'),
});

/** `timeoutMs` bounds the queries server-side, as every other route's are. */
export function overviewRoutes(
  db: Database,
  facts: SchemaFactsCache,
  timeoutMs: number,
): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/graph/overview',
      summary: 'A bounded first view: the best-connected nodes and the relationships among them',
      query: OverviewQuery,
      response: OverviewResponseSchema,
      problems: ['400', '503', '504'],
      handle: async ({ query }) =>
        readOverview(db, (await facts.get()).profile, timeoutMs, query.limit),
    }),
  ];
}
