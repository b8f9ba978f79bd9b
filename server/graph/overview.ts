/** GET /api/graph/overview: a bounded first view — the best-connected nodes and the ties among them. */
import { Router } from 'express';
import type { Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { OverviewResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { parseQuery } from '../http/validate.ts';

const OVERVIEW_QUERY = `
MATCH (n)
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, elementId(n)
LIMIT $limit
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN nodes
  RETURN collect(r) AS relationships
}
RETURN nodes, relationships, COUNT { MATCH (m) } AS total`;

const OverviewParams = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(150),
});

/** `timeoutMs` bounds the query server-side, as every other route's is. */
export function overviewRouter(db: Database, timeoutMs: number): Router {
  const router = Router();
  router.get('/graph/overview', async (req, res) => {
    const { limit } = parseQuery(OverviewParams, req.query);
    const record = await db.read(async (tx) => {
      const result = await tx.run(OVERVIEW_QUERY, { limit: neo4j.int(limit) });
      return result.records[0];
    }, timeoutMs);
    const nodes = (record?.get('nodes') as Node[] | undefined) ?? [];
    const relationships = (record?.get('relationships') as Relationship[] | undefined) ?? [];
    const totalNodes = Number(record?.get('total') ?? 0);
    const body: OverviewResponse = {
      nodes: nodes.map(toGraphNode),
      relationships: relationships.map(toGraphRelationship),
      totalNodes,
      truncated: totalNodes > nodes.length,
    };
    res.json(body);
  });
  return router;
}
