/**
 * POST /api/cypher against a real Neo4j: encoded rows, graph elements from anywhere in the
 * results, the row cap while streaming, the server-side timeout, syntax errors with positions,
 * parameters, notifications, request validation and the concurrency bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../common/api.ts';
import { ConcurrencyLimiter } from '../../server/cypher/limiter.ts';
import type { Database } from '../../server/db/database.ts';
import { AppError } from '../../server/http/problems.ts';
import { CypherResponseSchema } from '../../common/contract/explorer.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { ok, post, problem, serve, type Served } from './api-harness.ts';
import { waitFor } from './faults-traffic.ts';

let db: Database;
let app: Served;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await db.write((tx) =>
    tx.run(`CREATE (a:Person {name: 'Ann', born: date('1990-05-01')})-[:KNOWS {since: 2001}]->
                   (b:Person {name: 'Bob', score: 1.0})-[:KNOWS {since: 2010}]->(c:Person {name: 'Cy'})`),
  );
  app = await serve(db, { QUERY_MAX_ROWS: '10' });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function run(
  query: string,
  params: Record<string, unknown> = {},
  served = app,
): Promise<CypherResponse> {
  return ok(await post(served.base, '/api/cypher', { query, params }), CypherResponseSchema);
}

describe('results', () => {
  it('returns columns and encoded rows', async () => {
    const body = await run(
      'MATCH (p:Person) RETURN p.name AS name, p.born AS born, p.score AS score, 9007199254740993 AS big ORDER BY name',
    );
    expect(body.columns).toEqual(['name', 'born', 'score', 'big']);
    expect(body.rows).toEqual([
      [
        'Ann',
        { $type: 'Date', value: '1990-05-01' },
        null,
        { $type: 'Integer', value: '9007199254740993' },
      ],
      [
        'Bob',
        null,
        { $type: 'Float', value: '1.0' },
        { $type: 'Integer', value: '9007199254740993' },
      ],
      ['Cy', null, null, { $type: 'Integer', value: '9007199254740993' }],
    ]);
    expect(body.truncated).toBe(false);
    expect(body.rowCap).toBe(10);
    expect(body.summary.queryType).toBe('r');
    expect(body.summary.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(body.graph).toEqual({ nodes: [], relationships: [] });
  });

  it('collects graph elements from paths, lists and maps, once each', async () => {
    const body = await run(`
      MATCH path = (a:Person {name: 'Ann'})-[:KNOWS*2]->(c)
      MATCH (a)-[r:KNOWS]->(b)
      RETURN path, [a, b] AS pair, {deep: {list: [r, c]}} AS nested, a`);
    expect(body.graph.nodes.map((n) => n.properties.name).sort()).toEqual(['Ann', 'Bob', 'Cy']);
    expect(body.graph.relationships.map((r) => r.properties.since).sort()).toEqual([2001, 2010]);
    expect(body.rows[0]?.[0]).toMatchObject({ $type: 'Path' });
    expect(body.rows[0]?.[2]).toMatchObject({
      deep: { list: [{ $type: 'Relationship' }, { $type: 'Node' }] },
    });
  });

  it('marks the nodes and relationships a procedure makes up as virtual, and stored ones not', async () => {
    const body = await run('CALL db.schema.visualization()');
    expect(body.graph.nodes.map((n) => n.labels[0]).sort()).toEqual(
      expect.arrayContaining(['Person']),
    );
    expect(body.graph.nodes.every((n) => n.virtual === true)).toBe(true);
    expect(body.graph.relationships.length).toBeGreaterThan(0);
    expect(body.graph.relationships.every((r) => r.virtual === true)).toBe(true);
    // Its details are its own properties; looking it up is never needed, and would be refused.
    const first = body.graph.nodes[0];
    expect(first?.properties.name).toBe(first?.labels[0]);
    const stored = await run("MATCH (a:Person {name: 'Ann'}) RETURN a");
    expect(stored.graph.nodes[0]?.virtual).toBeUndefined();
  });

  it('takes parameters in the value encoding', async () => {
    const body = await run(
      'RETURN $n + 1 AS n, $f AS f, $d.year AS year, $list AS list, $map.k AS k',
      {
        n: { $type: 'Integer', value: '9007199254740993' },
        f: { $type: 'Float', value: '2.0' },
        d: { $type: 'Date', value: '2016-12-31' },
        list: [1, 'two', { $type: 'Float', value: 'NaN' }],
        map: { k: 'v' },
      },
    );
    expect(body.rows[0]).toEqual([
      { $type: 'Integer', value: '9007199254740994' },
      { $type: 'Float', value: '2.0' },
      2016,
      [1, 'two', { $type: 'Float', value: 'NaN' }],
      'v',
    ]);
    // Integral JSON numbers are integers, as LIMIT needs.
    expect((await run('UNWIND range(1, 5) AS x RETURN x LIMIT $n', { n: 2 })).rows).toEqual([
      [1],
      [2],
    ]);
  });

  it('reports notifications with positions in the submitted text', async () => {
    const body = await run('MATCH (a:Person), (b:Person)\nRETURN count(*) AS pairs');
    expect(body.rows).toEqual([[9]]);
    const cartesian = body.summary.notifications.find((n) => n.code.endsWith('CartesianProduct'));
    expect(cartesian).toBeDefined();
    expect(cartesian?.position?.line).toBe(1);
  });
});

describe('limits', () => {
  it('stops streaming at the row cap and says so, without producing the rest', async () => {
    const started = Date.now();
    const body = await run('UNWIND range(1, 1000000000) AS x RETURN x');
    expect(body.rows).toHaveLength(10);
    expect(body.rows.at(-1)).toEqual([10]);
    expect(body.truncated).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    const exact = await run('UNWIND range(1, 10) AS x RETURN x');
    expect(exact.rows).toHaveLength(10);
    expect(exact.truncated).toBe(false);
  });

  it('stops a runaway query at the server-side timeout', async () => {
    const quick = await serve(db, { QUERY_TIMEOUT_MS: '1000' });
    try {
      const started = Date.now();
      const response = await post(quick.base, '/api/cypher', {
        query: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n',
      });
      problem(response, 'query-timeout', 504);
      expect(Date.now() - started).toBeLessThan(8_000);
      // The app is fine afterwards.
      expect((await run('RETURN 1 AS one', {}, quick)).rows).toEqual([[1]]);
    } finally {
      await quick.close();
    }
  });

  it('bounds concurrent console queries: beyond the queue, 503 with Retry-After', async () => {
    const single = await serve(db, { CYPHER_MAX_CONCURRENCY: '1', QUERY_TIMEOUT_MS: '2000' });
    try {
      const slow = post(single.base, '/api/cypher', {
        query: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n',
      });
      // The slot is taken before the query reaches Neo4j: once Neo4j runs it, the slot is held.
      const running = async () => {
        const result = await db.read((tx) =>
          tx.run(
            'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $q RETURN count(*) AS n',
            { q: 'range(1, 2000000000)' },
          ),
        );
        return Number(result.records[0]?.get('n')) > 0;
      };
      await waitFor('the slow query running in Neo4j', running, 10_000);
      const others = await Promise.all(
        Array.from({ length: 5 }, () =>
          post(single.base, '/api/cypher', { query: 'RETURN 1 AS one' }),
        ),
      );
      const busy = others.filter((r) => r.status === 503);
      expect(busy).toHaveLength(1);
      const refused = problem(busy[0] as (typeof others)[number], 'database-unavailable', 503);
      expect(refused.busy).toBe(true);
      expect(busy[0]?.headers.get('retry-after')).toBe('2');
      expect(others.filter((r) => r.status === 200)).toHaveLength(4);
      expect((await slow).status).toBe(504);
    } finally {
      await single.close();
    }
  });

  it('the limiter hands slots on in order and gives up after its wait', async () => {
    const limiter = new ConcurrencyLimiter(1, 100);
    const release = await limiter.acquire();
    const order: string[] = [];
    const waiting = limiter.acquire().then((next) => {
      order.push('second');
      next();
    });
    order.push('first');
    release();
    await waiting;
    expect(order).toEqual(['first', 'second']);
    const held = await limiter.acquire();
    await expect(limiter.acquire()).rejects.toBeInstanceOf(AppError);
    held();
    (await limiter.acquire())();
  });
});

describe('errors', () => {
  it('reports a syntax error at its line and column in the submitted text', async () => {
    const query = 'MATCH (n:Person)\nWHERE n.name = "Ann"\nRETURN m';
    const body = problem(await post(app.base, '/api/cypher', { query }), 'query-syntax', 400);
    expect(body.position).toEqual({
      line: 3,
      column: 8,
      offset: query.indexOf('m', query.lastIndexOf('RETURN')),
    });
    expect(body.detail).toContain('Variable `m` not defined');
    expect(body.detail).not.toContain('offset');
    const first = problem(
      await post(app.base, '/api/cypher', { query: 'MATCH (n RETURN n' }),
      'query-syntax',
      400,
    );
    expect(first.position).toEqual({ line: 1, column: 10, offset: 9 });
  });

  it('names other statement errors, and missing parameters', async () => {
    const division = problem(
      await post(app.base, '/api/cypher', { query: 'RETURN 1 / 0 AS x' }),
      'validation',
      400,
    );
    expect(division.code).toBe('Neo.ClientError.Statement.ArithmeticError');
    const missing = problem(
      await post(app.base, '/api/cypher', { query: 'RETURN $nope AS x' }),
      'validation',
      400,
    );
    expect(missing.detail).toMatch(/nope/);
  });

  it.each([
    ['no query', {}],
    ['an empty query', { query: '   ' }],
    ['a query that is not text', { query: 42 }],
    ['an unknown field', { query: 'RETURN 1', extra: true }],
    ['params that are not a map', { query: 'RETURN 1', params: [1] }],
    ['a parameter with a bad tag', { query: 'RETURN $x', params: { x: { $type: 'Nope' } } }],
    [
      'a node as a parameter',
      {
        query: 'RETURN $x',
        params: { x: { $type: 'Node', id: '4:a:1', labels: [], properties: {} } },
      },
    ],
  ])('%s is a 400', async (_what, body) => {
    problem(await post(app.base, '/api/cypher', body), 'validation', 400);
  });

  it('malformed JSON is a 400 and an oversized body a 413', async () => {
    const malformed = await fetch(`${app.base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    problem(
      { status: malformed.status, headers: malformed.headers, body: await malformed.json() },
      'validation',
      400,
    );
    const huge = await post(app.base, '/api/cypher', {
      query: `RETURN '${'x'.repeat(1_100_000)}'`,
    });
    problem(huge, 'payload-too-large', 413);
  });
});
