/**
 * The Cypher statements only the seed loader runs, as fixed texts (documents and mentions are
 * written with the model's shared statements, `server/model/queries.ts`). Values always arrive as parameters;
 * fixed labels and types pass through quoteIdentifier; an entity's kind label and a fact's type
 * are dynamic ($(…)) and come only from the validated ontology vocabulary.
 */
import { quoteIdentifier as q } from '../db/identifier.ts';
import {
  DOCUMENT_LABEL,
  ENTITY_LABEL,
  HAS_PASSAGE,
  MENTIONS,
  PASSAGE_LABEL,
} from '../model/ontology.ts';
import { appendEvidence, evidenceEntry } from '../model/queries.ts';

/** Seed nodes are found by their labels and the `seed` marker. */
const SEED_NODE = `(n:${q(ENTITY_LABEL)}|${q(DOCUMENT_LABEL)}|${q(PASSAGE_LABEL)})`;

export const HAS_ANY_NODE = 'RETURN EXISTS { MATCH (n) } AS hasNodes';

export const MERGE_PASSAGES = `
UNWIND $rows AS row
MATCH (d:${q(DOCUMENT_LABEL)} {key: row.document})
MERGE (p:${q(PASSAGE_LABEL)} {key: row.key})
SET p += row.properties
MERGE (d)-[r:${q(HAS_PASSAGE)}]->(p)
SET r.seed = $seed
RETURN count(p) AS written`;

/**
 * Entities MERGE on the common label's unique key; the kind label is a dynamic label ($(…),
 * Cypher 5.26) whose values the validator has checked against the ontology. One fixed text for
 * every kind (and one for every fact type) keeps the statements Neo4j has to plan to five.
 * Loading again keeps what ingested documents added: their aliases (after the seed's, also in
 * `searchText`) and `source: text` for an entity a passage of another document mentions.
 */
export const MERGE_ENTITIES = `
UNWIND $rows AS row
MERGE (n:${q(ENTITY_LABEL)} {key: row.key})
WITH n, row, [a IN coalesce(n.aliases, []) WHERE NOT a IN row.properties.aliases] AS kept
SET n:$(row.kind), n += row.properties
SET n.aliases = row.properties.aliases + kept,
    n.searchText = reduce(s = row.properties.searchText, a IN kept | s + ' | ' + a),
    n.source = CASE
      WHEN EXISTS { MATCH (p:${q(PASSAGE_LABEL)})-[:${q(MENTIONS)}]->(n) WHERE NOT p.key IN $seedPassages }
      THEN 'text' ELSE row.properties.source END
RETURN count(n) AS written`;

/**
 * Facts connect entities, or an entity and a document: each end is found by a unique-index seek
 * on either label. The type is a dynamic type whose values the validator has checked.
 * Loading again replaces the seed's own evidence but keeps, after it and still index-aligned,
 * the evidence other documents added to the same fact ($seedPassages: this seed's passages); a
 * fact with such evidence stays stated in a text.
 */
export const MERGE_FACTS = `
UNWIND $rows AS row
MATCH (a:${q(ENTITY_LABEL)}|${q(DOCUMENT_LABEL)} {key: row.from})
MATCH (b:${q(ENTITY_LABEL)}|${q(DOCUMENT_LABEL)} {key: row.to})
MERGE (a)-[r:$(row.type) {key: row.key}]->(b)
WITH row, r, [i IN range(0, size(coalesce(r.evidencePassages, [])) - 1)
  WHERE NOT r.evidencePassages[i] IN $seedPassages | ${evidenceEntry('i')}] AS kept
SET r += row.properties
SET ${appendEvidence((_, index) => `[k IN kept | k[${index}]]`)},
    r.source = CASE WHEN size(kept) > 0 THEN 'text' ELSE r.source END
RETURN count(r) AS written`;

/** Relationships of other data attached to seed nodes: a reset removes them too. */
export const COUNT_FOREIGN_RELATIONSHIPS = `
MATCH ${SEED_NODE}-[r]-()
WHERE n.seed = $seed AND coalesce(r.seed, '') <> $seed
RETURN count(DISTINCT r) AS foreign`;

export const DELETE_SEED = `
MATCH ${SEED_NODE}
WHERE n.seed = $seed
DETACH DELETE n
RETURN count(*) AS deleted`;

export const COUNT_SEED_LABELS = `
MATCH ${SEED_NODE}
WHERE n.seed = $seed
UNWIND labels(n) AS label
RETURN label, count(*) AS count`;

export const COUNT_SEED_TYPES = `
MATCH ${SEED_NODE}-[r]->()
WHERE n.seed = $seed AND r.seed = $seed
RETURN type(r) AS type, count(*) AS count`;
