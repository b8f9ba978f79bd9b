/**
 * The generator's Cypher, as fixed texts: one per node base label and one per pair of endpoint
 * labels, so every batch of a load reuses a cached plan. Kind labels and relationship types are
 * dynamic ($(…)) and come only from the ontology. The loader writes into an empty database, so
 * it CREATEs; ends are found through the unique `key` constraints the seed schema declares.
 */
import { quoteIdentifier as q } from '../../server/db/identifier.ts';
import { SCHEMA_STATEMENTS } from '../../server/model/schema.ts';
import type { BaseLabel } from './rows.ts';

/** Constraints first (the loader's lookups need them); the full-text indexes after the data. */
export const CONSTRAINT_STATEMENTS = SCHEMA_STATEMENTS.filter((s) => s.kind === 'constraint');
export const FULLTEXT_STATEMENTS = SCHEMA_STATEMENTS.filter((s) => s.kind === 'fulltext');

export const DROP_FULLTEXT = FULLTEXT_STATEMENTS.map(
  ({ name }) => `DROP INDEX ${q(name)} IF EXISTS`,
);

export const AWAIT_INDEXES = 'CALL db.awaitIndexes($seconds)';

export const HAS_ANY_NODE = 'RETURN EXISTS { MATCH (n) } AS hasNodes';

export const DELETE_ALL = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

export const COUNT_ALL = 'RETURN COUNT { () } AS nodes, COUNT { ()-->() } AS relationships';

export function createNodesQuery(label: BaseLabel): string {
  const kind = label === 'Entity' ? ':$(row.kind)' : '';
  return `UNWIND $rows AS row
CREATE (n:${q(label)}${kind})
SET n = row.properties
RETURN count(*) AS written`;
}

export function createRelationshipsQuery(fromLabel: BaseLabel, toLabel: BaseLabel): string {
  return `UNWIND $rows AS row
MATCH (a:${q(fromLabel)} {key: row.from})
MATCH (b:${q(toLabel)} {key: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.properties
RETURN count(*) AS written`;
}
