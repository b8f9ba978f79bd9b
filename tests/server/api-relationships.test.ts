/**
 * GET /api/relationships/:id: a fact of the seed with its quotes placed in their passages, a
 * relationship of a database without evidence, and bad or unknown ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelationshipResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { RelationshipResponseSchema } from '../../common/contract/explorer.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { enc, get, ok, problem, serve, type Served } from './api-harness.ts';

let db: Database;

beforeAll(() => {
  db = openTestDatabase();
});
afterAll(() => db.close());

async function relationshipId(match: string): Promise<string> {
  const id = await db.read(async (tx) =>
    (await tx.run(`${match} RETURN elementId(r) AS id LIMIT 1`)).records[0]?.get('id'),
  );
  if (typeof id !== 'string') throw new Error(`nothing matches ${match}`);
  return id;
}

async function relationship(served: Served, id: string): Promise<RelationshipResponse> {
  return ok(await get(served.base, `/api/relationships/${enc(id)}`), RelationshipResponseSchema);
}

describe('a fact of the seed graph', () => {
  let app: Served;
  beforeAll(async () => {
    await clearDatabase(db);
    await loadSeed(db);
    app = await serve(db);
  });
  afterAll(() => app.close());

  it('has its quotes, each the text of a returned passage between its offsets', async () => {
    const id = await relationshipId(
      "MATCH (:Person {name: 'Emomali Rahmon'})-[r:RECEIVED]->(:Award)",
    );
    const body = await relationship(app, id);
    expect(body.relationship.type).toBe('RECEIVED');
    const evidence = body.evidence;
    expect(evidence?.quotes.length).toBeGreaterThan(0);
    expect(evidence?.total).toBe(evidence?.quotes.length);
    for (const quote of evidence?.quotes ?? []) {
      const passage = evidence?.passages.find((p) => p.id === quote.passageId);
      expect(passage?.labels).toContain('Passage');
      expect(passage?.properties.key).toBe(quote.passageKey);
      const text = passage?.properties.text as string;
      expect(text.slice(quote.start ?? -1, quote.end ?? -1)).toBe(quote.quote);
    }
    expect(body.provenance?.source).toBe('text');
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const id = await relationshipId('MATCH ()-[r]->()');
    const missing = id.replace(/:\d+$/, ':999999999');
    const notFound = problem(
      await get(app.base, `/api/relationships/${enc(missing)}`),
      'not-found',
      404,
    );
    expect(notFound.detail).toContain(missing);
    problem(await get(app.base, '/api/relationships/not-an-id'), 'validation', 400);
  });
});

describe('a database without evidence', () => {
  it('gives evidence and provenance as null', async () => {
    await clearDatabase(db);
    await db.write((tx) =>
      tx.run("CREATE (:Film {title: 'A'})-[:SEQUEL_OF {year: 2001}]->(:Film)"),
    );
    const app = await serve(db);
    try {
      const body = await relationship(app, await relationshipId('MATCH ()-[r:SEQUEL_OF]->()'));
      expect(body.relationship.properties).toEqual({ year: 2001 });
      expect(body.evidence).toBeNull();
      expect(body.provenance).toBeNull();
    } finally {
      await app.close();
    }
  });
});
