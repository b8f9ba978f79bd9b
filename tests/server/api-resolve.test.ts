/**
 * POST /api/nodes/resolve on the seed graph in a real Neo4j: references by key survive a reload
 * of the database (new element ids), element ids resolve as the fallback, unknown and ambiguous
 * references are reported, relationships follow their ends; bad bodies are clear 400 problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeRef, ResolveRequest, ResolveResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { ResolveResponseSchema } from '../../common/contract/explorer.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { ok, post, problem, serve, type Served } from './api-harness.ts';

let db: Database;
let app: Served;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadSeed(db);
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const resolve = async (body: ResolveRequest): Promise<ResolveResponse> =>
  ok(await post(app.base, '/api/nodes/resolve', body), ResolveResponseSchema);

/** Key and element id of the node a name names, with the relationship between two of them. */
async function facts() {
  return db.read(async (tx) => {
    const record = (
      await tx.run(
        // The first type of which there is one relationship, so "the same one" is well defined
        // after a reload (storage order, and so an unordered LIMIT 1, may change).
        `MATCH (a:Country {name: 'Tajikistan'})-[r]->(b:Country {name: 'Russia'})
         WITH a, b, type(r) AS type, collect(r) AS rs WHERE size(rs) = 1
         RETURN a.key AS aKey, elementId(a) AS aId, b.key AS bKey, elementId(b) AS bId,
                type, elementId(rs[0]) AS rId ORDER BY type LIMIT 1`,
      )
    ).records[0];
    if (!record) throw new Error('the seed has no relationship from Tajikistan to Russia');
    return {
      aKey: record.get('aKey') as string,
      aId: record.get('aId') as string,
      bKey: record.get('bKey') as string,
      bId: record.get('bId') as string,
      type: record.get('type') as string,
      rId: record.get('rId') as string,
    };
  });
}

const byKey = (value: string): NodeRef => ({ label: 'Entity', property: 'key', value });

describe('POST /api/nodes/resolve', () => {
  it('resolves nodes by key and by element id, and their relationship', async () => {
    const f = await facts();
    const body = await resolve({
      nodes: [byKey(f.aKey), { id: f.bId }],
      relationships: [{ start: 0, end: 1, type: f.type, id: f.rId }],
    });
    expect(body.nodes.map((n) => n?.id)).toEqual([f.aId, f.bId]);
    expect(body.nodes[0]?.properties.name).toBe('Tajikistan');
    expect(body.relationships[0]).toMatchObject({ id: f.rId, start: f.aId, end: f.bId });
    expect(body.unresolved).toEqual({ nodes: [], relationships: [] });
  });

  it('reports what no longer exists instead of dropping it', async () => {
    const f = await facts();
    const body = await resolve({
      nodes: [byKey(f.aKey), byKey('no-such-key'), { id: f.bId }],
      relationships: [
        { start: 0, end: 1, type: f.type },
        { start: 0, end: 2, type: 'NO_SUCH_TYPE' },
      ],
    });
    expect(body.nodes[1]).toBeNull();
    expect(body.relationships).toEqual([null, null]);
    expect(body.unresolved).toEqual({ nodes: [1], relationships: [0, 1] });
    // Names from a link are only ever quoted names: odd ones find nothing, and break nothing.
    const odd = await resolve({
      nodes: [{ label: 'No`such label', property: 'k`ey) RETURN 1 //', value: 'x' }],
      relationships: [{ start: 0, end: 0, type: 'T`' }],
    });
    expect(odd.unresolved).toEqual({ nodes: [0], relationships: [0] });
  });

  it('resolves no node for a key more than one node has', async () => {
    // Entity keys are unique; the name of a sphere of cooperation is not guaranteed to be.
    const name = await db.write(async (tx) => {
      await tx.run(
        `CREATE (:Scratch {tag: 'twin'}), (:Scratch {tag: 'twin'}), (:Scratch {tag: 'one'})`,
      );
      return 'twin';
    });
    try {
      const body = await resolve({
        nodes: [
          { label: 'Scratch', property: 'tag', value: name },
          { label: 'Scratch', property: 'tag', value: 'one' },
        ],
        relationships: [],
      });
      expect(body.nodes[0]).toBeNull();
      expect(body.nodes[1]?.labels).toEqual(['Scratch']);
      expect(body.unresolved.nodes).toEqual([0]);
    } finally {
      await db.write((tx) => tx.run('MATCH (n:Scratch) DELETE n'));
    }
  });

  it('still finds nodes and relationships by key after the database is reloaded', async () => {
    const before = await facts();
    await clearDatabase(db);
    // Something first, so the reloaded seed's elements get other ids than before.
    await db.write((tx) => tx.run('UNWIND range(1, 50) AS i CREATE (:Filler {i: i})'));
    await loadSeed(db);
    const after = await facts();
    // Neo4j may reuse freed ids, so whether an id changed is up to it; what a reload can do is
    // give a saved id to another element. The saved relationship id here names another one.
    const elsewhere = await db.read(async (tx) =>
      String(
        (
          await tx.run(
            'MATCH ()-[r]->() WHERE elementId(r) <> $id RETURN elementId(r) AS id LIMIT 1',
            {
              id: after.rId,
            },
          )
        ).records[0]?.get('id'),
      ),
    );
    const body = await resolve({
      nodes: [byKey(before.aKey), byKey(before.bKey)],
      relationships: [{ start: 0, end: 1, type: before.type, id: elsewhere }],
    });
    expect(body.nodes.map((n) => n?.id)).toEqual([after.aId, after.bId]);
    expect(body.relationships[0]?.id).toBe(after.rId);
    await db.write((tx) => tx.run('MATCH (n:Filler) DELETE n'));
  });

  it('refuses bad bodies with every violation named', async () => {
    const refs = problem(
      await post(app.base, '/api/nodes/resolve', {
        nodes: [{ label: 'Entity' }, { id: 'not an id' }],
        relationships: [],
      }),
      'validation',
      400,
    );
    expect((refs.errors ?? []).map((e) => e.path)).toEqual(['body.nodes.0', 'body.nodes.1.id']);
    const ends = problem(
      await post(app.base, '/api/nodes/resolve', {
        nodes: [byKey('a')],
        relationships: [{ start: 0, end: 5, type: 'X' }],
      }),
      'validation',
      400,
    );
    expect(ends.errors).toEqual([
      { path: 'body.relationships.0.end', message: 'names node 5, but there are 1 nodes' },
    ]);
    problem(await post(app.base, '/api/nodes/resolve', { relationships: [] }), 'validation', 400);
  });
});
