/** GET /api/schema: labels, types, property types, counts, indexes, constraints, schema graph. */
import { SchemaResponseSchema } from '../../common/contract/explorer.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import { readSchema } from './read.ts';

export function schemaRoutes(db: Database, config: Config): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/schema',
      summary:
        'Labels, relationship types, property types, counts, indexes, constraints, schema graph, evidence profile',
      response: SchemaResponseSchema,
      problems: ['503', '504'],
      handle: () =>
        db.read((tx) => readSchema(tx, db.target.database), config.limits.queryTimeoutMs),
    }),
  ];
}
