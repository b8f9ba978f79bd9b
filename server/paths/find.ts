/** Finds shortest and alternative paths between two nodes, with the evidence for every hop. */
import type { Node, Path, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type {
  FoundPath,
  GraphNode,
  GraphRelationship,
  PathHop,
  PathsResponse,
} from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { notFound } from '../http/problems.ts';
import { provenanceOf, quotesOfRelationship, resolvePassages } from '../nodes/evidence.ts';
import type { SchemaFacts } from '../schema/read.ts';
import { ENDPOINTS_QUERY, shortestPathsQuery } from './queries.ts';

export interface PathsRequest {
  from: string;
  to: string;
  maxLength: number;
  k: number;
}

/** A readable name for messages: the first of the usual naming properties, else the id. */
function caption(node: GraphNode): string {
  for (const key of ['name', 'title', 'key', 'code', 'iata']) {
    const value = node.properties[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return node.id;
}

export async function findPaths(
  db: Database,
  facts: SchemaFacts,
  request: PathsRequest,
  timeoutMs: number,
): Promise<PathsResponse> {
  // Mentions tie passages to everything they name: walking them would connect all co-mentioned nodes.
  const excludedTypes = facts.evidence.mentionTypes;
  return db.read(async (tx) => {
    const endpoints = (
      await tx.run<{ n: Node }>(ENDPOINTS_QUERY, { from: request.from, to: request.to })
    ).records.map((r) => r.get('n'));
    const from = endpoints.find((n) => n.elementId === request.from);
    const to = endpoints.find((n) => n.elementId === request.to);
    if (!from) throw notFound(`No node has the element id "${request.from}" (from).`);
    if (!to) throw notFound(`No node has the element id "${request.to}" (to).`);

    const result = await tx.run<{ p: Path }>(
      shortestPathsQuery(request.k, request.maxLength, excludedTypes),
      {
        from: request.from,
        to: request.to,
        k: neo4j.int(request.k),
      },
    );
    const paths = result.records.map((r) => r.get('p'));

    const nodes = new Map<string, GraphNode>();
    const relationships = new Map<string, GraphRelationship>();
    const found: FoundPath[] = paths.map((path) => {
      const ids: string[] = [path.start.elementId];
      nodes.set(path.start.elementId, toGraphNode(path.start));
      const hops: PathHop[] = path.segments.map((segment) => {
        const rel: Relationship = segment.relationship;
        relationships.set(rel.elementId, toGraphRelationship(rel));
        nodes.set(segment.end.elementId, toGraphNode(segment.end));
        ids.push(segment.end.elementId);
        return {
          relationship: rel.elementId,
          from: segment.start.elementId,
          to: segment.end.elementId,
          reversed: rel.startNodeElementId !== segment.start.elementId,
          evidence: quotesOfRelationship(rel.properties),
          provenance: provenanceOf(rel.properties, facts.evidence),
        };
      });
      return {
        length: hops.length,
        nodes: ids,
        relationships: hops.map((h) => h.relationship),
        hops,
      };
    });
    const passages = await resolvePassages(
      tx,
      found.flatMap((p) => p.hops.flatMap((h) => h.evidence)),
      facts.evidence,
    );

    const fromNode = toGraphNode(from);
    const toNode = toGraphNode(to);
    return {
      from: fromNode,
      to: toNode,
      maxLength: request.maxLength,
      k: request.k,
      paths: found,
      nodes: [...nodes.values()],
      relationships: [...relationships.values()],
      passages,
      excludedTypes,
      message:
        found.length === 0
          ? `No path between "${caption(fromNode)}" and "${caption(toNode)}" within ${request.maxLength} hop${request.maxLength === 1 ? '' : 's'}.`
          : null,
    };
  }, timeoutMs);
}
