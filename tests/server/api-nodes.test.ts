/**
 * GET /api/nodes/:id and GET /api/nodes/:id/neighbours: degrees, evidence and provenance on the
 * seed graph; caps, totals, paging and filters on a synthetic hub and on airport-routes; bad input.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeighboursResponse, NodeResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { NeighboursResponseSchema, NodeResponseSchema } from '../../common/contract/explorer.ts';
import { loadSeed } from '../../server/seed/index.ts';
import {
  SHARED_MISSING_MESSAGE,
  clearDatabase,
  hasSharedDatasets,
  loadAirports,
  openTestDatabase,
} from '../support/neo4j.ts';
import { enc, get, ok, problem, serve, type Served } from './api-harness.ts';

let db: Database;
let app: Served;

beforeAll(async () => {
  db = openTestDatabase();
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** Element id of the first node a Cypher pattern finds (the pattern binds `n`). */
async function idOf(match: string, params: Record<string, unknown> = {}): Promise<string> {
  const id = await db.read(async (tx) =>
    (await tx.run(`${match} RETURN elementId(n) AS id LIMIT 1`, params)).records[0]?.get('id'),
  );
  if (typeof id !== 'string') throw new Error(`nothing matches ${match}`);
  return id;
}

async function node(id: string, served = app): Promise<NodeResponse> {
  return ok(await get(served.base, `/api/nodes/${enc(id)}`), NodeResponseSchema);
}

async function neighbours(id: string, query = '', served = app): Promise<NeighboursResponse> {
  return ok(
    await get(served.base, `/api/nodes/${enc(id)}/neighbours${query}`),
    NeighboursResponseSchema,
  );
}

describe('a node of the seed graph', () => {
  let seeded: Served;
  beforeAll(async () => {
    await clearDatabase(db);
    await loadSeed(db);
    seeded = await serve(db);
  });
  afterAll(() => seeded.close());

  it('has its labels, properties and degree per type and direction', async () => {
    const id = await idOf("MATCH (n:Country {name: 'Tajikistan'})");
    const body = await node(id, seeded);
    expect(body.node.labels).toEqual(['Country', 'Entity']);
    expect(body.node.properties.name).toBe('Tajikistan');
    const expected = await db.read(async (tx) => {
      const result = await tx.run(
        `MATCH (n)-[r]-() WHERE elementId(n) = $id
         RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(*) AS count
         ORDER BY type, direction`,
        { id },
      );
      return result.records.map((r) => ({
        type: r.get('type'),
        direction: r.get('direction'),
        count: r.get('count').toNumber(),
      }));
    });
    expect(body.degree.byType).toEqual(expected);
    expect(body.degree.total).toBe(expected.reduce((sum, d) => sum + d.count, 0));
  });

  it('has evidence: every quote is the passage text between its offsets', async () => {
    const id = await idOf("MATCH (n:Person {name: 'Emomali Rahmon'})");
    const body = await node(id, seeded);
    const evidence = body.evidence;
    expect(evidence).not.toBeNull();
    expect(evidence?.quotes.length).toBeGreaterThan(0);
    expect(evidence?.total).toBe(evidence?.quotes.length);
    for (const quote of evidence?.quotes ?? []) {
      const passage = evidence?.passages.find((p) => p.id === quote.passageId);
      expect(passage?.labels).toContain('Passage');
      expect(quote.passageKey).toBe(passage?.properties.key);
      const text = passage?.properties.text as string;
      expect(text.slice(quote.start ?? -1, quote.end ?? -1)).toBe(quote.quote);
    }
    expect(body.provenance).toEqual({ source: 'text', basis: null });
  });

  it('marks background knowledge with its basis', async () => {
    const id = await idOf("MATCH (n:Entity {source: 'background'})");
    const body = await node(id, seeded);
    expect(body.provenance?.source).toBe('background');
    expect(body.provenance?.basis).toEqual(expect.any(String));
  });

  it('passes element ids encoded or as they are', async () => {
    const id = await idOf("MATCH (n:Country {name: 'Russia'})");
    expect(id).toContain(':');
    const raw = ok(await get(seeded.base, `/api/nodes/${id}`), NodeResponseSchema);
    expect(raw.node.id).toBe(id);
    expect((await node(id, seeded)).node.id).toBe(id);
  });
});

