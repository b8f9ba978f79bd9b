/**
 * GET /api/labels/:label/nodes: a label's nodes page by page in caption order, the total from
 * the database, labels that need quoting, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelNodesResponse } from '../../common/api.ts';
import { LabelNodesResponseSchema } from '../../common/contract/explorer.ts';
import type { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { enc, get, ok, problem, serve, type Served } from './api-harness.ts';

let db: Database;
let app: Served;
const ODD = 'Odd `Label` 2';
const NAMES = Array.from({ length: 230 }, (_, i) => `item ${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadSeed(db);
  // Created in shuffled order, so storage order is not caption order.
  const shuffled = [...NAMES].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
  await db.write((tx) =>
    tx.run('UNWIND $names AS name CREATE (n:`Odd ``Label`` 2` {name: name})', { names: shuffled }),
  );
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const page = async (label: string, query = ''): Promise<LabelNodesResponse> =>
  ok(await get(app.base, `/api/labels/${enc(label)}/nodes${query}`), LabelNodesResponseSchema);

describe('GET /api/labels/:label/nodes', () => {
  it('pages through every node of a label in caption order, once each', async () => {
    const seen: string[] = [];
    let skip = 0;
    for (;;) {
      const answer = await page(ODD, `?limit=100&skip=${skip}`);
      expect(answer).toMatchObject({ label: ODD, total: NAMES.length, skip, limit: 100 });
      expect(answer.orderedBy).toEqual(['name']);
      seen.push(...answer.nodes.map((n) => String(n.properties.name)));
      for (const node of answer.nodes) expect(node.labels).toContain(ODD);
      skip += answer.nodes.length;
      if (!answer.hasMore) break;
    }
    expect(seen).toEqual(NAMES);
  });

  it('answers for the seed’s own labels, with the count Neo4j has', async () => {
    const countries = await page('Country', '?limit=5');
    const total = await db.read(async (tx) =>
      Number((await tx.run('MATCH (n:Country) RETURN count(n) AS c')).records[0]?.get('c')),
    );
    expect(countries.total).toBe(total);
    expect(countries.nodes).toHaveLength(Math.min(5, total));
    const names = countries.nodes.map((n) => String(n.properties[countries.orderedBy[0] ?? '']));
    expect(names).toEqual([...names].sort());
    expect(countries.hasMore).toBe(total > 5);
  });

  it('refuses what it cannot answer', async () => {
    problem(await get(app.base, `/api/labels/${enc('NoSuchLabel')}/nodes`), 'not-found', 404);
    problem(await get(app.base, `/api/labels/Country/nodes?limit=0`), 'validation', 400);
    problem(await get(app.base, `/api/labels/Country/nodes?skip=-1`), 'validation', 400);
    problem(await get(app.base, `/api/labels/${'x'.repeat(300)}/nodes`), 'validation', 400);
  });
});
