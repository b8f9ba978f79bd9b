/**
 * GET /api/search: full-text mode on the seed graph (entity index, then source index) and on
 * small graphs with folding and non-folding indexes; scan mode on the public example graphs (no full-text index); bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { SearchResponseSchema } from '../../common/contract/explorer.ts';
import { loadSeed } from '../../server/seed/index.ts';
import {
  SHARED_MISSING_MESSAGE,
  clearDatabase,
  hasSharedDatasets,
  loadAirports,
  loadMovies,
  openTestDatabase,
} from '../support/neo4j.ts';
import { enc, get, ok, problem, serve, type Served } from './api-harness.ts';

let db: Database;
let app: Served;

beforeAll(async () => {
  db = openTestDatabase();
  // A short schema-facts lifetime does not matter here: each block loads before its first search.
  app = await serve(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function search(query: string, extra = '', served = app): Promise<SearchResponse> {
  return ok(await get(served.base, `/api/search?q=${enc(query)}${extra}`), SearchResponseSchema);
}

const names = (body: SearchResponse) => body.hits.map((h) => h.node.properties.name);

describe('the seed graph (full-text index with a folding analyzer)', () => {
  let seeded: Served;
  beforeAll(async () => {
    await clearDatabase(db);
    await loadSeed(db);
    seeded = await serve(db);
  });
  afterAll(() => seeded.close());

  it('finds a person by name, ranked first, and says what matched', async () => {
    const body = await search('Rahmon', '', seeded);
    expect(body.mode).toBe('fulltext');
    expect(body.indexes).toEqual(['entity_search']);
    expect(body.hits[0]?.node.properties.name).toBe('Emomali Rahmon');
    expect(body.hits[0]?.match?.text).toMatch(/Rahmon/);
    const scores = body.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each([
    ['case', 'TAJIKISTAN', 'Tajikistan'],
    ['a typo', 'Tajikistn', 'Tajikistan'],
    ['a typo in a longer word', 'Afganistan', 'Afghanistan'],
    ['an alias', 'Tadzhikistan', 'Tajikistan'],
    ['an alias in Cyrillic', 'Россия', 'Russia'],
    ['an acronym', 'CSTO', 'Collective Security Treaty Organization'],
    ['a prefix', 'Nevs', 'Order of Alexander Nevsky'],
    ['diacritics the data does not have', 'Rahmón', 'Emomali Rahmon'],
  ])('tolerates %s: %s', async (_what, query, expected) => {
    const body = await search(query, '', seeded);
    expect(names(body)[0]).toBe(expected);
  });

  it('reads Lucene syntax in the query as plain text', async () => {
    for (const query of [
      'Rahmon AND (',
      '"Putin',
      'name:Putin',
      'Putin~~ ^2 /x/ \\',
      'NOT OR AND',
    ]) {
      const response = await get(seeded.base, `/api/search?q=${enc(query)}`);
      expect(response.status, query).toBe(200);
    }
    expect(names(await search('name:Putin', '', seeded))[0]).toBe('Vladimir Putin');
  });

  it('filters by label, and searches passages through the source index', async () => {
    const countries = await search('Tajik', '&labels=Country', seeded);
    expect(countries.hits.length).toBeGreaterThan(0);
    expect(countries.hits.every((h) => h.node.labels.includes('Country'))).toBe(true);
    const passages = await search('oil and gas', '&labels=Passage', seeded);
    expect(passages.mode).toBe('fulltext');
    expect(passages.indexes).toEqual(['passage_search']);
    expect(passages.hits.length).toBe(1);
    expect(passages.hits[0]?.match).toMatchObject({ property: 'text' });
    expect(passages.hits[0]?.match?.text).toContain('oil and gas sector');
  });

  it('looks inside indexed words when whole words, prefixes and typos find nothing', async () => {
    const body = await search('ikistan', '', seeded);
    expect(body.mode).toBe('fulltext');
    expect(names(body)).toContain('Tajikistan');
    expect(body.hits[0]?.match?.text).toMatch(/ikistan/i);
    // Special characters stay literal inside the wildcard query.
    expect((await get(seeded.base, `/api/search?q=${enc('ikis*tan')}`)).status).toBe(200);
  });

  it('answers text only the sources hold from the source index, after the entity index', async () => {
    const body = await search('optimistic', '', seeded);
    expect(body.mode).toBe('fulltext');
    expect(body.indexes).toEqual(['document_search', 'passage_search']);
    expect(body.hits.length).toBeGreaterThan(0);
    // The passage that says it, not the whole document around it.
    expect(body.hits.every((h) => h.node.labels[0] === 'Passage')).toBe(true);
    expect(body.hits[0]?.match?.property).toBe('text');
    expect(body.hits[0]?.match?.text).toContain('optimistic');
    const title = await search('negotiations between Tajikistan', '&labels=Document', seeded);
    expect(title.indexes).toEqual(['document_search']);
    expect(title.hits[0]?.match?.property).toBe('title');
    // A name is answered by its entity, not by the passages that mention it.
    const name = await search('Rahmon', '', seeded);
    expect(name.indexes).toEqual(['entity_search']);
    expect(name.hits.every((h) => h.node.labels.includes('Entity'))).toBe(true);
  });

  it('answers text that nothing holds from the indexes alone, without a scan', async () => {
    const body = await search('qwzxv plorthing', '', seeded);
    expect(body.mode).toBe('fulltext');
    expect(body.hits).toEqual([]);
    expect(body.indexes).toEqual(['entity_search', 'document_search', 'passage_search']);
  });

  it('respects the limit', async () => {
    const body = await search('cooperation', '&limit=2', seeded);
    expect(body.hits).toHaveLength(2);
    expect(body.limit).toBe(2);
  });
});

describe('full-text indexes with and without folding', () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await db.write((tx) =>
      tx.run(`CREATE (:Place {name: 'Querétaro', kind: 'city'}), (:Place {name: 'São Paulo'}),
                     (:Place {name: 'Zürich'}), (:Place {name: 'Łódź'}),
                     (:Thing {title: 'Querétaro', note: 'a hidden remark'})`),
    );
    // The default analyzer keeps diacritics; the query builder must make up for it.
    await db.runAutoCommit('CREATE FULLTEXT INDEX places FOR (n:Place) ON EACH [n.name]');
    await db.runAutoCommit(
      "CREATE FULLTEXT INDEX things FOR (n:Thing) ON EACH [n.title] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
    );
    await db.runAutoCommit('CALL db.awaitIndexes(60)');
  });

  it.each([
    ['queretaro', 'Querétaro', 'fulltext'],
    ['QUERÉTARO', 'Querétaro', 'fulltext'],
    ['sao paulo', 'São Paulo', 'fulltext'],
    ['zurich', 'Zürich', 'fulltext'],
    // A folded prefix cannot match unfolded terms in the index: the scan fallback finds it.
    ['Zur', 'Zürich', 'scan'],
  ])('%s finds %s through a non-folding index (%s)', async (query, expected, mode) => {
    const served = await serve(db);
    try {
      const body = await search(query, '&labels=Place', served);
      expect(body.mode).toBe(mode);
      expect(body.hits[0]?.node.properties.name).toBe(expected);
    } finally {
      await served.close();
    }
  });

  it('scans only nodes no folding index covers once the indexes found nothing', async () => {
    const served = await serve(db);
    try {
      // The Thing's note is outside its folding index: the index has answered for Things, and
      // only the Places are scanned.
      expect((await search('hidden remark', '', served)).hits).toEqual([]);
      const things = await search('hidden remark', '&labels=Thing', served);
      expect(things.mode).toBe('fulltext');
      expect(things.hits).toEqual([]);
      // Places have only a non-folding index: their other properties are still scanned.
      const city = await search('city', '', served);
      expect(city.mode).toBe('scan');
      expect(city.hits.map((h) => h.node.properties.name)).toEqual(['Querétaro']);
    } finally {
      await served.close();
    }
  });

  it('searches every index when no label is given, and each node once', async () => {
    const served = await serve(db);
    try {
      const body = await search('queretaro', '', served);
      expect(body.indexes).toEqual(['places', 'things']);
      const ids = body.hits.map((h) => h.node.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(body.hits.map((h) => h.node.labels[0]).sort()).toEqual(['Place', 'Thing']);
    } finally {
      await served.close();
    }
  });
});

const examples = hasSharedDatasets
  ? 'public example graphs (no full-text index)'
  : SHARED_MISSING_MESSAGE;

describe.skipIf(!hasSharedDatasets)(examples, () => {
  beforeAll(async () => {
    await clearDatabase(db);
    await loadMovies(db);
    await loadAirports(db);
  });

  it('scans properties, ignoring case and diacritics', async () => {
    const served = await serve(db);
    try {
      const body = await search('queretaro', '', served);
      expect(body.mode).toBe('scan');
      expect(body.partial).toBe(false);
      const texts = body.hits.map((h) => h.match?.text);
      expect(texts).toContain('Querétaro');
      expect(body.hits[0]?.match?.text).toBe('Querétaro'); // a whole-text match ranks first
      expect(names(await search('KEANU', '', served))).toEqual(['Keanu Reeves']);
      const airports = await search('frankfurt', '&labels=Airport', served);
      expect(airports.hits.length).toBeGreaterThan(0);
      expect(airports.hits.every((h) => h.node.labels.includes('Airport'))).toBe(true);
      expect(airports.hits[0]?.node.properties.location).toMatchObject({
        $type: 'Point',
        crs: 'wgs-84',
      });
    } finally {
      await served.close();
    }
  });

  it('stays bounded: the scan stops at its limit and says so', async () => {
    const bounded = await serve(db, { SEARCH_SCAN_LIMIT: '500' });
    try {
      const started = Date.now();
      const body = await search('zzzz-not-there', '', bounded);
      expect(body.partial).toBe(true);
      expect(body.hits).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await bounded.close();
    }
  });
});

describe('bad input', () => {
  it.each([
    ['no q', ''],
    ['an empty q', '?q='],
    ['a whitespace-only q', `?q=${enc(' \t\n ')}`],
    ['an overlong q', `?q=${'a'.repeat(201)}`],
    ['a q without letters or digits', `?q=${enc('!!! ??')}`],
    ['q given twice', '?q=a&q=b'],
    ['limit 0', '?q=abc&limit=0'],
    ['limit above the maximum', '?q=abc&limit=101'],
    ['a non-numeric limit', '?q=abc&limit=ten'],
    ['too many labels', `?q=abc&labels=${Array.from({ length: 51 }, (_, i) => `L${i}`).join(',')}`],
  ])('%s is a 400 naming the parameter', async (_what, query) => {
    const body = problem(await get(app.base, `/api/search${query}`), 'validation', 400);
    expect(body.errors?.[0]?.path).toMatch(/^query\.(q|limit|labels)/);
  });
});
