/** GET /api/schema on an empty database, the movies and airport-routes graphs, and the seed graph. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { SchemaResponseSchema } from '../../common/contract/explorer.ts';
import { loadSeed } from '../../server/seed/index.ts';
import {
  SHARED_MISSING_MESSAGE,
  clearDatabase,
  hasSharedDatasets,
  loadAirports,
  loadMovies,
  openTestDatabase,
} from '../support/neo4j.ts';
import { get, ok, serve, type Served } from './api-harness.ts';

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

async function schema(): Promise<SchemaResponse> {
  return ok(await get(app.base, '/api/schema'), SchemaResponseSchema);
}

describe('an empty database', () => {
  beforeAll(() => clearDatabase(db));

  it('has no labels, types or edges, and no evidence', async () => {
    const body = await schema();
    expect(body.totals).toEqual({ nodes: 0, relationships: 0 });
    expect(body.labels).toEqual([]);
    expect(body.relationshipTypes).toEqual([]);
    expect(body.graph.edges).toEqual([]);
    expect(body.evidence).toEqual({
      mentionTypes: [],
      passageLabels: [],
      relationshipEvidenceTypes: [],
      provenance: false,
    });
  });
});

const examples = hasSharedDatasets ? 'public example graphs' : SHARED_MISSING_MESSAGE;

describe.skipIf(!hasSharedDatasets)(examples, () => {
  describe('movies', () => {
    beforeAll(async () => {
      await clearDatabase(db);
      await loadMovies(db);
    });

    it('counts labels and types from the data', async () => {
      const body = await schema();
      expect(body.database).toBe('neo4j');
      expect(body.totals).toEqual({ nodes: 171, relationships: 253 });
      const labels = Object.fromEntries(body.labels.map((l) => [l.label, l.count]));
      expect(labels).toEqual({ Movie: 38, Person: 133 });
      const types = Object.fromEntries(body.relationshipTypes.map((t) => [t.type, t.count]));
      expect(types).toMatchObject({ ACTED_IN: 172, DIRECTED: 44, FOLLOWS: 3 });
      expect(Object.values(types).reduce((a, b) => a + b, 0)).toBe(253);
    });

    it('observes property types, including lists', async () => {
      const body = await schema();
      const movie = body.labels.find((l) => l.label === 'Movie');
      expect(movie?.sampled).toBe(38);
      expect(movie?.properties.find((p) => p.key === 'released')).toEqual({
        key: 'released',
        types: ['INTEGER'],
        present: 38,
      });
      const actedIn = body.relationshipTypes.find((t) => t.type === 'ACTED_IN');
      expect(actedIn?.properties.find((p) => p.key === 'roles')?.types).toEqual(['LIST<STRING>']);
      expect(body.propertyKeys).toEqual(expect.arrayContaining(['name', 'title', 'born', 'roles']));
    });

    it('lists indexes and constraints, and the schema graph', async () => {
      const body = await schema();
      const constraint = body.constraints.find((c) => c.labelsOrTypes.includes('Movie'));
      expect(constraint).toMatchObject({
        type: 'UNIQUENESS',
        entityType: 'NODE',
        properties: ['title'],
      });
      expect(
        body.indexes.some(
          (i) =>
            i.type === 'RANGE' && i.labelsOrTypes[0] === 'Person' && i.properties[0] === 'born',
        ),
      ).toBe(true);
      expect(body.graph.edges).toEqual(
        expect.arrayContaining([
          { start: 'Person', type: 'ACTED_IN', end: 'Movie' },
          { start: 'Person', type: 'FOLLOWS', end: 'Person' },
        ]),
      );
      expect(body.evidence.mentionTypes).toEqual([]);
    });
  });

  describe('airport-routes', () => {
    beforeAll(async () => {
      await clearDatabase(db);
      await loadAirports(db);
    });

    it('samples at most the sample size and sees the WGS-84 point property', async () => {
      const body = await schema();
      expect(body.totals).toEqual({ nodes: 8627, relationships: 73954 });
      const airport = body.labels.find((l) => l.label === 'Airport');
      expect(airport?.count).toBe(3503);
      expect(airport?.sampled).toBe(body.sampleSize);
      expect(airport?.properties.find((p) => p.key === 'location')?.types).toEqual(['POINT']);
      expect(body.graph.edges).toContainEqual({
        start: 'Airport',
        type: 'HAS_ROUTE',
        end: 'Airport',
      });
      expect(body.indexes.find((i) => i.name === 'locations')).toMatchObject({
        labelsOrTypes: ['Airport'],
        properties: ['location'],
      });
    });
  });
});

describe('the seed graph', () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await loadSeed(db);
  });

  it('detects its evidence conventions and its folding full-text indexes', async () => {
    const body = await schema();
    expect(body.evidence.mentionTypes).toEqual(['MENTIONS']);
    expect(body.evidence.passageLabels).toEqual(['Passage']);
    expect(body.evidence.relationshipEvidenceTypes.length).toBeGreaterThan(5);
    expect(body.evidence.relationshipEvidenceTypes).not.toContain('MENTIONS');
    expect(body.evidence.provenance).toBe(true);
    const fulltext = body.indexes.filter((i) => i.type === 'FULLTEXT');
    expect(fulltext.map((i) => [i.name, i.labelsOrTypes, i.entityType, i.analyzer])).toEqual([
      ['document_search', ['Document'], 'NODE', 'standard-folding'],
      ['entity_search', ['Entity'], 'NODE', 'standard-folding'],
      ['passage_search', ['Passage'], 'NODE', 'standard-folding'],
    ]);
    expect(body.labels.map((l) => l.label)).toEqual(
      expect.arrayContaining(['Country', 'Person', 'Passage', 'Entity']),
    );
  });
});
