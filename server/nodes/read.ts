/** Reads one node with its degrees and evidence, and pages of its neighbourhood. */
import type { Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { DegreeCount, NeighboursResponse, NodeResponse } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { notFound } from '../http/problems.ts';
import type { SchemaFacts } from '../schema/read.ts';
import { toCount, toStrings } from '../schema/records.ts';
import { provenanceOf, readMentionEvidence } from './evidence.ts';
import {
  NODE_QUERY,
  RELATIONSHIP_TYPES_QUERY,
  degreesQuery,
  neighboursQuery,
  type Direction,
} from './queries.ts';

const noSuchNode = (id: string) => notFound(`No node has the element id "${id}".`);

export async function readNode(
  db: Database,
  facts: SchemaFacts,
  id: string,
  timeoutMs: number,
): Promise<NodeResponse> {
  return db.read(async (tx) => {
    const record = (await tx.run<{ n: Node; total: unknown }>(NODE_QUERY, { id })).records[0];
    if (!record) throw noSuchNode(id);
    const node = record.get('n');
    // The live type list, not the cached facts: a new type must not go missing from the degrees.
    const types = toStrings(
      (await tx.run(RELATIONSHIP_TYPES_QUERY)).records[0]?.get('types'),
    ).sort();
    const byType: DegreeCount[] = [];
    if (types.length > 0) {
      const counts =
        (await tx.run<{ counts: unknown[][] }>(degreesQuery(types), { id })).records[0]?.get(
          'counts',
        ) ?? [];
      types.forEach((type, i) => {
        const [out, incoming] = counts[i] ?? [];
        if (toCount(out) > 0) byType.push({ type, direction: 'out', count: toCount(out) });
        if (toCount(incoming) > 0) byType.push({ type, direction: 'in', count: toCount(incoming) });
      });
    }
    return {
      node: toGraphNode(node),
      degree: { total: toCount(record.get('total')), byType },
      evidence: await readMentionEvidence(tx, id, facts.evidence),
      provenance: provenanceOf(node.properties, facts.evidence),
    };
  }, timeoutMs);
}

export interface NeighboursRequest {
  id: string;
  direction: Direction;
  types: string[] | null;
  labels: string[] | null;
  limit: number;
  skip: number;
}

export async function readNeighbours(
  db: Database,
  request: NeighboursRequest,
  timeoutMs: number,
): Promise<NeighboursResponse> {
  const record = await db.read(async (tx) => {
    const result = await tx.run<{
      n: Node;
      relationships: Relationship[];
      neighbours: Node[];
      total: unknown;
    }>(neighboursQuery(request.direction, request.types), {
      id: request.id,
      labels: request.labels,
      skip: neo4j.int(request.skip),
      limit: neo4j.int(request.limit),
    });
    return result.records[0];
  }, timeoutMs);
  if (!record) throw noSuchNode(request.id);
  const relationships = record.get('relationships');
  const neighbours = record.get('neighbours');
  const seen = new Set<string>();
  const nodes = neighbours
    .filter((m) => !seen.has(m.elementId) && seen.add(m.elementId))
    .map(toGraphNode);
  const total = toCount(record.get('total'));
  return {
    node: toGraphNode(record.get('n')),
    total,
    skip: request.skip,
    limit: request.limit,
    nodes,
    relationships: relationships.map(toGraphRelationship),
    hasMore: request.skip + relationships.length < total,
  };
}
