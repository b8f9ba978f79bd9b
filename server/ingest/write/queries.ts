/**
 * The Cypher statements only ingestion runs (documents and mentions are written with the
 * model's shared statements, `server/model/queries.ts`). Values are parameters; labels and relationship types
 * come only from the ontology through quoteIdentifier, so each text is fixed. Evidence on a fact
 * is the seed's index-aligned lists; `documents`/`documentConfidences` (aligned with each other)
 * say which ingested documents state the fact, so one document's facts can be withdrawn alone.
 */
import { quoteIdentifier as q } from '../../db/identifier.ts';
import {
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  HAS_PASSAGE,
  MENTIONS,
  PASSAGE_LABEL,
  REVIEW_TYPE,
} from '../../model/ontology.ts';
import { appendEvidence, keepEvidence } from '../../model/queries.ts';

/** Documents that are this one (same content) or an earlier version of it (same URL, or named). */
export const FIND_DOCUMENTS = `
MATCH (d:${q(DOCUMENT_LABEL)})
WHERE d.sha256 = $sha256 OR ($url IS NOT NULL AND d.url = $url) OR d.key = $replaces
RETURN d.key AS key, d.sha256 AS sha256, d.url AS url, d.normalisedTitle AS normalisedTitle,
       d.seed AS seed, coalesce(d.version, 1) AS version, coalesce(d.entityKeys, []) AS entityKeys`;

export const DOCUMENT_KEY_EXISTS = `
OPTIONAL MATCH (d:${q(DOCUMENT_LABEL)} {key: $key})
RETURN d IS NOT NULL AS exists`;

/** Candidates for resolution: entities of the given kinds with the countries they concern. */
export const READ_CANDIDATES = `
MATCH (n:${q(ENTITY_LABEL)})
WHERE any(label IN labels(n) WHERE label IN $kinds)
RETURN n.key AS key, labels(n) AS labels, properties(n) AS properties,
  CASE
    WHEN n:${q('Meeting')} THEN [(c:${q('Country')})-[:${q('PARTICIPATED_IN')}]->(n) | c.key]
    WHEN n:${q('Indicator')} OR n:${q('Anniversary')} THEN [(n)-[:${q('CONCERNS')}]->(c:${q('Country')}) | c.key]
    ELSE []
  END AS countries`;

/** Names and aliases of every person in the graph, so a text naming one bare is understood. */
export const READ_PERSON_NAMES = `
MATCH (p:${q('Person')})
RETURN p.name AS name, coalesce(p.aliases, []) AS aliases`;

/**
 * Withdraws one document's statements from the facts around the given entities: its evidence
 * entries and its place in `documents`. A fact nothing else supports (no other document, not
 * the seed's, no evidence left) is deleted; others keep the rest of their evidence.
 */
export const WITHDRAW_FACTS = `
MATCH (e:${q(ENTITY_LABEL)}) WHERE e.key IN $entityKeys
MATCH (e)-[r]-()
WHERE $document IN coalesce(r.documents, [])
WITH DISTINCT r
WITH r,
  [i IN range(0, size(coalesce(r.evidencePassages, [])) - 1) WHERE NOT r.evidencePassages[i] STARTS WITH $passagePrefix] AS keep,
  [i IN range(0, size(r.documents) - 1) WHERE r.documents[i] <> $document] AS keepDocuments
SET ${keepEvidence('keep')},
    r.documentConfidences = [i IN keepDocuments | r.documentConfidences[i]],
    r.documents = [i IN keepDocuments | r.documents[i]]
WITH r
SET r.confidence = CASE WHEN size(r.documentConfidences) = 0 THEN null
      ELSE reduce(m = 0.0, c IN r.documentConfidences | CASE WHEN c > m THEN c ELSE m END) END,
    r.source = CASE WHEN size(r.evidencePassages) > 0 THEN 'text' WHEN r.basis IS NOT NULL THEN 'background' ELSE r.source END
WITH r WHERE size(r.documents) = 0 AND r.seed IS NULL AND size(r.evidencePassages) = 0
DELETE r
RETURN count(*) AS deleted`;

export const DELETE_PASSAGES = `
MATCH (:${q(DOCUMENT_LABEL)} {key: $document})-[:${q(HAS_PASSAGE)}]->(p:${q(PASSAGE_LABEL)})
DETACH DELETE p
RETURN count(*) AS deleted`;

/**
 * The document no longer names these entities. An entity only it had introduced, and which no
 * fact connects any more, goes (with its review links); the rest lose it from `documents`.
 */
