/**
 * The algorithm worker reads projections from Neo4j itself, with its own Database on the same
 * target: the same nodes in the same order and the same sizes as a read on the event loop, the
 * same problems when Neo4j is gone, and its connections closed when it is stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import type { ProjectionRead } from '../../server/discovery/algorithm-protocol.ts';
import { AlgorithmWorker } from '../../server/discovery/algorithm-worker-client.ts';
import { readProjection } from '../../server/discovery/projection.ts';
import { WHOLE_GRAPH } from '../../server/discovery/scope.ts';
import { SchemaFactsCache } from '../../server/schema/facts.ts';
import { AppError } from '../../server/http/problems.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

// Links: a–b (KNOWS and MET), b–c, a–c; 'alone' has none.
const GRAPH = `
CREATE (a:Person {name: 'a'})-[:KNOWS]->(b:Person {name: 'b'})-[:KNOWS]->(c:Person {name: 'c'})
CREATE (a)-[:KNOWS {evidenceQuotes: ['a knows c'], evidencePassages: ['p1']}]->(c)
CREATE (a)-[:MET]->(b), (:Person {name: 'alone'})`;

const BOUNDS = { maxNodes: 1_000, maxRelationships: 1_000 };

let db: Database;
let request: ProjectionRead;
const worker = new AlgorithmWorker();

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await db.write((tx) => tx.run(GRAPH));
  const facts = await new SchemaFactsCache(db, 10_000, 0).get();
  request = {
    target: db.target,
    scope: WHOLE_GRAPH,
    evidence: facts.evidence,
    dates: facts.profile.dates,
    bounds: BOUNDS,
    timeoutMs: 30_000,
  };
});

afterAll(async () => {
  await worker.close();
  await db?.close();
});

describe('a projection read in the algorithm worker', () => {
  it('has the nodes, order and sizes of a read on the event loop', async () => {
    const held = await worker.read(request);
    const local = await readProjection(
      db,
      request.scope,
      request.evidence,
      request.dates,
      BOUNDS,
      request.timeoutMs,
    );
    expect(held.held.ids).toEqual(local.graph.nodes());
    expect(held).toMatchObject({
      nodes: 4,
      links: 3,
      relationships: 4,
      excludedLabels: local.excludedLabels,
      excludedTypes: local.excludedTypes,
    });
    expect(held.held.index.get(local.graph.nodes()[2] as string)).toBe(2);
    expect(worker.holds(held.held.graph)).toBe(true);
  });

  it('refuses a projection beyond its bounds with the same problem', async () => {
    const refused = worker.read({ ...request, bounds: { maxNodes: 2, maxRelationships: 1_000 } });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({
      id: 'query-refused',
      extensions: { reason: 'projection-too-large', bound: 2 },
    });
  });

  it('answers 503 database-unavailable when Neo4j is not there', async () => {
    const gone = worker.read({
      ...request,
      target: { ...request.target, uri: 'bolt://127.0.0.1:1' },
    });
    await expect(gone).rejects.toMatchObject({ id: 'database-unavailable', status: 503 });
  });

  it('closes its connections when stopped, and starts again for the next task', async () => {
    const before = await worker.read(request);
    await worker.close();
    expect(worker.holds(before.held.graph)).toBe(false);
    const again = await worker.read(request);
    expect(again.held.ids).toEqual(before.held.ids);
  });

  it('keeps a graph a request may still be using; drops idle ones, and any beyond twice the capacity', async () => {
    const busy = new AlgorithmWorker({ capacity: 1, inUseMs: 60_000 });
    const idle = new AlgorithmWorker({ capacity: 1, inUseMs: 0 });
    try {
      const first = await busy.read(request);
      const second = await busy.read(request);
      // Over capacity, but the first was given a task a moment ago: still held, still usable.
      expect(busy.holds(first.held.graph)).toBe(true);
      const third = await busy.read(request);
      // Three graphs is beyond twice the capacity: the least recently used goes regardless.
      expect(busy.holds(first.held.graph)).toBe(false);
      expect(busy.holds(second.held.graph)).toBe(true);
      expect(busy.holds(third.held.graph)).toBe(true);

      const old = await idle.read(request);
      const young = await idle.read(request);
      expect(idle.holds(old.held.graph)).toBe(false);
      expect(idle.holds(young.held.graph)).toBe(true);
    } finally {
      await Promise.all([busy.close(), idle.close()]);
    }
  });
});
