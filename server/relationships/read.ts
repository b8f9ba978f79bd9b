/** Reads one relationship with the quotes behind it, in the evidence view nodes have. */
import type { Relationship } from 'neo4j-driver';
import type { RelationshipResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphRelationship } from '../db/encode.ts';
import { notFound } from '../http/problems.ts';
import { provenanceOf, quotesOfRelationship, resolvePassages } from '../nodes/evidence.ts';
import type { SchemaFacts } from '../schema/read.ts';

const RELATIONSHIP_QUERY = `
MATCH ()-[r]->() WHERE elementId(r) = $id
RETURN r`;

export async function readRelationship(
  db: Database,
  facts: SchemaFacts,
  id: string,
  timeoutMs: number,
): Promise<RelationshipResponse> {
  return db.read(async (tx) => {
    const record = (await tx.run<{ r: Relationship }>(RELATIONSHIP_QUERY, { id })).records[0];
    if (!record) throw notFound(`No relationship has the element id "${id}".`);
    const relationship = record.get('r');
    const quotes = quotesOfRelationship(relationship.properties);
    // Evidence is null only where the database keeps none of this kind: a type the profile
    // names, or any relationship that carries the lists (a type newer than the cached profile).
    const evidenced =
      quotes.length > 0 || facts.evidence.relationshipEvidenceTypes.includes(relationship.type);
    const passages = evidenced ? await resolvePassages(tx, quotes, facts.evidence) : [];
    return {
      relationship: toGraphRelationship(relationship),
      evidence: evidenced ? { quotes, passages, total: quotes.length } : null,
      provenance: provenanceOf(relationship.properties, facts.evidence),
    };
  }, timeoutMs);
}
