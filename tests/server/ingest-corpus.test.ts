/**
 * The real press texts in ../shared/corpus (read there, never copied into the repository), with
 * expectations checked by hand against each text; then all of them ingested with the seed into a
 * real Neo4j: one connected graph whose shared entities are single nodes.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { extractWithRules } from '../../server/ingest/extract/rules.ts';
import type { Extraction } from '../../server/ingest/extract/types.ts';
import { ingestDocument, prepareDocument } from '../../server/ingest/index.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { SHARED_DIR, clearDatabase, openTestDatabase } from '../support/neo4j.ts';

const CORPUS = path.join(SHARED_DIR, 'corpus');
const hasCorpus = fs.existsSync(path.join(CORPUS, '01.txt'));
const MISSING = `../shared/corpus not found beside the repository (${CORPUS}): skipping the tests on real press texts`;
const FILES = ['01', '03', '05', '07', '09'];

function extract(file: string): Extraction {
  return extractWithRules(
    prepareDocument({ bytes: fs.readFileSync(path.join(CORPUS, `${file}.txt`)), origin: file }),
  );
}

const has = (x: Extraction, type: string, from: string, to: string) =>
  x.facts.some(
    (f) =>
      f.type === type &&
      ((f.from === from && f.to === to) ||
        (f.from === to &&
          f.to === from &&
          ['STRATEGIC_PARTNER_OF', 'BORDERS', 'TRADES_WITH', 'DIPLOMATIC_RELATIONS_WITH'].includes(
            type,
          ))),
  );
const entity = (x: Extraction, id: string) => x.entities.find((e) => e.id === id);
const meeting = (x: Extraction) => x.entities.find((e) => e.kind === 'Meeting');
const indicators = (x: Extraction) =>
  x.entities.filter((e) => e.kind === 'Indicator').map((e) => e.properties);

describe.skipIf(!hasCorpus)('extraction from the corpus texts', () => {
  if (!hasCorpus) console.warn(MISSING);

  it('01: Rahmon and Putin in Qingdao on the SCO summit’s sidelines; trade, investment, servicemen', () => {
    const x = extract('01');
    expect(entity(x, 'person:emomali-rahmon')?.properties.title).toBe('President of Tajikistan');
    expect(entity(x, 'person:vladimir-putin')?.properties.title).toBe('President of Russia');
    expect(entity(x, 'person:dmitry-medvedev')?.properties.title).toBe('Prime Minister');
    expect(meeting(x)?.properties).toMatchObject({
      date: { date: '2018-06-09' },
      place: 'Qingdao',
      occasion: 'SCO summit',
    });
    const m = meeting(x)?.id ?? '';
    expect(has(x, 'HOSTED', 'country:china', m)).toBe(true);
    for (const p of [
      'person:emomali-rahmon',
      'person:vladimir-putin',
      'country:tajikistan',
      'country:russia',
    ])
      expect(has(x, 'PARTICIPATED_IN', p, m)).toBe(true);
    expect(has(x, 'PARTICIPATED_IN', 'person:dmitry-medvedev', m)).toBe(false);
    expect(entity(x, 'organisation:sco')).toBeDefined();
    expect(has(x, 'STRATEGIC_PARTNER_OF', 'country:tajikistan', 'country:russia')).toBe(true);
    expect(has(x, 'BORDERS', 'country:tajikistan', 'country:afghanistan')).toBe(true);
    expect(has(x, 'LEADING_TRADE_PARTNER_OF', 'country:russia', 'country:tajikistan')).toBe(true);
    expect(entity(x, 'sphere:military-technical-cooperation')).toBeDefined();
    expect(entity(x, 'threat:global-threats-and-challenges')).toBeDefined();
    expect(indicators(x)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          measure: 'trade volume growth',
          value: 18,
          unit: '%',
          year: 2018,
          period: 'first three months',
        }),
        expect.objectContaining({
          measure: 'investment',
          value: 2e9,
          unit: 'USD',
          qualifier: 'nearly',
        }),
        expect.objectContaining({ value: 500, unit: 'persons' }),
      ]),
    );
  });

  it('03: Moscow, 16 May 2022, margins of the CSTO summit; CIS and CSTO frameworks; the commission', () => {
    const x = extract('03');
    const m = meeting(x);
    expect(m?.properties).toMatchObject({ date: { date: '2022-05-16' }, place: 'Moscow' });
    expect(String(m?.properties.occasion)).toMatch(/Collective Security Treaty Organization/);
    expect(has(x, 'HOSTED', 'country:russia', m?.id ?? '')).toBe(true);
    for (const org of ['organisation:cis', 'organisation:csto']) {
      expect(has(x, 'MEMBER_OF', 'country:tajikistan', org)).toBe(true);
      expect(has(x, 'MEMBER_OF', 'country:russia', org)).toBe(true);
    }
    const commission = x.entities.find((e) => e.properties.type === 'commission');
    expect(commission?.name).toBe(
      'Intergovernmental Commission on Trade and Economic Cooperation (Russia–Tajikistan)',
    );
    expect(entity(x, 'country:afghanistan')).toBeDefined();
    expect(has(x, 'LEADS', 'person:vladimir-putin', 'country:russia')).toBe(true);
  });

  it('05: Xi Jinping and Rahmon in Beijing; comprehensive strategic partnership; Belt and Road; proposals', () => {
    const x = extract('05');
    expect(entity(x, 'person:xi-jinping')?.properties.title).toBe('President of China');
    expect(meeting(x)?.properties).toMatchObject({
      date: { date: '2017-08-31' },
      place: 'Beijing',
    });
    expect(x.facts.find((f) => f.type === 'STRATEGIC_PARTNER_OF')?.properties).toMatchObject({
      level: 'comprehensive',
    });
    for (const org of [
      'organisation:belt-and-road-initiative',
      'organisation:silk-road-fund',
      'organisation:aiib',
      'organisation:sco',
    ])
      expect(entity(x, org)).toBeDefined();
    expect(has(x, 'MEMBER_OF', 'country:china', 'organisation:sco')).toBe(true);
    const proposals = x.facts.filter((f) => f.type === 'PROPOSED');
    expect(proposals.map((f) => f.from)).toEqual(['person:xi-jinping', 'person:xi-jinping']);
    const requested = x.facts.filter((f) => f.type === 'REQUESTED_OF');
    expect(requested.map((f) => f.to)).toEqual(['country:tajikistan']);
    for (const s of [
      'transport',
      'energy',
      'agriculture',
      'culture',
      'education',
      'youth',
      'finance',
      'water-resources',
      'mining',
    ])
      expect(entity(x, `sphere:${s}`)).toBeDefined();
  });

  it('07: Rahmon and Mirziyoyev at the Belt and Road Forum; trade turnover figures', () => {
    const x = extract('07');
    expect(entity(x, 'person:shavkat-mirziyoyev')?.properties.title).toBe(
      'President of Uzbekistan',
    );
    const m = meeting(x);
    expect(m?.properties.place).toBe('Beijing');
    expect(String(m?.properties.occasion)).toMatch(/Belt and Road Forum/);
    expect(m?.background.flatMap((b) => Object.entries(b.properties))).toContainEqual([
      'year',
      2019,
    ]);
    expect(
      entity(x, 'organisation:belt-and-road-forum-for-international-cooperation')?.properties.type,
    ).toBe('forum');
    expect(indicators(x)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          measure: 'trade turnover',
          value: 62e6,
          unit: 'USD',
          year: 2019,
          period: 'first quarter',
        }),
        expect.objectContaining({
          measure: 'expected trade turnover increase',
          value: 500e6,
          unit: 'USD',
        }),
      ]),
    );
    expect(has(x, 'TRADES_WITH', 'country:tajikistan', 'country:uzbekistan')).toBe(true);
  });

  it('09: Tokayev’s visit to Dushanbe; UN, SCO, OSCE; trade last year', () => {
    const x = extract('09');
    expect(entity(x, 'person:kassym-jomart-tokayev')?.properties.office).toBe('Head of State');
    expect(has(x, 'LEADS', 'person:kassym-jomart-tokayev', 'country:kazakhstan')).toBe(true);
    const m = meeting(x);
    expect(m?.properties).toMatchObject({ date: { date: '2021-05-20' }, place: 'Dushanbe' });
    expect(has(x, 'HOSTED', 'country:tajikistan', m?.id ?? '')).toBe(true);
    expect(has(x, 'STRATEGIC_PARTNER_OF', 'country:kazakhstan', 'country:tajikistan')).toBe(true);
    expect(has(x, 'THANKED', 'person:kassym-jomart-tokayev', 'country:tajikistan')).toBe(true);
    for (const org of ['organisation:un', 'organisation:sco', 'organisation:osce'])
      expect(has(x, 'MEMBER_OF', 'country:kazakhstan', org)).toBe(true);
    expect(entity(x, 'organisation:cica')).toBeDefined();
    expect(entity(x, 'venue:kasri-millat')).toMatchObject({
      kind: 'Venue',
      name: 'Kasri Millat',
      properties: { facility: 'palace' },
    });
    expect(has(x, 'HELD_AT', m?.id ?? '', 'venue:kasri-millat')).toBe(true);
    expect(indicators(x)).toContainEqual(
      expect.objectContaining({
        measure: 'trade volume',
        value: 8e8,
        year: 2020,
        yearBasis: 'publication date',
      }),
    );
  });

  it('quotes every mention and fact exactly at its offsets', () => {
    for (const file of FILES) {
      const prepared = prepareDocument({
        bytes: fs.readFileSync(path.join(CORPUS, `${file}.txt`)),
      });
      const x = extractWithRules(prepared);
      const spans = [
        ...x.entities.flatMap((e) => e.mentions),
        ...x.facts.flatMap((f) => f.evidence),
      ];
      expect(spans.length).toBeGreaterThan(20);
      for (const s of spans)
        expect(prepared.passages[s.passage]?.text.slice(s.start, s.end)).toBe(s.quote);
    }
  });
});

describe.skipIf(!hasCorpus)('the corpus ingested with the seed', () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await loadSeed(db);
    for (const file of FILES)
      await ingestDocument(db, {
        bytes: fs.readFileSync(path.join(CORPUS, `${file}.txt`)),
        origin: file,
      });
  });

  afterAll(async () => {
    await db?.close();
  });

  const read = async (query: string) => db.read(async (tx) => (await tx.run(query)).records);

  it('keeps shared entities as single nodes', async () => {
    const rows = await read(
      `MATCH (n:Entity) WHERE n.key IN ['country:tajikistan', 'country:russia', 'person:emomali-rahmon', 'person:vladimir-putin', 'organisation:sco']
       RETURN n.key AS key, size(n.documents) AS documents`,
    );
    expect(
      Object.fromEntries(
        rows.map((r) => [r.get('key'), neo4j.integer.toNumber(r.get('documents'))]),
      ),
    ).toEqual({
      'country:tajikistan': 5,
      'country:russia': 2,
      'person:emomali-rahmon': 5,
      'person:vladimir-putin': 2,
      'organisation:sco': 3,
    });
    const duplicates = await read(
      `MATCH (n:Entity) WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS kind, toLower(n.name) AS name, count(*) AS copies
       WHERE copies > 1 RETURN kind, name`,
    );
    expect(duplicates.map((r) => `${r.get('kind')} ${r.get('name')}`)).toEqual([]);
    // Rahmon and Putin (seed), Medvedev, Xi Jinping, Mirziyoyev, Tokayev.
    expect(
      neo4j.integer.toNumber((await read('MATCH (p:Person) RETURN count(p) AS n'))[0]?.get('n')),
    ).toBe(6);
    expect(
      neo4j.integer.toNumber((await read('MATCH (m:Meeting) RETURN count(m) AS n'))[0]?.get('n')),
    ).toBe(6);
  });

  it('states no fact without a quote from every document it names', async () => {
    // Every document a fact lists must have at least one evidence passage of its own.
    const rows = await read(
      `MATCH (a)-[r]->(b) WHERE size(coalesce(r.documents, [])) > 0
       UNWIND r.documents AS document
       WITH a, r, b, document
       WHERE none(p IN coalesce(r.evidencePassages, []) WHERE p STARTS WITH document + '#')
       RETURN a.key + ' ' + type(r) + ' ' + coalesce(b.key, '') + ' (' + document + ')' AS fact`,
    );
    expect(rows.map((r) => r.get('fact') as string)).toEqual([]);
    const quoted = await read(
      `MATCH ()-[r]->() WHERE size(coalesce(r.documents, [])) > 0 RETURN count(r) AS n`,
    );
    expect(neo4j.integer.toNumber(quoted[0]?.get('n'))).toBeGreaterThan(50);
  });

  it('is one connected graph', async () => {
    const nodes = await read('MATCH (n) RETURN elementId(n) AS id');
    const edges = await read('MATCH (a)-[]->(b) RETURN elementId(a) AS a, elementId(b) AS b');
    const parent = new Map<string, string>(
      nodes.map((r) => [r.get('id') as string, r.get('id') as string]),
    );
    const find = (x: string): string => {
      const p = parent.get(x) ?? x;
      if (p === x) return x;
      const root = find(p);
      parent.set(x, root);
      return root;
    };
    for (const e of edges) parent.set(find(e.get('a') as string), find(e.get('b') as string));
    const components = new Set([...parent.keys()].map(find));
    expect(nodes.length).toBeGreaterThan(100);
    expect(components.size).toBe(1);
  });

  it('09: the Kasri Millat palace is a Venue the meeting was held at, with its quotes', async () => {
    const venue = await db.read(async (tx) => {
      const result = await tx.run<{ name: string; facility: string; quotes: string[] }>(
        `MATCH (v:Venue:Entity {key: 'venue:kasri-millat'})
         RETURN v.name AS name, v.facility AS facility,
                [(p:Passage)-[m:MENTIONS]->(v) | p.text] AS quotes`,
      );
      return result.records.map((r) => r.toObject());
    });
    expect(venue).toEqual([
      { name: 'Kasri Millat', facility: 'palace', quotes: [expect.any(String)] },
    ]);
    const held = await db.read(async (tx) => {
      const result = await tx.run<{ meeting: string; quotes: string[]; mention: string }>(
        `MATCH (m:Meeting)-[r:HELD_AT]->(:Venue {key: 'venue:kasri-millat'})
         MATCH (:Passage)-[x:MENTIONS]->(:Venue {key: 'venue:kasri-millat'})
         RETURN m.place AS meeting, r.evidenceQuotes AS quotes, x.quote AS mention`,
      );
      return result.records.map((r) => r.toObject());
    });
    expect(held).toHaveLength(1);
    expect(held[0]?.meeting).toBe('Dushanbe');
    expect(held[0]?.mention).toBe('Kasri Millat palace');
    expect(held[0]?.quotes).toEqual([expect.stringContaining('in the Kasri Millat palace')]);
  });

  it('records who said what: Rahmon’s leadership is stated by five documents', async () => {
    const rows = await read(
      `MATCH (:Person {key: 'person:emomali-rahmon'})-[r:LEADS]->(:Country {key: 'country:tajikistan'}) RETURN r.documents AS d, r.evidencePassages AS p, r.seed AS seed`,
    );
    expect(rows).toHaveLength(1);
    expect((rows[0]?.get('d') as string[]).length).toBe(5);
    expect(rows[0]?.get('seed')).toBe('tajikistan-russia-top-level-talks');
    expect((rows[0]?.get('p') as string[]).length).toBe(6);
  });
});
