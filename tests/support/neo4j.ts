/** Helpers for tests that talk to the suite's real Neo4j. */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

export function testTarget() {
  return inject('neo4j');
}

/** The environment that points the app or a CLI at the suite's Neo4j (the config's variable names). */
export function testConnectionEnv(): Record<string, string> {
  const { uri, user, password, database } = testTarget();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database };
}

export function openTestDatabase(): Database {
  const { uri, user, password, database } = testTarget();
  return new Database({ uri, user, password, database });
}

/** Deletes every node, relationship, index and constraint, leaving an empty database. */
export async function clearDatabase(db: Database): Promise<void> {
  await db.runAutoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  const schema = await db.read(async (tx) => {
    const constraints = await tx.run('SHOW CONSTRAINTS YIELD name RETURN name');
    const indexes = await tx.run(
      "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
    );
    return {
      constraints: constraints.records.map((r) => r.get('name') as string),
      indexes: indexes.records.map((r) => r.get('name') as string),
    };
  });
  for (const name of schema.constraints)
    await db.runAutoCommit(`DROP CONSTRAINT \`${name}\` IF EXISTS`);
  for (const name of schema.indexes) await db.runAutoCommit(`DROP INDEX \`${name}\` IF EXISTS`);
}

/** The public example datasets live beside the repository, in ../shared/datasets. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const hasSharedDatasets = fs.existsSync(path.join(SHARED_DIR, 'datasets'));
export const SHARED_MISSING_MESSAGE = `../shared/datasets not found beside the repository (${SHARED_DIR}): skipping tests on the public example graphs`;

/** Splits a Cypher script into statements: `//` comment lines dropped, `;` at line end separates. */
export function splitCypherScript(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

async function runScript(db: Database, file: string): Promise<void> {
  for (const statement of splitCypherScript(fs.readFileSync(file, 'utf8'))) {
    await db.runAutoCommit(statement);
  }
}

/** Loads the movies example graph (its big CREATE statement runs whole, as it must). */
export async function loadMovies(db: Database): Promise<void> {
  await runScript(db, path.join(SHARED_DIR, 'datasets', 'movies', 'movies.cypher'));
}

/** Loads the airport-routes example graph through LOAD CSV from the instance's import folder. */
export async function loadAirports(db: Database): Promise<void> {
  const importDir = testTarget().importDir;
  if (!importDir)
    throw new Error('loadAirports needs TEST_NEO4J_IMPORT_DIR for an external test server');
  const source = path.join(SHARED_DIR, 'datasets', 'airport-routes');
  for (const csv of ['airport-node-list.csv', 'iroutes-edges.csv']) {
    fs.copyFileSync(path.join(source, csv), path.join(importDir, csv));
  }
  await runScript(db, path.join(source, 'airport-routes.local.cypher'));
}
