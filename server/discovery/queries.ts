/**
 * Cypher for the projection and the readers around it. Texts are fixed: the few variants a scope
 * needs are chosen from fixed fragments, and every value (labels, ids, dates, property keys) is
 * a parameter.
 */

import { IN_WINDOW, type TextForms } from '../schema/date-cypher.ts';

/** A caption for tables and reasons: the first string among the usual naming properties. */
const CAPTION = (v: string) =>
  `[k IN ['name', 'title', 'key', 'code', 'iata'] WHERE ${v}[k] IS :: STRING NOT NULL | ${v}[k]][0]`;

/** Nodes mentioned by a passage of one of the documents (or the documents themselves). */
const IN_DOCUMENTS = (v: string) => `(elementId(${v}) IN $documents OR EXISTS {
    MATCH (d)-[h]-(p)-[m]->(${v})
    WHERE elementId(d) IN $documents AND type(m) IN $mentionTypes AND NOT type(h) IN $mentionTypes
      AND any(l IN labels(p) WHERE l IN $passageLabels)
  })`;

export interface ScopeShape {
  labels: boolean;
  documents: boolean;
  window: boolean;
  /** The text date forms the window reads (server/schema/date-cypher.ts). */
  textForms: TextForms;
}

/** The condition for a node to be in a part of the graph (shared by every projection of it). */
export function nodePredicate(v: string, shape: ScopeShape): string {
  const parts = [`NOT any(l IN labels(${v}) WHERE l IN $excludedLabels)`];
  if (shape.labels) parts.push(`any(l IN labels(${v}) WHERE l IN $labels)`);
  if (shape.window) parts.push(IN_WINDOW(v, shape.textForms));
  if (shape.documents) parts.push(IN_DOCUMENTS(v));
  return parts.join('\n  AND ');
}

/** The nodes of a part of the graph, at most $cap + 1 (one more tells that the bound was hit). */
export function projectionNodesQuery(shape: ScopeShape): string {
  return `MATCH (n)
WHERE ${nodePredicate('n', shape)}
RETURN elementId(n) AS id, labels(n) AS labels, ${CAPTION('n')} AS caption
LIMIT $cap`;
}

/**
 * Every relationship of the whole graph except the excluded types and self-loops. Ends outside
 * the projection (passages) are dropped by the reader, cheaper than checking labels here.
 */
export const WHOLE_GRAPH_RELATIONSHIPS_QUERY = `
MATCH (a)-[r]->(b)
WHERE NOT type(r) IN $excludedTypes AND a <> b
RETURN elementId(a) AS a, elementId(b) AS b, r[$quotesKey] IS NOT NULL AND size(r[$quotesKey]) > 0 AS quoted
LIMIT $cap`;

/** Relationships among the given nodes (a part of the graph): seeks by element id. */
export const PART_RELATIONSHIPS_QUERY = `
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $ids AND elementId(b) IN $ids AND a <> b AND NOT type(r) IN $excludedTypes
RETURN elementId(a) AS a, elementId(b) AS b, r[$quotesKey] IS NOT NULL AND size(r[$quotesKey]) > 0 AS quoted
LIMIT $cap`;

/**
 * The part of the graph as a Graph Data Science projection: the same nodes as
 * projectionNodesQuery, and one undirected link per connected pair whose `relationships` counts
 * the relationships between them, as in the graphology projection.
 */
export function gdsProjectionQuery(shape: ScopeShape): string {
  return `MATCH (a)
WHERE ${nodePredicate('a', shape)}
OPTIONAL MATCH (a)-[r]-(b)
WHERE elementId(a) < elementId(b) AND NOT type(r) IN $excludedTypes
  AND ${nodePredicate('b', shape)}
WITH a, b, count(r) AS relationships
WITH gds.graph.project($graphName, a, b,
  {relationshipProperties: {relationships: toFloat(relationships)}},
  {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes`;
}

/** Cheap change detection: count-store totals (the transaction bookmark does the rest). */
export const FINGERPRINT_QUERY = `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships`;

export const NODES_BY_ID_QUERY = `
MATCH (n) WHERE elementId(n) IN $ids
RETURN n`;

/** All relationships between consecutive nodes of paths, evidenced ones first, capped per pair. */
export const PAIR_RELATIONSHIPS_QUERY = `
UNWIND $pairs AS pair
MATCH (a)-[r]-(b)
WHERE elementId(a) = pair[0] AND elementId(b) = pair[1] AND NOT type(r) IN $excludedTypes
WITH pair, r ORDER BY size(coalesce(r[$quotesKey], [])) DESC, type(r), elementId(r)
WITH pair, collect(r) AS rels
RETURN pair, rels[..$perPair] AS rels, size(rels) AS total`;