describe('a hub', () => {
  const DEGREE = 1500;
  let hub: string;
  beforeAll(async () => {
    await clearDatabase(db);
    await db.write((tx) =>
      tx.run(
        `CREATE (h:Hub {name: 'hub'})
         WITH h UNWIND range(1, $n) AS i
         CREATE (h)-[:LINKS {i: i}]->(:Leaf {i: i})
         WITH h, i WHERE i <= 20
         CREATE (:Source {i: i})-[:FEEDS]->(h)`,
        { n: neo4j.int(DEGREE) },
      ),
    );
    hub = await idOf('MATCH (n:Hub)');
  });

  it('never comes back whole: the default page is the configured limit, with the total', async () => {
    const body = await neighbours(hub);
    expect(body.limit).toBe(app.config.limits.neighbourLimit);
    expect(body.relationships).toHaveLength(100);
    expect(body.nodes).toHaveLength(100);
    expect(body.total).toBe(DEGREE + 20);
    expect(body.hasMore).toBe(true);
    const max = await neighbours(hub, '?limit=1000');
    expect(max.relationships).toHaveLength(1000);
    problem(await get(app.base, `/api/nodes/${enc(hub)}/neighbours?limit=1001`), 'validation', 400);
  });

  it('pages in a stable order that covers every relationship once', async () => {
    const seen: string[] = [];
    for (let skip = 0; ; skip += 400) {
      const page = await neighbours(hub, `?limit=400&skip=${skip}`);
      seen.push(...page.relationships.map((r) => r.id));
      if (!page.hasMore) break;
    }
    expect(seen).toHaveLength(DEGREE + 20);
    expect(new Set(seen).size).toBe(DEGREE + 20);
    const again = await neighbours(hub, '?limit=400&skip=400');
    expect(again.relationships.map((r) => r.id)).toEqual(seen.slice(400, 800));
    // Type first: all FEEDS before all LINKS.
    const types = (await neighbours(hub, '?limit=30')).relationships.map((r) => r.type);
    expect(types).toEqual([...Array(20).fill('FEEDS'), ...Array(10).fill('LINKS')]);
  });

  it('filters by type, direction and neighbour label, totals included', async () => {
    const incoming = await neighbours(hub, '?direction=in');
    expect(incoming.total).toBe(20);
    expect(incoming.relationships.every((r) => r.type === 'FEEDS' && r.end === hub)).toBe(true);
    expect(incoming.hasMore).toBe(false);
    const byType = await neighbours(hub, '?types=FEEDS,NOPE&direction=both');
    expect(byType.total).toBe(20);
    const byLabel = await neighbours(hub, '?labels=Leaf&limit=5');
    expect(byLabel.total).toBe(DEGREE);
    expect(byLabel.nodes.every((n) => n.labels.includes('Leaf'))).toBe(true);
    const out = await neighbours(hub, '?direction=out&types=FEEDS');
    expect(out.total).toBe(0);
    expect(out.relationships).toEqual([]);
  });

  it('takes its default page size from the configuration', async () => {
    const small = await serve(db, { NEIGHBOUR_LIMIT: '7' });
    try {
      const body = await neighbours(hub, '', small);
      expect(body.relationships).toHaveLength(7);
      expect(body.limit).toBe(7);
    } finally {
      await small.close();
    }
  });

  it('answers a leaf with one neighbour and no more', async () => {
    const leaf = await idOf('MATCH (n:Leaf {i: 7})');
    const body = await neighbours(leaf);
    expect(body.total).toBe(1);
    expect(body.nodes.map((n) => n.id)).toEqual([hub]);
    expect((await node(leaf)).degree).toEqual({
      total: 1,
      byType: [{ type: 'LINKS', direction: 'in', count: 1 }],
    });
    // No mention evidence in this database.
    expect((await node(leaf)).evidence).toBeNull();
  });
});

const examples = hasSharedDatasets ? 'airport-routes' : SHARED_MISSING_MESSAGE;

describe.skipIf(!hasSharedDatasets)(examples, () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await loadAirports(db);
  });

  it('a big airport: degrees match Neo4j and neighbours carry their points', async () => {
    const fra = await idOf("MATCH (n:Airport {iata: 'FRA'})");
    const body = await node(fra);
    const routesOut = body.degree.byType.find(
      (d) => d.type === 'HAS_ROUTE' && d.direction === 'out',
    );
    const expected = await db.read(async (tx) =>
      (
        await tx.run("MATCH (:Airport {iata: 'FRA'})-[r:HAS_ROUTE]->() RETURN count(r) AS c")
      ).records[0]
        ?.get('c')
        .toNumber(),
    );
    expect(routesOut?.count).toBe(expected);
    const page = await neighbours(fra, '?types=HAS_ROUTE&direction=out&limit=50');
    expect(page.total).toBe(expected);
    expect(page.nodes[0]?.properties.location).toMatchObject({ $type: 'Point', srid: 4326 });
    const country = await neighbours(fra, '?labels=Country');
    expect(country.nodes.map((n) => n.properties.code)).toEqual(['DE']);
  });
});

describe('bad input', () => {
  it.each([
    ['a malformed id', '/api/nodes/not-an-id'],
    ['a malformed id for neighbours', '/api/nodes/4:abc/neighbours'],
    [
      'an unknown direction',
      '/api/nodes/4:0b0e0c0a-0000-0000-0000-000000000000:1/neighbours?direction=sideways',
    ],
    ['a negative skip', '/api/nodes/4:0b0e0c0a-0000-0000-0000-000000000000:1/neighbours?skip=-1'],
    ['a zero limit', '/api/nodes/4:0b0e0c0a-0000-0000-0000-000000000000:1/neighbours?limit=0'],
  ])('%s is a 400', async (_what, path) => {
    problem(await get(app.base, path), 'validation', 400);
  });

  it('an unknown node is a 404, on both routes', async () => {
    const missing = '4:0b0e0c0a-0000-0000-0000-000000000000:987654321';
    const one = problem(await get(app.base, `/api/nodes/${enc(missing)}`), 'not-found', 404);
    expect(one.detail).toContain(missing);
    problem(await get(app.base, `/api/nodes/${enc(missing)}/neighbours`), 'not-found', 404);
  });
});
