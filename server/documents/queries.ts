/** Cypher for reading documents: fixed texts, values as parameters. */

export const COUNT_DOCUMENTS = 'MATCH (d:Document) RETURN count(d) AS total';

/** Newest ingestion first; seed documents (never ingested) after, by key. */
export const LIST_DOCUMENTS = `
MATCH (d:Document)
RETURN d AS document, COUNT { (d)-[:HAS_PASSAGE]->(:Passage) } AS passages
ORDER BY d.ingestedAt IS NULL, d.ingestedAt DESC, d.key
SKIP $offset LIMIT $limit`;

export const READ_DOCUMENT = `
MATCH (d:Document {key: $key})
RETURN d AS document,
  COLLECT { MATCH (d)-[:HAS_PASSAGE]->(p:Passage) RETURN p ORDER BY p.index } AS passages`;

export const READ_MENTIONS = `
MATCH (:Document {key: $key})-[:HAS_PASSAGE]->(p:Passage)-[m:MENTIONS]->(e:Entity)
RETURN p.key AS passage, m.start AS start, m.end AS end, m.quote AS quote,
       e.key AS entity, [l IN labels(e) WHERE l <> 'Entity'][0] AS kind, e.name AS name
ORDER BY p.index, m.start, e.key`;

/**
 * The facts this document states: relationships around the entities it mentions or wrote that
 * list it among their documents or quote one of its passages.
 */
const ENTITIES_OF_DOCUMENT = `COLLECT {
    MATCH (d)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(e:Entity) RETURN e
    UNION
    MATCH (e:Entity) WHERE e.key IN coalesce(d.entityKeys, []) RETURN e
    UNION
    MATCH (d)-[:DESCRIBES]->(e:Entity) RETURN e
  }`;

const FACTS_OF_ENTITIES = `MATCH (e)-[r]-()
WHERE $key IN coalesce(r.documents, []) OR any(p IN coalesce(r.evidencePassages, []) WHERE p STARTS WITH $prefix)`;

export const READ_FACTS = `
MATCH (d:Document {key: $key})
WITH d, ${ENTITIES_OF_DOCUMENT} AS entities
UNWIND entities AS e
${FACTS_OF_ENTITIES}
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b
RETURN r AS fact, type(r) AS type,
       a.key AS fromKey, coalesce([l IN labels(a) WHERE l <> 'Entity'][0], 'Entity') AS fromKind, coalesce(a.name, a.title) AS fromName,
       b.key AS toKey, coalesce([l IN labels(b) WHERE l <> 'Entity'][0], 'Entity') AS toKind, coalesce(b.name, b.title) AS toName
ORDER BY type, fromKey, toKey`;

export const READ_REVIEWS = `
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
WHERE r.document = $key
RETURN a.key AS aKey, [l IN labels(a) WHERE l <> 'Entity'][0] AS aKind, a.name AS aName,
       b.key AS bKey, [l IN labels(b) WHERE l <> 'Entity'][0] AS bKind, b.name AS bName,
       r.score AS score, r.method AS method, r.status AS status
ORDER BY aKey, bKey`;

/**
 * What a document brought into the graph: its node, the entities it mentions or introduced, the
 * facts it states (as READ_FACTS finds them) with their ends, its DESCRIBES links and its first
 * passage. Which of these are new is decided from `seed` and `documents` (read.ts).
 */
export const READ_CHANGES = `
MATCH (d:Document {key: $key})
WITH d, ${ENTITIES_OF_DOCUMENT} AS entities
WITH d, entities, COLLECT { UNWIND entities AS e ${FACTS_OF_ENTITIES} RETURN DISTINCT r } AS facts
RETURN d AS document, entities, facts,
  [r IN facts | startNode(r)] + [r IN facts | endNode(r)] AS ends,
  COLLECT { MATCH (d)-[x:DESCRIBES]->() RETURN x } AS describes,
  COUNT { (d)-[:HAS_PASSAGE]->(:Passage) } AS passages,
  COLLECT { MATCH (d)-[:HAS_PASSAGE]->(p:Passage) RETURN p ORDER BY p.index LIMIT 1 } AS first`;
