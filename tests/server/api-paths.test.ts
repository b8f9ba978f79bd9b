/**
 * GET /api/paths: shortest and alternative paths with evidence per hop on a small graph that has
 * the evidence conventions, on the seed graph and on airport-routes; "no path" answers; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { InterpretResponseSchema } from '../../common/contract/discovery.ts';
import { PathsResponseSchema } from '../../common/contract/explorer.ts';
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

async function idOf(match: string): Promise<string> {
  const id = await db.read(async (tx) =>
    (await tx.run(`${match} RETURN elementId(n) AS id LIMIT 1`)).records[0]?.get('id'),
  );
  if (typeof id !== 'string') throw new Error(`nothing matches ${match}`);
  return id;
}

async function paths(from: string, to: string, extra = '', served = app): Promise<PathsResponse> {
  return ok(
    await get(served.base, `/api/paths?from=${enc(from)}&to=${enc(to)}${extra}`),
    PathsResponseSchema,
  );
}

/** Every path is simple, starts and ends right, and its hops join consecutive nodes. */
function expectWellFormed(body: PathsResponse): void {
  const relationships = new Map(body.relationships.map((r) => [r.id, r]));
  for (const path of body.paths) {
    expect(path.nodes[0]).toBe(body.from.id);
    expect(path.nodes.at(-1)).toBe(body.to.id);
    expect(new Set(path.nodes).size).toBe(path.nodes.length);
    expect(path.hops).toHaveLength(path.length);
    path.hops.forEach((hop, i) => {
      expect(hop.from).toBe(path.nodes[i]);
      expect(hop.to).toBe(path.nodes[i + 1]);
      const rel = relationships.get(hop.relationship);
      expect(rel).toBeDefined();
      expect(hop.reversed ? [rel?.end, rel?.start] : [rel?.start, rel?.end]).toEqual([
        hop.from,
        hop.to,
      ]);
    });
  }
  const lengths = body.paths.map((p) => p.length);
  expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  const sequences = body.paths.map((p) => p.nodes.join(' '));
  expect(new Set(sequences).size).toBe(sequences.length);
}

describe('a small graph with evidence', () => {
  let served: Served;
  beforeAll(async () => {
    await clearDatabase(db);
    await db.write((tx) =>
      tx.run(`
        CREATE (a:Person {name: 'Ann'}), (b:Person {name: 'Bob'}), (c:Person {name: 'Cy'}),
               (d:Person {name: 'Dee'}), (e:Person {name: 'Eve'}), (z:Person {name: 'Zed'}),
               (p:Passage {key: 'doc#1', text: 'Ann knows Bob. Bob met Cy. Ann, Cy and Eve.'})
        CREATE (a)-[:KNOWS {source: 'text', evidencePassages: ['doc#1'], evidenceQuotes: ['Ann knows Bob'],
                            evidenceStarts: [0], evidenceEnds: [13]}]->(b)
        CREATE (c)-[:MET {source: 'text', evidencePassages: ['doc#1'], evidenceQuotes: ['Bob met Cy'],
                          evidenceStarts: [15], evidenceEnds: [25]}]->(b)
        CREATE (b)-[:KNOWS {source: 'background', basis: 'public record'}]->(e)
        CREATE (a)-[:WORKS_WITH]->(d)-[:WORKS_WITH]->(e)-[:WORKS_WITH]->(c)
        CREATE (p)-[:MENTIONS {quote: 'Ann', start: 27, end: 30}]->(a),
               (p)-[:MENTIONS {quote: 'Cy', start: 32, end: 34}]->(c)`),
    );
    served = await serve(db);
  });
  afterAll(() => served.close());

  it('finds the shortest path, with each hop’s quote and passage', async () => {
    const body = await paths(
      await idOf("MATCH (n {name: 'Ann'})"),
      await idOf("MATCH (n {name: 'Cy'})"),
      '&k=1',
      served,
    );
    expectWellFormed(body);
    expect(body.excludedTypes).toEqual(['MENTIONS']);
    expect(body.paths).toHaveLength(1);
    const [path] = body.paths;
    // Ann and Cy share a passage, but mentions are evidence, not a connection.
    expect(path?.length).toBe(2);
    const names = path?.nodes.map((id) => body.nodes.find((n) => n.id === id)?.properties.name);
    expect(names).toEqual(['Ann', 'Bob', 'Cy']);
    expect(path?.hops.map((h) => h.reversed)).toEqual([false, true]);
    const [first, second] = path?.hops ?? [];
    expect(first?.evidence).toEqual([
      {
        passageId: await idOf('MATCH (n:Passage)'),
        passageKey: 'doc#1',
        quote: 'Ann knows Bob',
        start: 0,
        end: 13,
        relationshipId: null,
      },
    ]);
    expect(second?.evidence[0]?.quote).toBe('Bob met Cy');
    expect(first?.provenance).toEqual({ source: 'text', basis: null });
    expect(body.passages.map((p) => p.properties.key)).toEqual(['doc#1']);
    expect(body.message).toBeNull();
  });

  it('gives alternatives, shortest first, through different nodes', async () => {
    const body = await paths(
      await idOf("MATCH (n {name: 'Ann'})"),
      await idOf("MATCH (n {name: 'Cy'})"),
      '&k=5&maxLength=4',
      served,
    );
    expectWellFormed(body);
    const named = body.paths.map((p) =>
      p.nodes.map((id) => body.nodes.find((n) => n.id === id)?.properties.name).join('-'),
    );
    expect(named).toEqual(['Ann-Bob-Cy', 'Ann-Bob-Eve-Cy', 'Ann-Dee-Eve-Cy', 'Ann-Dee-Eve-Bob-Cy']);
    const background = body.paths[1]?.hops[1];
    expect(background?.provenance).toEqual({ source: 'background', basis: 'public record' });
    expect(background?.evidence).toEqual([]);
  });

  it('says so when there is no path within the bound', async () => {
    const ann = await idOf("MATCH (n {name: 'Ann'})");
    const near = await paths(ann, await idOf("MATCH (n {name: 'Eve'})"), '&maxLength=1', served);
    expect(near.paths).toEqual([]);
    expect(near.message).toBe('No path between "Ann" and "Eve" within 1 hop.');
    const isolated = await paths(ann, await idOf("MATCH (n {name: 'Zed'})"), '', served);
    expect(isolated.paths).toEqual([]);
    expect(isolated.message).toBe('No path between "Ann" and "Zed" within 4 hops.');
    expect(isolated.from.properties.name).toBe('Ann');
    expect(isolated.to.properties.name).toBe('Zed');
  });

  it('refuses bad input and names unknown nodes', async () => {
    const ann = await idOf("MATCH (n {name: 'Ann'})");
    const missing = '4:0b0e0c0a-0000-0000-0000-000000000000:987654321';
    for (const query of [
      '',
      `?from=${enc(ann)}`,
      `?from=${enc(ann)}&to=${enc(ann)}`,
      `?from=x&to=${enc(ann)}`,
      `?from=${enc(ann)}&to=${enc(missing)}&maxLength=0`,
      `?from=${enc(ann)}&to=${enc(missing)}&maxLength=9`,
      `?from=${enc(ann)}&to=${enc(missing)}&k=11`,
    ]) {
      problem(await get(served.base, `/api/paths${query}`), 'validation', 400);
    }
    const to = problem(
      await get(served.base, `/api/paths?from=${enc(ann)}&to=${enc(missing)}`),
      'not-found',
      404,
    );
    expect(to.detail).toContain('(to)');
    const from = problem(
      await get(served.base, `/api/paths?from=${enc(missing)}&to=${enc(ann)}`),
      'not-found',
      404,
    );
    expect(from.detail).toContain('(from)');
  });
});

