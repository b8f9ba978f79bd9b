/**
 * Keeps docs/MODEL.md true: every kind and relationship type of the ontology is documented, and
 * every Cypher example in it runs against the loaded seed and returns rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import {
  ENTITY_KINDS,
  FACT_TYPES,
  FULLTEXT_INDEX,
  HAS_PASSAGE,
  MENTIONS,
} from '../../server/model/ontology.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

const MODEL = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'MODEL.md'), 'utf8');
const EXAMPLES = [...MODEL.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());

describe('docs/MODEL.md', () => {
  let db: Database;
  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await loadSeed(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('names every kind, relationship type and the full-text index', () => {
    for (const name of [...ENTITY_KINDS, ...FACT_TYPES, HAS_PASSAGE, MENTIONS, FULLTEXT_INDEX]) {
      expect(MODEL, name).toContain(`\`${name}\``);
    }
  });

  it('has example queries', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(EXAMPLES.map((query) => [query.split('\n')[0]!, query]))(
    'runs the example %s',
    async (_first, query) => {
      const rows = await db.read(async (tx) => (await tx.run(query)).records);
      expect(rows.length).toBeGreaterThan(0);
    },
  );
});
