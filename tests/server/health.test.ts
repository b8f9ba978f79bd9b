/** GET /api/health against the real test Neo4j, and against a Neo4j that is not there. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '../../common/api.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/log.ts';
import { freePort } from '../../server/neo4j/instance.ts';
import { openTestDatabase } from '../support/neo4j.ts';

async function serve(db: Database): Promise<{ server: Server; base: string }> {
  const app = createApp({ db, config: loadConfig({}), log: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('GET /api/health', () => {
  let up: { server: Server; base: string; db: Database };
  let down: { server: Server; base: string; db: Database };

  beforeAll(async () => {
    const db = openTestDatabase();
    up = { ...(await serve(db)), db };
    const closed = await freePort();
    const nowhere = new Database({
      uri: `bolt://127.0.0.1:${closed}`,
      user: 'neo4j',
      password: 'x',
      database: 'neo4j',
    });
    down = { ...(await serve(nowhere)), db: nowhere };
  });

  afterAll(async () => {
    for (const s of [up, down]) {
      s.server.close();
      await s.db.close();
    }
  });

  it('reports the app version and the Neo4j version, edition and database', async () => {
    const response = await fetch(`${up.base}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.app.name).toBe('summit-graph');
    expect(body.app.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.neo4j).toMatchObject({ reachable: true, database: 'neo4j', edition: 'community' });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });

  it('answers 503 quickly with Retry-After when Neo4j is down', async () => {
    const started = Date.now();
    const response = await fetch(`${down.base}/api/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as HealthResponse;
    expect(body).toMatchObject({ status: 'unavailable', neo4j: { reachable: false } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const response = await fetch(`${up.base}/api/no-such-route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { type: string; status: number };
    expect(problem).toMatchObject({
      type: 'https://summit-graph.dev/problems/not-found',
      status: 404,
    });
  });
});
