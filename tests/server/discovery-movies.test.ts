/**
 * Discovery on the movies example graph (../shared/datasets): known shortest paths between
 * actors, checked by hand (Kevin Bacon and Tom Hanks both acted in Apollo 13, a film with six
 * people linked to it) and against Neo4j's own shortestPath. Its years (`released`, `born`) are
 * bare integers: no dates, and the timeline says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import {
  CentralityMembersResponseSchema,
  CentralityResponseSchema,
  ConnectResponseSchema,
  InterpretResponseSchema,
  ShareResponseSchema,
  TimelineResponseSchema,
} from '../../common/contract/discovery.ts';
import {
  clearDatabase,
  hasSharedDatasets,
  loadMovies,
  openTestDatabase,
  SHARED_MISSING_MESSAGE,
} from '../support/neo4j.ts';
import { enc, get, ok, post, serve, type Served } from './api-harness.ts';
import { idsBy } from './discovery-harness.ts';

const PEOPLE = ['Kevin Bacon', 'Tom Hanks', 'Meg Ryan', 'Keanu Reeves', 'Apollo 13'];

const title = hasSharedDatasets ? 'discovery on the movies graph' : SHARED_MISSING_MESSAGE;

describe.skipIf(!hasSharedDatasets)(title, () => {
  let db: Database;
  let app: Served;
  let id: Record<string, string>;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await loadMovies(db);
    id = {
      ...(await idsBy(db, 'name', PEOPLE.slice(0, 4))),
      ...(await idsBy(db, 'title', ['Apollo 13'])),
    };
    app = await serve(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const connect = async (from: string, to: string, extra = '') =>
    ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id[from] as string)}&to=${enc(id[to] as string)}${extra}`,
      ),
      ConnectResponseSchema,
    );

  /** Hop count of Neo4j's own shortest path between two people. */
  const neo4jDistance = async (a: string, b: string) =>
    db.read(async (tx) => {
      const result = await tx.run(
        'MATCH (a:Person {name: $a}), (b:Person {name: $b}) MATCH p = shortestPath((a)-[*..10]-(b)) RETURN length(p) AS hops',
        { a, b },
      );
      return Number(result.records[0]?.get('hops'));
    });

  it('Kevin Bacon to Tom Hanks: through Apollo 13, two unquoted hops', async () => {
    const body = await connect('Kevin Bacon', 'Tom Hanks', '&k=5');
    expect(body.paths[0]?.nodes).toEqual([id['Kevin Bacon'], id['Apollo 13'], id['Tom Hanks']]);
    // 2 hops + 0.5 per unquoted hop + 0.5 × ln(6) for Apollo 13.
    expect(body.paths[0]?.cost.total).toBe(Number((2 + 1 + 0.5 * Math.log(6)).toFixed(6)));
    expect(body.paths[0]?.hops.map((h) => h.relationships.map((r) => r.type))).toEqual([
      ['ACTED_IN'],
      ['ACTED_IN'],
    ]);
    expect(body.paths[0]?.hops[1]?.relationships[0]?.reversed).toBe(true);
    expect(body.distance).toBe(await neo4jDistance('Kevin Bacon', 'Tom Hanks'));
    // Alternatives: longer, loopless, cheapest first, each hop a real relationship.
    expect(body.paths).toHaveLength(5);
    const costs = body.paths.map((p) => p.cost.total);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    for (const path of body.paths) {
      expect(new Set(path.nodes).size).toBe(path.nodes.length);
      expect(path.length).toBeLessThanOrEqual(4);
      for (const hop of path.hops) expect(hop.relationships.length).toBeGreaterThan(0);
    }
  });

  it('agrees with Neo4j on distances, and reports the nearest beyond the bound', async () => {
    for (const [a, b] of [
      ['Keanu Reeves', 'Tom Hanks'],
      ['Kevin Bacon', 'Meg Ryan'],
    ] as const) {
      const body = await connect(a, b, '&maxLength=8&k=1');
      expect(body.distance).toBe(await neo4jDistance(a, b));
      expect(body.paths[0]?.length).toBe(body.distance);
    }
    const bounded = await connect('Kevin Bacon', 'Meg Ryan', '&maxLength=2');
    expect(bounded.paths).toEqual([]);
    expect(bounded.message).toBe(
      `No connection between "Kevin Bacon" and "Meg Ryan" within 2 hops; the nearest connection is ${await neo4jDistance('Kevin Bacon', 'Meg Ryan')} hops long.`,
    );
  });

  it('Kevin Bacon and Tom Hanks share exactly one film', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/share?ids=${enc(id['Kevin Bacon'] as string)},${enc(id['Tom Hanks'] as string)}`,
      ),
      ShareResponseSchema,
    );
    expect(body.groups.map((g) => [g.kind, g.items.map((i) => i.node)])).toEqual([
      ['Movie', [id['Apollo 13']]],
    ]);
    expect(body.documents).toEqual([]);
  });

  it('reads questions typed in its own names: connect, share, a typo, a film title', async () => {
    const read = async (q: string) =>
      ok(await get(app.base, `/api/discovery/interpret?q=${enc(q)}`), InterpretResponseSchema);
    const connect = await read('Kevin Bacon to Tom Hanks');
    expect(connect.intent).toBe('connect');
    expect(connect.terms.map((t) => t.node?.id)).toEqual([id['Kevin Bacon'], id['Tom Hanks']]);
    const share = await read('keanu reeves and tom hanks');
    expect(share.intent).toBe('share');
    expect(share.terms.map((t) => t.node?.id)).toEqual([id['Keanu Reeves'], id['Tom Hanks']]);
    const typo = await read('Meg Rian to Apollo 13');
    expect(typo.intent).toBe('connect');
    expect(typo.terms.map((t) => t.node?.id)).toEqual([id['Meg Ryan'], id['Apollo 13']]);
  });

  it('colours the nodes of a canvas by community through the whole app, without a write token', async () => {
    const ids = Object.values(id);
    const body = ok(
      await post(app.base, '/api/discovery/centrality/members', { ids, measure: 'pagerank' }),
      CentralityMembersResponseSchema,
    );
    expect(body.members.map((m) => m.node).sort()).toEqual([...ids].sort());
    expect(body.outside).toEqual([]);
  });

  it('has no dates: the timeline says so, and a window keeps every film (a year is a number)', async () => {
    const body = ok(await get(app.base, '/api/discovery/timeline'), TimelineResponseSchema);
    expect(body.properties).toEqual([]);
    expect(body.entries).toEqual([]);
    const whole = ok(
      await get(app.base, '/api/discovery/centrality?limit=1'),
      CentralityResponseSchema,
    );
    const windowed = ok(
      await get(app.base, '/api/discovery/centrality?limit=1&from=1990&to=1999'),
      CentralityResponseSchema,
    );
    expect(windowed.projection.nodes).toBe(whole.projection.nodes);
  });
});