describe('the seed graph', () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await loadSeed(db);
  });

  it('connects Rahmon and Putin through facts, each quoted hop checked against its passage', async () => {
    const served = await serve(db);
    try {
      const body = await paths(
        await idOf("MATCH (n:Person {name: 'Emomali Rahmon'})"),
        await idOf("MATCH (n:Person {name: 'Vladimir Putin'})"),
        '&k=3',
        served,
      );
      expectWellFormed(body);
      expect(body.paths.length).toBeGreaterThan(0);
      const quoted = body.paths.flatMap((p) => p.hops.flatMap((h) => h.evidence));
      for (const quote of quoted) {
        const passage = body.passages.find((p) => p.id === quote.passageId);
        expect(passage, quote.passageKey ?? '').toBeDefined();
        expect((passage?.properties.text as string).slice(quote.start ?? -1, quote.end ?? -1)).toBe(
          quote.quote,
        );
      }
      const hops = body.paths.flatMap((p) => p.hops);
      expect(hops.every((h) => h.provenance !== null)).toBe(true);
    } finally {
      await served.close();
    }
  });
});

const examples = hasSharedDatasets ? 'airport-routes' : SHARED_MISSING_MESSAGE;

describe.skipIf(!hasSharedDatasets)(examples, () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await loadAirports(db);
  });

  it('finds distinct alternatives between two airports in bounded time', async () => {
    const started = Date.now();
    const body = await paths(
      await idOf("MATCH (n:Airport {iata: 'DYU'})"),
      await idOf("MATCH (n:Airport {iata: 'SYD'})"),
      '&k=5&maxLength=4',
    );
    expectWellFormed(body);
    expect(body.paths).toHaveLength(5);
    expect(body.paths[0]?.length).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reads questions in its own names: codes, descriptions, a typo', async () => {
    const read = async (q: string) =>
      ok(await get(app.base, `/api/discovery/interpret?q=${enc(q)}`), InterpretResponseSchema);
    const codes = await read('LHR to JFK');
    expect(codes.intent).toBe('connect');
    expect(codes.terms.map((t) => t.node?.properties.iata)).toEqual(['LHR', 'JFK']);
    const named = await read('Heathrow and Gatwick');
    expect(named.intent).toBe('share');
    expect(named.terms.map((t) => t.node?.properties.iata)).toEqual(['LHR', 'LGW']);
    const typo = await read('Heathrw to JFK');
    expect(typo.terms.map((t) => t.node?.properties.iata)).toEqual(['LHR', 'JFK']);
  });
});
