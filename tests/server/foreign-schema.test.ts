/**
 * A database in a schema that is not ours (tests/support/foreign-graph.ts: > 50,000 nodes, no
 * full-text index, names split in two properties, text dates): search finds every label, whole
 * names and typos; captions tell same-named people apart; dates are read in their detected form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaResponse, SearchResponse } from '../../common/api.ts';
import { captionOf } from '../../common/caption.ts';
import type { Database } from '../../server/db/database.ts';
import {
  CentralityResponseSchema,
  ConnectResponseSchema,
  TimelineResponseSchema,
} from '../../common/contract/discovery.ts';
import {
  OverviewResponseSchema,
  SchemaResponseSchema,
  SearchResponseSchema,
} from '../../common/contract/explorer.ts';
import { SEARCH_INDEX_NAME, searchIndexStatement } from '../../server/search/index-command.ts';
import { warmUp } from '../../server/warm-up.ts';
import {
  crimeDates,
  FOREIGN_COUNTS,
  FOREIGN_TOTAL,
  loadForeignGraph,
} from '../support/foreign-graph.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { enc, get, ok, serve, type Served } from './api-harness.ts';

let db: Database;
let app: Served;
let schema: SchemaResponse;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadForeignGraph(db);
  app = await serve(db);
  await warmUp(db, app.config, app.discovery);
  schema = ok(await get(app.base, '/api/schema'), SchemaResponseSchema);
}, 400_000);
afterAll(async () => {
  await app.close();
  await db.close();
});

async function search(query: string, extra = '', served = app): Promise<SearchResponse> {
  return ok(await get(served.base, `/api/search?q=${enc(query)}${extra}`), SearchResponseSchema);
}

const captions = (body: SearchResponse) => body.hits.map((h) => captionOf(h.node, schema.captions));

describe('the foreign graph', () => {
  it('is larger than the default scan bound and has no full-text index', () => {
    expect(schema.totals.nodes).toBe(FOREIGN_TOTAL);
    expect(FOREIGN_TOTAL).toBeGreaterThan(50_000);
    expect(schema.indexes.filter((i) => i.type === 'FULLTEXT')).toEqual([]);
  });
});

describe('search without a full-text index', () => {
  it('finds the vehicles that lie beyond the first 50,000 nodes, by make and registration', async () => {
    const toyota = await search('Toyota');
    expect(toyota.mode).toBe('scan');
    expect(toyota.hits.length).toBeGreaterThan(0);
    expect(toyota.hits.every((h) => h.node.labels.includes('Vehicle'))).toBe(true);
    const reg = await search('GHK6');
    expect(reg.hits.map((h) => h.node.properties.reg)).toContain('XY16 GHK6');
  });

  it.each(Object.keys(FOREIGN_COUNTS))('finds a node of label %s by its caption', async (label) => {
    const sample = await db.read(async (tx) => {
      const result = await tx.run(`MATCH (n:\`${label}\`) RETURN n SKIP 17 LIMIT 1`);
      const node = result.records[0]?.get('n') as {
        elementId: string;
        labels: string[];
        properties: Record<string, unknown>;
      };
      return { id: node.elementId, labels: node.labels, properties: node.properties };
    });
    const caption = captionOf(sample as never, schema.captions);
    const body = await search(caption, `&labels=${label}&limit=100`);
    expect(
      body.hits.map((h) => h.node.id),
      `${label} "${caption}"`,
    ).toContain(sample.id);
  });

  it('says which labels it saw only in part, and a label filter searches one whole', async () => {
    const bounded = await serve(db, { SEARCH_SCAN_LIMIT: '20000' });
    try {
      const body = await search('zzzz-not-there', '', bounded);
      expect(body.partial).toBe(true);
      const partial = body.partialLabels.map((p) => p.label);
      expect(partial).toContain('Location');
      expect(partial).not.toContain('Vehicle');
      const location = body.partialLabels.find((p) => p.label === 'Location');
      expect(location?.count).toBe(FOREIGN_COUNTS.Location);
      expect(location?.scanned).toBeLessThan(FOREIGN_COUNTS.Location);
      const narrowed = await search('zzzz-not-there', '&labels=Person', bounded);
      expect(narrowed.partial).toBe(false);
    } finally {
      await bounded.close();
    }
  });

  it('matches a full name held in two properties, best match first', async () => {
    const body = await search('Todd Hamilton');
    expect(body.hits.length).toBeGreaterThan(0);
    const first = body.hits[0]?.node.properties;
    expect([first?.name, first?.surname]).toEqual(['Todd', 'Hamilton']);
    const reversed = await search('Hamilton Todd');
    expect(reversed.hits[0]?.node.properties.surname).toBe('Hamilton');
  });

  it('tolerates a typo without a full-text index, and says so', async () => {
    const body = await search('Hamiltn');
    expect(body.fallback).toBe('typo');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h) => JSON.stringify(h.node.properties).includes('Hamilton'))).toBe(
      true,
    );
    const none = await search('Qwxzvb');
    expect(none.hits).toEqual([]);
  });

  it('orders equal scores by caption', async () => {
    const body = await search('Todd', '&labels=Person&limit=30');
    const shown = captions(body);
    const equal = body.hits.filter((h) => h.score === body.hits[0]?.score).length;
    expect(equal).toBeGreaterThan(1);
    const head = shown.slice(0, equal);
    expect(head).toEqual([...head].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });
});

describe('captions chosen from the schema', () => {
  it('join given name and surname, and prefer type and registration over dates and makes', () => {
    expect(schema.captions.Person).toEqual(['name', 'surname']);
    expect(schema.captions.Officer).toEqual(['name', 'surname']);
    expect(schema.captions.Crime).toEqual(['type']);
    expect(schema.captions.Vehicle).toEqual(['reg']);
  });

  it('tell two people called Todd apart', async () => {
    const body = await search('Todd', '&labels=Person&limit=40');
    const distinct = new Set(captions(body));
    expect(distinct.size).toBeGreaterThan(1);
    expect([...distinct].every((c) => c.startsWith('Todd '))).toBe(true);
  });
});

describe('dates read from the schema', () => {
  it('finds the text dates in their form, and takes no model year for a date', () => {
    expect(schema.dates).toContainEqual({ label: 'Crime', key: 'date', form: 'dmy' });
    expect(schema.dates.some((d) => d.label === 'Vehicle')).toBe(false);
  });

  // A two-week window in August 2017, and the crimes the graph builder dated inside it.
  const WINDOW = { from: '2017-08-10', to: '2017-08-23' };
  const inWindow = crimeDates().filter((d) => d >= WINDOW.from && d <= WINDOW.to);

  it('keeps exactly the crimes of a two-week window, and every node without a date', async () => {
    expect(inWindow.length).toBeGreaterThan(100);
    const body = ok(
      await get(
        app.base,
        `/api/discovery/centrality?labels=Crime,Vehicle,Area&from=${WINDOW.from}&to=${WINDOW.to}&limit=1`,
      ),
      CentralityResponseSchema,
    );
    // Vehicles (a model year is no date) and areas (no date at all) all stay.
    expect(body.projection.nodes).toBe(
      inWindow.length + FOREIGN_COUNTS.Vehicle + FOREIGN_COUNTS.Area,
    );
  });

  it('fills the timeline from the crimes, says what it read, and windows it', async () => {
    const all = ok(await get(app.base, '/api/discovery/timeline'), TimelineResponseSchema);
    expect(all.properties).toEqual([{ label: 'Crime', key: 'date', form: 'dmy' }]);
    expect(all.truncated).toBe(true);
    expect(all.entries[0]?.date).toBe([...crimeDates()].sort()[0]);
    expect(all.entries[0]?.participants.length).toBeGreaterThan(0);
    const days = all.entries.map((e) => e.date ?? '');
    expect(days).toEqual([...days].sort());

    const two = ok(
      await get(app.base, `/api/discovery/timeline?from=${WINDOW.from}&to=${WINDOW.to}`),
      TimelineResponseSchema,
    );
    expect(two.truncated).toBe(false);
    expect(two.entries.every((e) => e.node.labels.includes('Crime'))).toBe(true);
    expect(two.entries.map((e) => e.date).sort()).toEqual([...inWindow].sort());
  });
});

describe('the first view', () => {
  it('is connected: every node has a tie in the view, and every label is there', async () => {
    const view = ok(await get(app.base, '/api/graph/overview?limit=150'), OverviewResponseSchema);
    expect(view.nodes.length).toBeGreaterThan(50);
    expect(view.nodes.length).toBeLessThanOrEqual(150);
    const tied = new Set(view.relationships.flatMap((r) => [r.start, r.end]));
    expect(view.nodes.filter((n) => !tied.has(n.id))).toEqual([]);
    const labels = new Set(view.nodes.flatMap((n) => n.labels));
    expect([...labels].sort()).toEqual(Object.keys(FOREIGN_COUNTS).sort());
  });
});

describe('the warm-up', () => {
  it('left the whole graph projected: the first connect reads no projection', async () => {
    const [a, b] = await db.read(async (tx) =>
      (
        await tx.run('MATCH (a:Person)-[]-()-[]-(b:Person) WHERE a <> b RETURN a, b LIMIT 1')
      ).records.flatMap((r) => [r.get('a').elementId as string, r.get('b').elementId as string]),
    );
    const body = ok(
      await get(app.base, `/api/discovery/connect?from=${enc(a ?? '')}&to=${enc(b ?? '')}`),
      ConnectResponseSchema,
    );
    expect(body.projection.fresh).toBe(false);
    expect(body.paths.length).toBeGreaterThan(0);
  });
});

describe('the full-text index a user may ask for (npm run search:index)', () => {
  it('covers every captioned label and turns search into index lookups', async () => {
    const statement = searchIndexStatement(schema.captions);
    expect(statement).toContain('`Vehicle`');
    expect(statement).toContain('n.`reg`');
    await db.runAutoCommit(statement ?? '');
    await db.runAutoCommit('CALL db.awaitIndex($name, 300)', { name: SEARCH_INDEX_NAME });
    const indexed = await serve(db);
    try {
      const body = await search('Hamiltn', '', indexed);
      expect(body.mode).toBe('fulltext');
      expect(body.indexes).toEqual([SEARCH_INDEX_NAME]);
      expect(body.hits[0]?.node.properties.surname).toBe('Hamilton');
      const reg = await search('XY16 GHK6', '', indexed);
      expect(reg.hits[0]?.node.properties.reg).toBe('XY16 GHK6');
    } finally {
      await indexed.close();
    }
  });
});
