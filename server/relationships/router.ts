/** GET /api/relationships/:id — a relationship, its evidence and provenance. */
import { z } from 'zod';
import { RelationshipResponseSchema } from '../../common/contract/explorer.ts';
import { storedElementId } from '../../common/contract/registry.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import type { SchemaFactsCache } from '../schema/facts.ts';
import { readRelationship } from './read.ts';

const RelationshipParams = z.object({
  id: storedElementId.describe(
    'Element id of the relationship (URL-encoded; ":" may also stay as it is).',
  ),
});

export function relationshipsRoutes(
  db: Database,
  facts: SchemaFactsCache,
  config: Config,
): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/relationships/:id',
      summary:
        'A relationship: type, ends, properties, its evidence quotes with their passages, provenance',
      params: RelationshipParams,
      response: RelationshipResponseSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ params }) =>
        readRelationship(db, await facts.get(), params.id, config.limits.queryTimeoutMs),
    }),
  ];
}
