/** GET /api/paths?from=&to=&maxLength=&k= — shortest and alternative paths with evidence per hop. */
import { z } from 'zod';
import { PathsResponseSchema } from '../../common/contract/explorer.ts';
import { storedElementId } from '../../common/contract/registry.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { findPaths } from './find.ts';

export const PATHS_DEFAULT_MAX_LENGTH = 4;
export const PATHS_DEFAULT_K = 3;
export const PATHS_MAX_K = 10;

function pathsQuery(maxLength: number) {
  return z
    .object({
      from: storedElementId.describe('Element id of the first node.'),
      to: storedElementId.describe('Element id of the other node (not the same).'),
      maxLength: z.coerce
        .number()
        .int()
        .min(1)
        .max(maxLength)
        .default(Math.min(PATHS_DEFAULT_MAX_LENGTH, maxLength))
        .describe('Hops at most.'),
      k: z.coerce
        .number()
        .int()
        .min(1)
        .max(PATHS_MAX_K)
        .default(PATHS_DEFAULT_K)
        .describe('Paths at most, shortest first.'),
    })
    .refine((q) => q.from !== q.to, { message: 'must differ from "from"', path: ['to'] });
}

export function pathsRoutes(db: Database, facts: SchemaFactsCache, config: Config): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/paths',
      summary: 'Shortest and alternative paths between two nodes, with evidence for every hop',
      description:
        'Simple paths (no node twice), direction ignored, evidence links (mention types) not walked; ' +
        'paths through the same nodes count once. No path within maxLength is an answer: 200 with an ' +
        'empty list and a message.',
      query: pathsQuery(config.limits.pathMaxLength),
      response: PathsResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ query }) =>
        findPaths(db, await facts.get(), query, config.limits.queryTimeoutMs),
    }),
  ];
}
