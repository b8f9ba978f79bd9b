/** The explorer routes when Neo4j is not there: 503 problem+json with Retry-After, quickly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { freePort } from '../../server/neo4j/instance.ts';
import { get, post, problem, serve, type Served, type JsonResponse } from './api-harness.ts';

let db: Database;
let app: Served;

beforeAll(async () => {
  const closed = await freePort();
  db = new Database({
    uri: `bolt://127.0.0.1:${closed}`,
    user: 'neo4j',
    password: 'x',
    database: 'neo4j',
  });
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const id = '4:0b0e0c0a-0000-0000-0000-000000000000:1';
const other = '4:0b0e0c0a-0000-0000-0000-000000000000:2';

describe('Neo4j down', () => {
  it.each<[string, () => Promise<JsonResponse>]>([
    ['schema', () => get(app.base, '/api/schema')],
    ['search', () => get(app.base, '/api/search?q=tajikistan')],
    ['node', () => get(app.base, `/api/nodes/${encodeURIComponent(id)}`)],
    ['neighbours', () => get(app.base, `/api/nodes/${encodeURIComponent(id)}/neighbours`)],
    [
      'paths',
      () =>
        get(app.base, `/api/paths?from=${encodeURIComponent(id)}&to=${encodeURIComponent(other)}`),
    ],
    ['cypher', () => post(app.base, '/api/cypher', { query: 'RETURN 1' })],
    ['overview', () => get(app.base, '/api/graph/overview')],
    ['documents', () => get(app.base, '/api/documents')],
    ['document', () => get(app.base, '/api/documents/some-text')],
    ['resolve', () => post(app.base, '/api/nodes/resolve', { nodes: [{ id }] })],
    ['timeline', () => get(app.base, '/api/discovery/timeline')],
  ])('%s answers 503 with Retry-After, without hanging', async (_route, request) => {
    const started = Date.now();
    const response = await request();
    expect(Date.now() - started).toBeLessThan(2_000);
    const body = problem(response, 'database-unavailable', 503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(body.detail).toMatch(/not reachable/);
  });

  it('still validates input first, without touching Neo4j', async () => {
    const started = Date.now();
    problem(await get(app.base, '/api/search?q=%20'), 'validation', 400);
    problem(await get(app.base, '/api/documents?limit=0'), 'validation', 400);
    problem(await post(app.base, '/api/nodes/resolve', { nodes: 'all' }), 'validation', 400);
    problem(
      await post(app.base, '/api/cypher', { query: 'CREATE (n)' + '; RETURN 1' }),
      'query-refused',
      422,
    );
    expect(Date.now() - started).toBeLessThan(500);
  });
});
