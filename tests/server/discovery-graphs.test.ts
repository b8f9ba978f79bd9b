/**
 * Discovery on small graphs built for the purpose, with answers worked out by hand:
 * betweenness on a line, PageRank on a star, a hub route against a quoted detour, a node in no
 * component of the others; and the bounds (projection size, search budget) and the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import {
  CentralityMembersResponseSchema,
  CentralityResponseSchema,
  ConnectResponseSchema,
  SuggestionsResponseSchema,
} from '../../common/contract/discovery.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { enc, get, ok, post, problem } from './api-harness.ts';
import { idsBy, serveDiscovery, type ServedDiscovery } from './discovery-harness.ts';

// Line a–b–c–d–e; star s with leaves s1..s4; hub route from–hub–to with 200 more leaves on the
// hub, and a quoted detour from–x–y–to; and a lone node.
const GRAPH = `
CREATE (a:Line {name: 'a'})-[:NEXT]->(b:Line {name: 'b'})-[:NEXT]->(c:Line {name: 'c'})
       -[:NEXT]->(d:Line {name: 'd'})-[:NEXT]->(e:Line {name: 'e'})
CREATE (s:Star {name: 's'})
FOREACH (i IN range(1, 4) | CREATE (:Star {name: 's' + i})-[:RAY]->(s))
CREATE (from:Route {name: 'from'}), (to:Route {name: 'to'}), (hub:Route {name: 'hub'}),
       (x:Route {name: 'x'}), (y:Route {name: 'y'}), (:Lone {name: 'lone'})
CREATE (from)-[:VIA]->(hub)-[:VIA]->(to)
FOREACH (i IN range(1, 200) | CREATE (hub)-[:HAS]->(:Leaf {name: 'leaf' + i}))
CREATE (from)-[:VIA {evidenceQuotes: ['from meets x'], evidencePassages: ['p1']}]->(x)
CREATE (x)-[:VIA {evidenceQuotes: ['x meets y'], evidencePassages: ['p1']}]->(y)
CREATE (y)-[:VIA {evidenceQuotes: ['y meets to'], evidencePassages: ['p1']}]->(to)`;

const NAMES = ['a', 'b', 'c', 'd', 'e', 's', 's1', 'from', 'to', 'hub', 'x', 'y', 'lone'];

let db: Database;
let served: ServedDiscovery;
let id: Record<string, string>;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await db.write((tx) => tx.run(GRAPH));
  id = await idsBy(db, 'name', NAMES);
  served = await serveDiscovery(db);
});
afterAll(async () => {
  await served?.close();
  await db?.close();
});

const connectPath = (from: string, to: string, extra = '') =>
  `/api/discovery/connect?from=${enc(id[from] as string)}&to=${enc(id[to] as string)}${extra}`;

describe('centrality by hand', () => {
  it('betweenness on a line: pairs whose only shortest path passes through the node', async () => {
    const body = ok(
      await get(served.base, '/api/discovery/centrality?measure=betweenness&labels=Line'),
      CentralityResponseSchema,
    );
    expect(body.rows.map((r) => [r.node.properties.name, r.score])).toEqual([
      ['c', 4],
      ['b', 3],
      ['d', 3],
      ['a', 0],
      ['e', 0],
    ]);
    expect(body.rows.map((r) => r.degree)).toEqual([2, 2, 2, 1, 1]);
  });

  it('PageRank on a star with four leaves (damping 0.85)', async () => {
    const body = ok(
      await get(served.base, '/api/discovery/centrality?measure=pagerank&labels=Star'),
      CentralityResponseSchema,
    );
    // centre = 0.15/5 + 0.85·4·leaf, leaf = 0.15/5 + 0.85·centre/4 ⇒ centre = 0.132/0.2775.
    const centre = 0.132 / 0.2775;
    const leaf = 0.03 + (0.85 * centre) / 4;
    expect(body.rows[0]?.node.properties.name).toBe('s');
    expect(body.rows[0]?.score).toBeCloseTo(centre, 6);
    for (const row of body.rows.slice(1)) expect(row.score).toBeCloseTo(leaf, 6);
    // One community: the star.
    expect(body.communities).toHaveLength(1);
  });

  it('recomputes only when the graph changes', async () => {
    const url = '/api/discovery/centrality?measure=betweenness&labels=Line';
    const again = ok(await get(served.base, url), CentralityResponseSchema);
    expect(again.computed).toBe(false);
    expect(again.projection.fresh).toBe(false);
  });
});

describe('centrality of the nodes on a canvas', () => {
  const members = (body: unknown) => post(served.base, '/api/discovery/centrality/members', body);

  it('gives every named node its score and community, as the ranking does', async () => {
    const ranking = ok(
      await get(served.base, '/api/discovery/centrality?measure=pagerank&limit=1000'),
      CentralityResponseSchema,
    );
    const named = ['a', 'c', 's', 's1', 'hub', 'lone'].map((n) => id[n] as string);
    const body = ok(
      await members({ ids: named, measure: 'pagerank' }),
      CentralityMembersResponseSchema,
    );
    expect(body.members.map((m) => m.node)).toEqual(named);
    expect(body.outside).toEqual([]);
    for (const member of body.members) {
      const row = ranking.rows.find((r) => r.node.id === member.node);
      expect(member).toEqual({ node: member.node, score: row?.score, community: row?.community });
    }
    expect(body.top).toBe(ranking.rows[0]?.score);
    // Exactly the communities of the named nodes, largest first, each summarised.
    const present = [...new Set(body.members.map((m) => m.community))].sort((x, y) => x - y);
    expect(body.communities.map((c) => c.id)).toEqual(present);
    const star = body.communities.find((c) => c.members.some((m) => m.node === id.s));
    expect(star).toMatchObject({ size: 5, kind: 'Star' });
    // The line and the star are apart: never one community.
    const of = (n: string) => body.members.find((m) => m.node === id[n])?.community;
    expect(of('a')).not.toBe(of('s'));
    expect(of('s1')).toBe(of('s'));
  });

  it('lists the nodes outside the chosen part instead of dropping them', async () => {
    const body = ok(
      await members({ ids: [id.a, id.s, id.c], labels: 'Line', measure: 'betweenness' }),
      CentralityMembersResponseSchema,
    );
    expect(body.members.map((m) => [m.node, m.score])).toEqual([
      [id.a, 0],
      [id.c, 4],
    ]);
    expect(body.outside).toEqual([id.s]);
    expect(body.top).toBe(4);
  });

  it('refuses a request without nodes or with a bad measure, naming the field', async () => {
    const none = problem(await members({ ids: [] }), 'validation', 400);
    expect(none.errors).toEqual([{ path: 'body.ids', message: 'name at least one node' }]);
    const bad = problem(await members({ ids: [id.a], measure: 'fame' }), 'validation', 400);
    expect(bad.errors?.map((e) => e.path)).toEqual(['body.measure']);
    problem(await members({}), 'validation', 400);
  });
});

describe('connect by hand', () => {
  it('prefers a quoted detour to a route through a hub; by hops the hub route is first', async () => {
    const weighted = ok(
      await get(served.base, connectPath('from', 'to', '&k=2')),
      ConnectResponseSchema,
    );
    expect(weighted.paths.map((p) => p.nodes)).toEqual([
      [id.from, id.x, id.y, id.to],
      [id.from, id.hub, id.to],
    ]);
    const detour = 3 + 0.5 * (Math.log(2) + Math.log(2));
    const hub = 2 + 0.5 * Math.log(202) + 2 * 0.5;
    expect(weighted.paths.map((p) => p.cost.total)).toEqual([
      Number(detour.toFixed(6)),
      Number(hub.toFixed(6)),
    ]);
    expect(weighted.paths[0]?.hops.map((h) => h.relationships[0]?.evidence[0]?.quote)).toEqual([
      'from meets x',
      'x meets y',
      'y meets to',
    ]);
    expect(weighted.paths[1]?.cost).toMatchObject({ unsupportedHops: 2, unsupportedPenalty: 1 });

    const hops = ok(
      await get(served.base, connectPath('from', 'to', '&k=2&rank=hops')),
      ConnectResponseSchema,
    );
    expect(hops.paths.map((p) => p.length)).toEqual([2, 3]);
    expect(hops.distance).toBe(2);
  });

  it('names a pair that is not connected at all', async () => {
    const body = ok(await get(served.base, connectPath('a', 'lone')), ConnectResponseSchema);
    expect(body.paths).toEqual([]);
    expect(body.distance).toBeNull();
    expect(body.message).toBe(
      'No connection between "a" and "lone" within 4 hops: they are not connected at all in this part of the graph.',
    );
  });

  it('keeps to the chosen part of the graph', async () => {
    const body = ok(
      await get(served.base, connectPath('from', 'to', '&labels=Route&k=5')),
      ConnectResponseSchema,
    );
    // The leaves are out of the part, so the hub has 2 neighbours there.
    expect(body.projection.nodes).toBe(5);
    expect(body.paths[0]?.nodes).toEqual([id.from, id.hub, id.to]);
    expect(body.paths[0]?.cost.through).toEqual([
      { node: id.hub, degree: 2, penalty: Number((0.5 * Math.log(2)).toFixed(6)) },
    ]);
    const outside = problem(
      await get(served.base, connectPath('from', 'a', '&labels=Route')),
      'validation',
      400,
    );
    expect(outside.errors).toEqual([
      { path: 'query.to', message: 'not in the chosen part of the graph' },
    ]);
  });
});

describe('suggestions by hand', () => {
  it('weighs a shared neighbour by 1 / ln(its degree)', async () => {
    const body = ok(
      await get(served.base, `/api/discovery/suggestions?id=${enc(id.a as string)}`),
      SuggestionsResponseSchema,
    );
    // a's only neighbour is b (degree 2), whose other neighbour is c.
    expect(body.suggestions.map((s) => [s.node.properties.name, s.score])).toEqual([
      ['c', Math.round((1 / Math.log(2)) * 1e9) / 1e9],
    ]);
    expect(body.suggestions[0]?.reason).toBe('Not linked to a directly, but both are linked to b.');
  });
});

describe('bounds', () => {
  it('refuses a projection larger than its bounds, naming the bound', async () => {
    const small = await serveDiscovery(db, { bounds: { maxNodes: 10, maxRelationships: 1000 } });
    try {
      const refused = problem(
        await get(small.base, '/api/discovery/centrality'),
        'query-refused',
        422,
      );
      expect(refused).toMatchObject({ reason: 'projection-too-large', bound: 10 });
      expect(refused.detail).toMatch(/more than 10 nodes/);
      // A part within the bounds is fine.
      ok(await get(small.base, '/api/discovery/centrality?labels=Line'), CentralityResponseSchema);
    } finally {
      await small.close();
    }
    const few = await serveDiscovery(db, { bounds: { maxNodes: 1000, maxRelationships: 20 } });
    try {
      const refused = problem(
        await get(few.base, '/api/discovery/centrality'),
        'query-refused',
        422,
      );
      expect(refused.detail).toMatch(/more than 20 relationships/);
    } finally {
      await few.close();
    }
  });

  it('stops a search at its budget and says the answer is partial', async () => {
    const tight = await serveDiscovery(db, { maxSettled: 3 });
    try {
      const body = ok(
        await get(tight.base, connectPath('from', 'to', '&k=3')),
        ConnectResponseSchema,
      );
      expect(body.partial).toBe(true);
      expect(body.paths.length).toBeLessThan(3);
    } finally {
      await tight.close();
    }
  });
});

describe('the projection cache', () => {
  it('serves the cached projection until the database changes in any way', async () => {
    const url = '/api/discovery/centrality?labels=Line';
    ok(await get(served.base, url), CentralityResponseSchema);
    const cached = ok(await get(served.base, url), CentralityResponseSchema);
    expect(cached.projection.fresh).toBe(false);

    // A new relationship: counts change.
    await db.write((tx) =>
      tx.run("MATCH (a:Line {name: 'a'}), (e:Line {name: 'e'}) CREATE (a)-[:NEXT]->(e)"),
    );
    const grown = ok(await get(served.base, url), CentralityResponseSchema);
    expect(grown.projection).toMatchObject({ fresh: true, relationships: 5 });

    // A property change leaves every count as it was; the bookmark still moves.
    await db.write((tx) => tx.run("MATCH (c:Line {name: 'c'}) SET c.name = 'c2'"));
    const renamed = ok(await get(served.base, url), CentralityResponseSchema);
    expect(renamed.projection.fresh).toBe(true);
    expect(renamed.rows.map((r) => r.node.properties.name)).toContain('c2');

    // The explicit hook.
    served.discovery.cache.invalidate();
    const again = ok(await get(served.base, url), CentralityResponseSchema);
    expect(again.projection.fresh).toBe(true);
    expect(served.discovery.cache.size).toBe(1);
  });
});
