/**
 * Loading the seed over time, against a real Neo4j: first start (seedIfEmpty), repeated loads
 * that change nothing, --reset, and failures — an invalid seed file or a load the database
 * refuses — that leave the database exactly as it was. Includes the `npm run seed` command.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { SeedValidationError } from '../../server/seed/errors.ts';
import { DEFAULT_SEED_FILE } from '../../server/seed/file.ts';
import { loadSeed, seedIfEmpty } from '../../server/seed/index.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { clearDatabase, openTestDatabase, testConnectionEnv } from '../support/neo4j.ts';

const SEED_DIR = path.dirname(DEFAULT_SEED_FILE);

/** Everything in the database as comparable text: nodes, relationships, schema. */
async function snapshot(
  db: Database,
): Promise<{ nodes: string[]; relationships: string[]; schema: string[] }> {
  const text = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) => (neo4j.isInt(v) ? `int:${v.toString()}` : v));
  return db.read(async (tx) => {
    const nodes = await tx.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const relationships = await tx.run(
      'MATCH (a)-[r]->(b) RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props',
    );
    const schema = await tx.run('SHOW INDEXES YIELD name, type RETURN name, type');
    return {
      nodes: nodes.records.map((r) => text(r.toObject())).sort(),
      relationships: relationships.records.map((r) => text(r.toObject())).sort(),
      schema: schema.records.map((r) => text(r.toObject())).sort(),
    };
  });
}

async function count(db: Database, query: string): Promise<number> {
  return db.read(async (tx) => Number((await tx.run(query)).records[0]?.get(0)));
}

/** A copy of the project seed in a temporary folder, broken by `mutate`. */
function brokenSeed(dir: string, mutate: (seed: Record<string, unknown[]>) => void): string {
  fs.mkdirSync(path.join(dir, 'source'), { recursive: true });
  for (const file of fs.readdirSync(path.join(SEED_DIR, 'source'))) {
    fs.copyFileSync(path.join(SEED_DIR, 'source', file), path.join(dir, 'source', file));
  }
  const seed = JSON.parse(fs.readFileSync(DEFAULT_SEED_FILE, 'utf8')) as Record<string, unknown[]>;
  mutate(seed);
  const file = path.join(dir, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed, null, 2));
  return file;
}

/** Breaks one relationship's end and one mention's offsets, leaving the rest valid. */
function breakTwoThings(seed: Record<string, unknown[]>): void {
  (seed.relationships![5] as Record<string, unknown>).to = 'meeting:no-such-talks';
  const mentions = (seed.entities![0] as Record<string, unknown>).mentions;
  const mention = (mentions as { start: number }[])[0]!;
  mention.start += 1;
}

function runSeedCommand(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/seed/cli.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...testConnectionEnv() },
    timeout: 60_000,
  });
}

