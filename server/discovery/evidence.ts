/**
 * Evidence for discovery answers: the relationships behind each step of a path or tie, with
 * their quotes, read from Neo4j (the projection only knows that two nodes are connected).
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type {
  EvidenceProfile,
  EvidencedRelationship,
  GraphNode,
  GraphRelationship,
} from '../../common/api.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { provenanceOf, quotesOfRelationship } from '../nodes/evidence.ts';
import { RELATIONSHIP_EVIDENCE } from '../schema/evidence-profile.ts';
import { toCount } from '../schema/records.ts';
import { NODES_BY_ID_QUERY, PAIR_RELATIONSHIPS_QUERY } from './queries.ts';

export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/** A relationship as seen walking from `from`: reversed when it points the other way. */
export function evidencedRelationship(
  rel: Relationship,
  from: string,
  profile: EvidenceProfile,
): EvidencedRelationship {
  const reversed = rel.startNodeElementId !== from;
  return {
    relationship: rel.elementId,
    type: rel.type,
    from,
    to: reversed ? rel.startNodeElementId : rel.endNodeElementId,
    reversed,
    evidence: quotesOfRelationship(rel.properties),
    provenance: provenanceOf(rel.properties, profile),
  };
}

export interface PairEvidence {
  relationships: EvidencedRelationship[];
  total: number;
}

/** Every relationship between each ordered pair (capped per pair), evidenced ones first. */
export async function readPairs(
  tx: ManagedTransaction,
  pairs: readonly (readonly [string, string])[],
  excludedTypes: readonly string[],
  perPair: number,
  profile: EvidenceProfile,
  into: Map<string, GraphRelationship>,
): Promise<Map<string, PairEvidence>> {
  const out = new Map<string, PairEvidence>();
  if (pairs.length === 0) return out;
  const result = await tx.run<{ pair: [string, string]; rels: Relationship[]; total: unknown }>(
    PAIR_RELATIONSHIPS_QUERY,
    {
      pairs: pairs.map(([a, b]) => [a, b]),
      excludedTypes,
      quotesKey: RELATIONSHIP_EVIDENCE.quotes,
      perPair: neo4j.int(perPair),
    },
  );
  for (const record of result.records) {
    const [a, b] = record.get('pair');
    const rels = record.get('rels');
    for (const rel of rels) into.set(rel.elementId, toGraphRelationship(rel));
    out.set(pairKey(a, b), {
      relationships: rels.map((rel) => evidencedRelationship(rel, a, profile)),
      total: toCount(record.get('total')),
    });
  }
  return out;
}

/** Nodes by element id, as GraphNodes keyed by id. */
export async function readNodes(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, GraphNode>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run<{ n: Node }>(NODES_BY_ID_QUERY, { ids: [...new Set(ids)] });
  return new Map(
    result.records.map((record) => {
      const node = toGraphNode(record.get('n'));
      return [node.id, node] as const;
    }),
  );
}
