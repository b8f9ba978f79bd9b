/**
 * GET /api/graph/overview's first view: bounded, connected and representative. A few of
 * the best-connected nodes of every label (from a bounded sample of each) seed it; it then grows
 * outwards from them, a few neighbours of each node per round, until the node budget is spent;
 * the relationships among the chosen nodes complete it. Every node drawn has a tie in the view.
 */
import type { Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { OverviewResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { quoteName } from '../schema/names.ts';
import { toCount } from '../schema/records.ts';
import type { SchemaProfile } from '../schema/profile.ts';

/** Nodes of each label looked at when choosing its seeds. */
const SEED_SAMPLE = 300;
/** Rounds of growth at most; each round adds neighbours of the last round's nodes. */
const MAX_ROUNDS = 4;

function seedsQuery(labels: readonly string[]): string {
  const parts = labels.map(
    (label) => `MATCH (n:${quoteName(label)}) WITH n LIMIT $sample
  WITH n, COUNT { (n)--() } AS degree WHERE degree > 0
  RETURN n, degree ORDER BY degree DESC, elementId(n) LIMIT $perLabel`,
  );
  return `CALL () {
  ${parts.join('\n  UNION ALL\n  ')}
}
RETURN n`;
}

/** Up to $fan neighbours of each given node, one per relationship type first, then any. */
const GROW_QUERY = `
UNWIND $ids AS id
MATCH (s) WHERE elementId(s) = id
CALL (s) {
  MATCH (s)-[r]-(m)
  WITH type(r) AS type, m LIMIT 200
  WITH type, collect(DISTINCT m) AS ms
  UNWIND range(0, size(ms) - 1) AS i
  WITH ms[i] AS m, i, type ORDER BY i, type
  RETURN collect(DISTINCT m)[0..$fan] AS neighbours
}
RETURN neighbours`;

const TIES_QUERY = `
MATCH (a) WHERE elementId(a) IN $ids
MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids
RETURN collect(r)[0..$maxRelationships] AS relationships, COUNT { MATCH (m) } AS total`;

/** The first view: at most `limit` nodes, grown from seeds of every label. */
export async function readOverview(
  db: Database,
  profile: SchemaProfile,
  timeoutMs: number,
  limit = OVERVIEW_DEFAULT_LIMIT,
): Promise<OverviewResponse> {
  return db.read(async (tx) => {
    const labels = profile.labels.filter((l) => l.count > 0).map((l) => l.label);
    const perLabel = Math.max(1, Math.min(5, Math.floor(limit / Math.max(1, labels.length * 8))));
    const chosen = new Map<string, Node>();
    if (labels.length > 0) {
      const seeds = await tx.run<{ n: Node }>(seedsQuery(labels), {
        sample: neo4j.int(SEED_SAMPLE),
        perLabel: neo4j.int(perLabel),
      });
      for (const record of seeds.records) {
        const node = record.get('n');
        if (chosen.size < limit) chosen.set(node.elementId, node);
      }
    }
    let frontier = [...chosen.keys()];
    for (let round = 0; round < MAX_ROUNDS && frontier.length > 0 && chosen.size < limit; round++) {
      const fan = Math.max(2, Math.min(8, Math.ceil((limit - chosen.size) / frontier.length)));
      const grown = await tx.run<{ neighbours: Node[] }>(GROW_QUERY, {
        ids: frontier,
        fan: neo4j.int(fan),
      });
      const next: string[] = [];
      for (const record of grown.records) {
        for (const node of record.get('neighbours')) {
          if (chosen.size >= limit || chosen.has(node.elementId)) continue;
          chosen.set(node.elementId, node);
          next.push(node.elementId);
        }
      }
      frontier = next;
    }
    const ties = await tx.run<{ relationships: Relationship[]; total: unknown }>(TIES_QUERY, {
      ids: [...chosen.keys()],
      maxRelationships: neo4j.int(limit * 4),
    });
    const record = ties.records[0];
    const relationships = record?.get('relationships') ?? [];
    const totalNodes = toCount(record?.get('total'));
    return {
      nodes: [...chosen.values()].map(toGraphNode),
      relationships: relationships.map(toGraphRelationship),
      totalNodes,
      truncated: totalNodes > chosen.size,
    };
  }, timeoutMs);
}

export const OVERVIEW_DEFAULT_LIMIT = 150;