describe.sequential('seed lifecycle', () => {
  let db: Database;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-lifecycle-'));

  beforeAll(() => {
    db = openTestDatabase();
  });
  beforeEach(async () => {
    await clearDatabase(db);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('seeds an empty database on first start, and leaves a database with data alone', async () => {
    const first = await seedIfEmpty(db);
    expect(first).toBeDefined();
    expect(first?.nodes).toBe(await count(db, 'MATCH (n) RETURN count(n)'));
    expect(first?.relationships).toBe(await count(db, 'MATCH ()-[r]->() RETURN count(r)'));
    expect(first?.ms).toBeGreaterThan(0);

    const before = await snapshot(db);
    expect(await seedIfEmpty(db)).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);

    await clearDatabase(db);
    await db.write((tx) => tx.run("CREATE (:Note {text: 'someone else’s data'})"));
    expect(await seedIfEmpty(db)).toBeUndefined();
    expect(await count(db, 'MATCH (n) RETURN count(n)')).toBe(1);
  });

  it('is idempotent: a second load changes no node, relationship, property or index', async () => {
    const first = await loadSeed(db);
    const before = await snapshot(db);
    const second = await loadSeed(db);
    expect(await snapshot(db)).toEqual(before);
    expect({ ...second, ms: 0, timings: {} }).toEqual({ ...first, ms: 0, timings: {} });
    console.info(`repeated seed load: ${second.ms} ms`, second.timings);
  });

  it('--reset removes what the seed wrote, with what was attached to it, and reloads', async () => {
    const loaded = await loadSeed(db);
    const pristine = await snapshot(db);
    await db.write(async (tx) => {
      await tx.run("MATCH (c:Country {key: 'country:tajikistan'}) SET c.stale = true");
      await tx.run(
        "MATCH (c:Country {key: 'country:tajikistan'}) CREATE (:Note {text: 'attached'})-[:ABOUT]->(c)",
      );
      await tx.run("CREATE (:Note {text: 'unrelated'})");
    });
    const reloaded = await loadSeed(db, { reset: true });
    expect(reloaded.reset).toEqual({ deletedNodes: loaded.nodes, foreignRelationships: 1 });
    expect(reloaded.nodes).toBe(loaded.nodes);
    // Other data survives as nodes; the seed itself is back exactly as first loaded.
    expect(await count(db, 'MATCH (n:Note) RETURN count(n)')).toBe(2);
    expect(await count(db, 'MATCH (:Note)-[r]->() RETURN count(r)')).toBe(0);
    await db.write((tx) => tx.run('MATCH (n:Note) DELETE n'));
    expect(await snapshot(db)).toEqual(pristine);
  });

  it('writes nothing at all when the seed file is partly invalid', async () => {
    const file = brokenSeed(path.join(tmp, 'partly-invalid'), breakTwoThings);
    await db.write((tx) => tx.run("CREATE (:Note {text: 'existing data'})"));
    const before = await snapshot(db);
    const error = await loadSeed(db, { file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const violations = (error as SeedValidationError).violations;
    expect(violations.map((v) => v.path)).toEqual([
      '$.entities[0].mentions[0].quote',
      '$.relationships[5].to',
    ]);
    expect(violations[0]?.file).toMatch(/partly-invalid\/seed\.json$/);
    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(after.nodes).toHaveLength(1);
    expect(after.schema.filter((index) => !index.includes('LOOKUP'))).toEqual([]);
  });

  it('leaves existing data untouched when a load fails in the database half-way', async () => {
    // A stray Country holds a key the seed uses but lacks the Entity label: the seed's MERGE on
    // Entity creates a second country:russia, which the per-kind unique constraint refuses —
    // after documents, passages and other entities were already written in the transaction.
    await db.runAutoCommit(
      'CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE',
    );
    await db.write((tx) => tx.run("CREATE (:Country {key: 'country:russia', name: 'stray'})"));
    const before = await snapshot(db);
    const error = await loadSeed(db).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe(
      'Neo.ClientError.Schema.ConstraintValidationFailed',
    );
    const after = await snapshot(db);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual([]);
  });

  it('npm run seed: lists every violation with file and path, exits 1, writes nothing', async () => {
    const file = brokenSeed(path.join(tmp, 'cli-invalid'), breakTwoThings);
    const before = await snapshot(db);
    const result = runSeedCommand(['--file', file]);
    expect(await snapshot(db)).toEqual(before);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The seed is invalid (2 problems); nothing was written');
    expect(result.stderr).toMatch(
      /seed\.json: \$\.relationships\[5\]\.to: unknown node key "meeting:no-such-talks"/,
    );
    expect(result.stderr).toMatch(
      /seed\.json: \$\.entities\[0\]\.mentions\[0\]\.quote: quote not found at/,
    );
  });

  it('npm run seed: loads, reports counts and time, and --reset reloads', async () => {
    const first = runSeedCommand([]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const nodes = await count(db, 'MATCH (n) RETURN count(n)');
    expect(first.stdout).toMatch(
      /^Loaded seed "tajikistan-russia-top-level-talks" \(graph-seed\/seed\.json\) into .* in \d+ ms/,
    );
    expect(first.stdout).toContain(`  ${nodes} nodes: `);
    const again = runSeedCommand(['--reset']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`reset: removed ${nodes} nodes first`);
    expect(await count(db, 'MATCH (n) RETURN count(n)')).toBe(nodes);
    const check = runSeedCommand(['--check']);
    expect(check.stdout).toMatch(/is valid: \d+ entities, \d+ facts, 1 document/);
    expect(runSeedCommand(['--bogus']).status).toBe(1);
  });
});
