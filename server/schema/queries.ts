/**
 * Cypher for reading a database's schema. Fixed texts are constants; the per-label and per-type
 * samples are built from names the database itself reported, quoted by quoteName.
 */
import { quoteName } from './names.ts';

export const NAMES_QUERY = `
CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS types
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, types, collect(propertyKey) AS propertyKeys`;

export const INDEXES_QUERY = `
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint, options
RETURN name, type, entityType, coalesce(labelsOrTypes, []) AS labelsOrTypes,
       coalesce(properties, []) AS properties, state, owningConstraint,
       options.indexConfig['fulltext.analyzer'] AS analyzer
ORDER BY name`;

export const FULLTEXT_INDEXES_QUERY = `
SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, state, options
WHERE entityType = 'NODE' AND state = 'ONLINE'
RETURN name, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer
ORDER BY name`;

/**
 * For each of `labels`, whether every node carrying it also carries one of $indexLabels (a
 * full-text index's labels): such nodes are all in the index. Stops at the first node without.
 */
export function coverageQuery(labels: readonly string[]): string {
  const checks = labels.map(
    (l) =>
      `NOT EXISTS { MATCH (n:${quoteName(l)}) WHERE none(k IN labels(n) WHERE k IN $indexLabels) }`,
  );
  return `RETURN [${checks.join(', ')}] AS covered`;
}

export const CONSTRAINTS_QUERY = `
SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
RETURN name, type, entityType, coalesce(labelsOrTypes, []) AS labelsOrTypes,
       coalesce(properties, []) AS properties
ORDER BY name`;

/**
 * Label-to-label connections per type, from the database's own statistics. Its nodes and
 * relationships are virtual (they exist only in the result), so they are read on the client side.
 */
export const SCHEMA_GRAPH_QUERY = `
CALL db.schema.visualization() YIELD nodes, relationships
RETURN nodes, relationships`;

/** Counts from the count store: one number per label, per type, and the two totals. */
export function countsQuery(labels: readonly string[], types: readonly string[]): string {
  const labelCounts = labels.map((l) => `COUNT { (:${quoteName(l)}) }`);
  const typeCounts = types.map((t) => `COUNT { ()-[:${quoteName(t)}]->() }`);
  return `RETURN [${labelCounts.join(', ')}] AS labelCounts,
       [${typeCounts.join(', ')}] AS typeCounts,
       COUNT { () } AS nodes, COUNT { ()-->() } AS relationships`;
}

/**
 * Property keys and value types over the first $sample nodes of each label (or relationships of
 * each type): bounded on any database, exact on small ones.
 */
export function propertySampleQuery(kind: 'label' | 'type', names: readonly string[]): string {
  const parts = names.map((name, i) => {
    const pattern = kind === 'label' ? `(e:${quoteName(name)})` : `()-[e:${quoteName(name)}]->()`;
    return `MATCH ${pattern}
  WITH e LIMIT $sample
  WITH collect(e) AS sampled
  UNWIND sampled AS e
  UNWIND keys(e) AS key
  WITH size(sampled) AS sampled, key, e[key] AS value
  RETURN ${i} AS position, sampled, key, collect(DISTINCT valueType(value)) AS types, count(*) AS present`;
  });
  return `CALL () {
  ${parts.join('\n  UNION ALL\n  ')}
}
RETURN position, sampled, key, types, present
ORDER BY position, key`;
}

/** Labels of the nodes that start relationships of each given type (a small sample). */
export function startLabelsQuery(types: readonly string[]): string {
  const parts = types.map(
    (t) =>
      `MATCH (s)-[:${quoteName(t)}]->() WITH s LIMIT 100 UNWIND labels(s) AS label RETURN DISTINCT label`,
  );
  return `CALL () {
  ${parts.join('\n  UNION\n  ')}
}
RETURN collect(label) AS labels`;
}
