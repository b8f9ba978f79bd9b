/** GET /api/search?q=&labels=&limit= — ranked matches over names, aliases, titles and other text. */
import { z } from 'zod';
import { SearchResponseSchema } from '../../common/contract/explorer.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { NameList, nonEmpty } from '../schema/name-list.ts';
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
      )
      .meta({
        description: 'Text to find; must contain a letter or digit.',
        // The bounds apply after spaces are tidied; stated for the document.
        minLength: 1,
        maxLength: SEARCH_QUERY_MAX_LENGTH,
      }),
    labels: NameList.optional().describe(
      'Only nodes with one of these labels: comma-separated, or the parameter repeated (at most 50).',
    ),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(Math.min(SEARCH_DEFAULT_LIMIT, maxLimit))
      .describe('Hits at most.'),
  });
}

export function searchRoutes(db: Database, facts: SchemaFactsCache, config: Config): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/search',
      summary: 'Ranked matches over names, aliases, titles and other text',
      description:
        'Uses the full-text indexes covering the wanted labels (exact, prefix and fuzzy terms, with and ' +
        'without diacritics); without one, or when they find nothing, a bounded scan of string properties ' +
        '(case- and diacritic-insensitive substring match; `partial` when the bound was reached).',
      query: searchParams(config.limits.searchLimitMax),
      response: SearchResponseSchema,
      problems: ['400', '503', '504'],
      handle: async ({ query }) =>
        searchNodes(
          db,
          await facts.get(),
          {
            query: query.q,
            terms: queryTerms(query.q, MAX_QUERY_TERMS),
            labels: nonEmpty(query.labels),
            limit: query.limit,
          },
          { timeoutMs: config.limits.queryTimeoutMs, scanLimit: config.limits.searchScanLimit },
        ),
    }),
  ];
}
