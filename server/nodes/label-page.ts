/**
 * A page of the nodes that carry one label, for browsing a kind of thing ("all Organisations"):
 * ordered by the label's caption properties (common/caption.ts), then element id, so pages are
 * stable and read like an index. The total comes from Neo4j's count store.
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { LabelNodesResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode } from '../db/encode.ts';
import { notFound } from '../http/problems.ts';
import type { SchemaFacts } from '../schema/read.ts';
import { quoteName } from '../schema/names.ts';
import { toCount } from '../schema/records.ts';

export interface LabelPageRequest {
  label: string;
  limit: number;
  skip: number;
}

const LABEL_EXISTS_QUERY = 'CALL db.labels() YIELD label WHERE label = $label RETURN count(*) AS n';

function pageQuery(label: string, keys: number): string {
  const order = [...Array.from({ length: keys }, (_, i) => `n[$keys[${i}]]`), 'elementId(n)'];
  return `MATCH (n:${quoteName(label)})
WITH n ORDER BY ${order.join(', ')}
SKIP $skip LIMIT $limit
RETURN collect(n) AS nodes`;
}

export async function readLabelPage(
  db: Database,
  facts: SchemaFacts,
  request: LabelPageRequest,
  timeoutMs: number,
): Promise<LabelNodesResponse> {
  const { label, limit, skip } = request;
  const keys = facts.profile.captions[label] ?? [];
  return db.read(async (tx) => {
    const exists = await tx.run<{ n: unknown }>(LABEL_EXISTS_QUERY, { label });
    if (toCount(exists.records[0]?.get('n')) === 0)
      throw notFound(`No node has the label "${label}".`);
    const total = await tx.run<{ total: unknown }>(
      `MATCH (n:${quoteName(label)}) RETURN count(n) AS total`,
    );
    const page = await tx.run<{ nodes: Node[] }>(pageQuery(label, keys.length), {
      keys,
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    });
    const nodes = page.records[0]?.get('nodes') ?? [];
    const count = toCount(total.records[0]?.get('total'));
    return {
      label,
      total: count,
      skip,
      limit,
      orderedBy: keys,
      nodes: nodes.map(toGraphNode),
      hasMore: skip + nodes.length < count,
    };
  }, timeoutMs);
}
