/**
 * The graph-writing statements seed and ingestion share, as fixed texts: documents, mentions,
 * and the evidence-list clauses facts are written with. Values are parameters; labels and types
 * come only from the ontology through quoteIdentifier.
 */
import { quoteIdentifier as q } from '../db/identifier.ts';
import { EVIDENCE_LISTS } from './ontology.ts';
import { DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, PASSAGE_LABEL } from './ontology.ts';

/** Documents merged on their key, their properties set from the row. */
export const MERGE_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:${q(DOCUMENT_LABEL)} {key: row.key})
SET d += row.properties
RETURN count(d) AS written`;

/** MENTIONS from a passage to an entity, merged on the mention's key (`mentionKey`). */
export const MERGE_MENTIONS = `
UNWIND $rows AS row
MATCH (p:${q(PASSAGE_LABEL)} {key: row.from})
MATCH (e:${q(ENTITY_LABEL)} {key: row.to})
MERGE (p)-[m:${q(MENTIONS)} {key: row.key}]->(e)
SET m += row.properties
RETURN count(m) AS written`;

/**
 * SET items appending entries to each of a fact `r`'s evidence lists, keeping them index-aligned:
 * `entries(list, i)` is the Cypher list expression for the i-th list of `EVIDENCE_LISTS`.
 */
export const appendEvidence = (entries: (list: string, index: number) => string): string =>
  EVIDENCE_LISTS.map(
    (list, index) => `r.${list} = coalesce(r.${list}, []) + ${entries(list, index)}`,
  ).join(',\n    ');

/** The evidence entry at index `i` of `r` as one list, in the order of `EVIDENCE_LISTS`. */
export const evidenceEntry = (i: string): string =>
  `[${EVIDENCE_LISTS.map((list) => `r.${list}[${i}]`).join(', ')}]`;

/** SET items keeping of each evidence list of `r` only the entries at the indexes in `keep`. */
export const keepEvidence = (keep: string): string =>
  EVIDENCE_LISTS.map((list) => `r.${list} = [i IN ${keep} | r.${list}[i]]`).join(',\n    ');