export const RELEASE_ENTITIES = `
MATCH (e:${q(ENTITY_LABEL)}) WHERE e.key IN $entityKeys AND $document IN coalesce(e.documents, [])
SET e.documents = [d IN e.documents WHERE d <> $document]
WITH e
WHERE size(e.documents) = 0 AND e.seed IS NULL
  AND NOT EXISTS { MATCH (e)-[r]-() WHERE type(r) <> '${REVIEW_TYPE}' }
DETACH DELETE e
RETURN count(*) AS deleted`;

/** An entity with a basis is background again when no passage mentions it any more. */
export const RECOMPUTE_ENTITY_SOURCE = `
MATCH (e:${q(ENTITY_LABEL)}) WHERE e.key IN $entityKeys AND e.basis IS NOT NULL
SET e.source = CASE WHEN EXISTS { (:${q(PASSAGE_LABEL)})-[:${q(MENTIONS)}]->(e) } THEN 'text' ELSE 'background' END
RETURN count(e) AS updated`;

export const CREATE_PASSAGES = `
MATCH (d:${q(DOCUMENT_LABEL)} {key: $document})
UNWIND $rows AS row
CREATE (p:${q(PASSAGE_LABEL)})
SET p = row.properties
CREATE (d)-[:${q(HAS_PASSAGE)}]->(p)
RETURN count(p) AS written`;

/**
 * Entities of every kind in one statement, merged on the common Entity key (unique), the kind
 * label set on creation from `row.kind` — an ontology kind, checked before the rows are sent.
 * A new entity gets every property; an existing one (the seed's, another document's) keeps its
 * own and only gains aliases, this document in `documents`, and `source: text` now that a
 * passage states it.
 */
export const MERGE_ENTITIES = `
UNWIND $rows AS row
MERGE (n:${q(ENTITY_LABEL)} {key: row.key})
ON CREATE SET n:$(row.kind), n += row.properties, n.documents = [], n.aliases = []
WITH n, row, [a IN row.aliases WHERE NOT toLower(a) IN [x IN coalesce(n.aliases, []) | toLower(x)] + [toLower(n.name)]] AS added
SET n.aliases = coalesce(n.aliases, []) + added,
    n.searchText = reduce(s = coalesce(n.searchText, n.name), a IN added | s + ' | ' + a),
    n.documents = CASE WHEN $document IN coalesce(n.documents, []) THEN n.documents ELSE coalesce(n.documents, []) + $document END,
    n.source = CASE WHEN row.mentioned THEN 'text' ELSE n.source END
RETURN count(n) AS written`;

/** Existing relationships of symmetric types between pairs, in either direction. */
export const FIND_SYMMETRIC = `
UNWIND $rows AS row
MATCH (a:${q(ENTITY_LABEL)} {key: row.from})-[r]-(b:${q(ENTITY_LABEL)} {key: row.to})
WHERE type(r) = row.type
RETURN row.from AS from, row.to AS to, row.type AS type, startNode(r).key AS start`;

/** Base labels of a fact's ends: entities, or the Document for DESCRIBES and PUBLISHED. */
export type EndpointLabel = typeof ENTITY_LABEL | typeof DOCUMENT_LABEL;

/**
 * Facts of every type in one statement. Ends are found through the unique keys of Entity and
 * Document; the type comes from `row.type`, an ontology type checked before the rows are sent.
 * The fact is merged on its key, its evidence appended, this document added to those stating it.
 */
export const MERGE_FACTS = `
UNWIND $rows AS row
OPTIONAL MATCH (ea:${q(ENTITY_LABEL)} {key: row.from})
OPTIONAL MATCH (da:${q(DOCUMENT_LABEL)} {key: row.from})
OPTIONAL MATCH (eb:${q(ENTITY_LABEL)} {key: row.to})
OPTIONAL MATCH (db:${q(DOCUMENT_LABEL)} {key: row.to})
WITH row, coalesce(ea, da) AS a, coalesce(eb, db) AS b
WHERE a IS NOT NULL AND b IS NOT NULL
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
ON CREATE SET r += row.properties
SET ${appendEvidence((list) => `row.evidence.${list}`)},
    r.documents = coalesce(r.documents, []) + $document,
    r.documentConfidences = coalesce(r.documentConfidences, []) + row.confidence
SET r.confidence = reduce(m = 0.0, c IN r.documentConfidences | CASE WHEN c > m THEN c ELSE m END),
    r.source = CASE WHEN size(r.evidencePassages) > 0 THEN 'text' ELSE r.source END
RETURN count(r) AS written`;

export const MERGE_REVIEWS = `
UNWIND $rows AS row
MATCH (a:${q(ENTITY_LABEL)} {key: row.from})
MATCH (b:${q(ENTITY_LABEL)} {key: row.to})
MERGE (a)-[r:${q(REVIEW_TYPE)}]->(b)
ON CREATE SET r.status = 'open'
SET r += row.properties
RETURN count(r) AS written`;
