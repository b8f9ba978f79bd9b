/**
 * Cypher for one node and its neighbourhood. Types and labels in patterns come from the request
 * or the database and are quoted by quoteName; every value is a parameter.
 */
import { quoteName, typeAlternation } from '../schema/names.ts';

export const NODE_QUERY = `
MATCH (n) WHERE elementId(n) = $id
RETURN n, COUNT { (n)--() } AS total`;

export const RELATIONSHIP_TYPES_QUERY = `
CALL db.relationshipTypes() YIELD relationshipType
RETURN collect(relationshipType) AS types`;

/** Degree per type and direction, each a degree-store lookup rather than an expansion. */
export function degreesQuery(types: readonly string[]): string {
  const counts = types.map(
    (t) => `[COUNT { (n)-[:${quoteName(t)}]->() }, COUNT { (n)<-[:${quoteName(t)}]-() }]`,
  );
  return `MATCH (n) WHERE elementId(n) = $id
RETURN [${counts.join(', ')}] AS counts`;
}

export type Direction = 'out' | 'in' | 'both';

function relationshipPattern(direction: Direction, types: readonly string[] | null): string {
  const rel = types && types.length > 0 ? `[r:${typeAlternation(types)}]` : '[r]';
  if (direction === 'out') return `(n)-${rel}->(m)`;
  if (direction === 'in') return `(n)<-${rel}-(m)`;
  return `(n)-${rel}-(m)`;
}

/**
 * One page of a node's relationships and neighbours in a stable order (type, then relationship
 * id), and the total. ORDER BY … LIMIT lets Neo4j keep only skip + limit rows (top-k), so a hub
 * never sends or sorts its full degree into the response.
 */
export function neighboursQuery(direction: Direction, types: readonly string[] | null): string {
  const pattern = relationshipPattern(direction, types);
  return `MATCH (n) WHERE elementId(n) = $id
CALL (n) {
  MATCH ${pattern}
  WHERE $labels IS NULL OR any(label IN labels(m) WHERE label IN $labels)
  WITH r, m ORDER BY type(r), elementId(r) SKIP $skip LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
RETURN n, relationships, neighbours,
       COUNT { MATCH ${pattern} WHERE $labels IS NULL OR any(label IN labels(m) WHERE label IN $labels) } AS total`;
}

/** Quotes of mentions of a node: the passages that mention it, in passage then offset order. */
export function mentionsQuery(mentionTypes: readonly string[]): string {
  const types = typeAlternation(mentionTypes);
  return `MATCH (n) WHERE elementId(n) = $id
CALL (n) {
  MATCH (p)-[m:${types}]->(n)
  WITH p, m ORDER BY elementId(p), m.start, elementId(m) LIMIT $limit
  RETURN collect(m) AS mentions, collect(DISTINCT p) AS passages
}
RETURN mentions, passages, COUNT { (p)-[:${types}]->(n) } AS total`;
}

/** Passages by key, within the labels mentions start from. */
export function passagesByKeyQuery(passageLabels: readonly string[]): string {
  const labels = passageLabels.map(quoteName).join('|');
  return `MATCH (p:${labels}) WHERE p.key IN $keys RETURN p`;
}

/** Nodes by element id, for references that have no stable key. */
export const NODES_BY_ID_QUERY = `
UNWIND $refs AS ref
OPTIONAL MATCH (n) WHERE elementId(n) = ref.id
RETURN ref.index AS index, collect(n) AS found`;

/**
 * Nodes by one label and property, at most two per reference so an ambiguous reference shows.
 * The label and key come from the request and are quoted; the values are parameters.
 */
export function nodesByKeyQuery(label: string, property: string): string {
  return `UNWIND $refs AS ref
OPTIONAL MATCH (n:${quoteName(label)}) WHERE n.${quoteName(property)} = ref.value
WITH ref, collect(n)[..2] AS found
RETURN ref.index AS index, found`;
}

/** Relationships of a type between two resolved nodes, in element id order. */
export const RELATIONSHIPS_BETWEEN_QUERY = `
UNWIND $refs AS ref
OPTIONAL MATCH (a)-[r]->(b)
  WHERE elementId(a) = ref.start AND elementId(b) = ref.end AND type(r) = ref.type
WITH ref, r ORDER BY elementId(r)
RETURN ref.index AS index, collect(r) AS found`;
