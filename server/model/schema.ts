/**
 * The constraints and the full-text indexes the model needs, whoever writes the graph (seed,
 * ingestion, the generator), and `applySchema`, which creates the missing ones.
 */
import type { Database } from '../db/database.ts';
import { quoteIdentifier as q } from '../db/identifier.ts';
import {
  DOCUMENT_LABEL,
  ENTITY_KINDS,
  ENTITY_LABEL,
  FULLTEXT_INDEX,
  PASSAGE_LABEL,
  DOCUMENT_FULLTEXT_INDEX,
  PASSAGE_FULLTEXT_INDEX,
} from './ontology.ts';

export interface SchemaStatement {
  /** Name of the constraint or index the statement creates. */
  name: string;
  /** Constraints come first (writers look nodes up by key); a bulk load builds indexes after. */
  kind: 'constraint' | 'fulltext';
  statement: string;
}

const FOLDING = "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }";

const uniqueKey = (label: string): SchemaStatement => {
  const name = `${label.toLowerCase()}_key`;
  return {
    name,
    kind: 'constraint',
    statement: `CREATE CONSTRAINT ${q(name)} IF NOT EXISTS FOR (n:${q(label)}) REQUIRE n.key IS UNIQUE`,
  };
};

/**
 * Unique keys per kind (and across all entities, documents, passages), and the full-text
 * indexes. They fold diacritics, so "Rahmon" also finds "Raḩmon". In the entity index name and
 * aliases are fields of their own so a search can weigh a hit on the name above one in a
 * description; the source indexes cover passage text and document titles, so text that only a
 * source holds, or that nothing holds, is answered by an index rather than a scan.
 */
export const SCHEMA_STATEMENTS: readonly SchemaStatement[] = [
  uniqueKey(ENTITY_LABEL),
  ...ENTITY_KINDS.map(uniqueKey),
  uniqueKey(DOCUMENT_LABEL),
  uniqueKey(PASSAGE_LABEL),
  {
    name: FULLTEXT_INDEX,
    kind: 'fulltext',
    statement:
      `CREATE FULLTEXT INDEX ${q(FULLTEXT_INDEX)} IF NOT EXISTS FOR (n:${q(ENTITY_LABEL)}) ON EACH [n.name, n.aliases, n.searchText] ` +
      FOLDING,
  },
  {
    name: PASSAGE_FULLTEXT_INDEX,
    kind: 'fulltext',
    statement:
      `CREATE FULLTEXT INDEX ${q(PASSAGE_FULLTEXT_INDEX)} IF NOT EXISTS FOR (n:${q(PASSAGE_LABEL)}) ON EACH [n.text] ` +
      FOLDING,
  },
  {
    name: DOCUMENT_FULLTEXT_INDEX,
    kind: 'fulltext',
    statement:
      `CREATE FULLTEXT INDEX ${q(DOCUMENT_FULLTEXT_INDEX)} IF NOT EXISTS FOR (n:${q(DOCUMENT_LABEL)}) ON EACH [n.title] ` +
      FOLDING,
  },
];

/** Names of existing indexes and constraints, so a repeated load skips what is there. */
const SCHEMA_NAMES = `
SHOW INDEXES YIELD name
RETURN collect(name) AS names`;

const CONSTRAINT_NAMES = `
SHOW CONSTRAINTS YIELD name
RETURN collect(name) AS names`;

/**
 * Creates the constraints and the full-text indexes that are missing, each in its own auto-commit
 * statement (schema commands cannot share a transaction). Returns the names created.
 */
export async function applySchema(db: Database): Promise<string[]> {
  const existing = await db.read(async (tx) => {
    const names = new Set<string>();
    for (const query of [SCHEMA_NAMES, CONSTRAINT_NAMES]) {
      const result = await tx.run<{ names: string[] }>(query);
      for (const name of result.records[0]?.get('names') ?? []) names.add(name);
    }
    return names;
  });
  const created: string[] = [];
  for (const { name, statement } of SCHEMA_STATEMENTS) {
    if (existing.has(name)) continue;
    await db.runAutoCommit(statement);
    created.push(name);
  }
  return created;
}
