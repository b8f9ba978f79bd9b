/**
 * Cypher for Share. The direct and document queries follow the evidence conventions detected in
 * the schema; the "discussed" query follows the Summit Graph ontology (meetings, spheres).
 */
import { quoteIdentifier as q } from '../db/identifier.ts';
import type { EntityKind, FactType } from '../model/ontology.ts';

// Type-checked against the ontology, so a renamed kind or fact fails to compile here.
const MEETING = q('Meeting' satisfies EntityKind);
const SPHERE = q('Sphere' satisfies EntityKind);
const PARTICIPATED_IN = q('PARTICIPATED_IN' satisfies FactType);
const DISCUSSED = q('DISCUSSED' satisfies FactType);

/** Nodes adjacent to every entity, with the relationships to each. */
export const SHARED_NEIGHBOURS_QUERY = `
MATCH (e) WHERE elementId(e) IN $ids
MATCH (e)-[r]-(n)
WHERE NOT type(r) IN $excludedTypes AND NOT elementId(n) IN $ids
  AND NOT any(l IN labels(n) WHERE l IN $excludedLabels)
// A tie's relationships by type, so which are shown first does not depend on storage order.
WITH n, e, r ORDER BY type(r), elementId(r)
WITH n, elementId(e) AS entity, collect(r) AS rels
WITH n, collect({entity: entity, rels: rels[..$perTie]}) AS ties
WHERE size(ties) = size($ids)
RETURN n, ties
LIMIT $limit`;

/** Spheres discussed at meetings every entity took part in, with a few such meetings each. */
export const SHARED_DISCUSSED_QUERY = `
MATCH (e) WHERE elementId(e) IN $ids
MATCH (e)-[p:${PARTICIPATED_IN}]->(m:${MEETING})-[d:${DISCUSSED}]->(s:${SPHERE})
WITH s, elementId(e) AS entity, collect({meeting: elementId(m), rels: [p, d]}) AS via
WITH s, collect({entity: entity, via: via[..$perTie]}) AS ties
WHERE size(ties) = size($ids)
RETURN s AS n, ties
LIMIT $limit`;

/**
 * Documents with passages mentioning every entity, with some of the quotes per entity, in the
 * order of the text: by passage index where passages have one (keys sort "#10" before "#2").
 */
export const SHARED_DOCUMENTS_QUERY = `
MATCH (e) WHERE elementId(e) IN $ids
MATCH (d)-[h]-(p)-[m]->(e)
WHERE type(m) IN $mentionTypes AND NOT type(h) IN $mentionTypes
  AND any(l IN labels(p) WHERE l IN $passageLabels)
  AND NOT any(l IN labels(d) WHERE l IN $passageLabels)
WITH d, elementId(e) AS entity, p, m ORDER BY p.index, p.key, m.start
WITH d, entity, collect({passage: p, mention: m}) AS mentions
WITH d, collect({entity: entity, mentions: mentions[..$perEntity], total: size(mentions)}) AS found
WHERE size(found) = size($ids)
RETURN d, found
ORDER BY elementId(d)
LIMIT $limit`;
