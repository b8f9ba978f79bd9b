/**
 * The loaded seed graph in a real Neo4j: counts per label and type (expected figures computed
 * from graph-seed/seed.json directly, not from the loader's plan), evidence offsets checked
 * against the stored texts, paragraph coverage, background knowledge kept apart, search, schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Integer } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { loadSeed, type SeedSummary } from '../../server/seed/index.ts';
import { ENTITY_KINDS } from '../../server/model/ontology.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

interface RawQuote {
  passage: string;
  start: number;
  end: number;
  quote: string;
}
interface RawSeed {
  name: string;
  documents: { key: string; file: string; title: string; url: string; paragraphs: number }[];
  entities: { key: string; kind: string; source: string; mentions?: RawQuote[] }[];
  relationships: {
    type: string;
    from: string;
    to: string;
    source: string;
    evidence?: RawQuote[];
  }[];
}

const SEED_DIR = path.join(REPO_ROOT, 'graph-seed');
const raw = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'seed.json'), 'utf8')) as RawSeed;
const sourceOf = (file: string) => fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
/** Paragraphs counted independently of the loader: blocks between blank lines. */
const blocksOf = (text: string) => text.split(/\n\s*\n/).filter((b) => b.trim().length > 0);

const tally = (names: string[]) =>
  names.reduce<Record<string, number>>((acc, n) => ({ ...acc, [n]: (acc[n] ?? 0) + 1 }), {});

function expectedLabels(): Record<string, number> {
  const passages = raw.documents.reduce((n, d) => n + blocksOf(sourceOf(d.file)).length, 0);
  return {
    ...tally(raw.entities.map((e) => e.kind)),
    Entity: raw.entities.length,
    Document: raw.documents.length,
    Passage: passages,
  };
}

function expectedTypes(): Record<string, number> {
  const mentions = raw.entities.reduce((n, e) => n + (e.mentions?.length ?? 0), 0);
  return {
    ...tally(raw.relationships.map((r) => r.type)),
    MENTIONS: mentions,
    HAS_PASSAGE: expectedLabels().Passage ?? 0,
  };
}

async function rows<T = Record<string, unknown>>(
  db: Database,
  query: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  return db.read(async (tx) => {
    const result = await tx.run(query, params);
    return result.records.map((r) => r.toObject() as T);
  });
}

const num = (value: unknown) => (neo4j.isInt(value) ? (value as Integer).toNumber() : value);

describe.sequential('seed graph in Neo4j', () => {
  let db: Database;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    summary = await loadSeed(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('has the nodes per label and relationships per type that the seed file declares', async () => {
    const labels = await rows<{ label: string; count: Integer }>(
      db,
      'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count',
    );
    const types = await rows<{ type: string; count: Integer }>(
      db,
      'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count',
    );
    const asMap = (list: { count: Integer }[], key: 'label' | 'type') =>
      Object.fromEntries(list.map((r) => [(r as Record<string, unknown>)[key], num(r.count)]));
    expect(asMap(labels, 'label')).toEqual(expectedLabels());
    expect(asMap(types, 'type')).toEqual(expectedTypes());
    expect(summary.labels).toEqual(expectedLabels());
    expect(summary.types).toEqual(expectedTypes());
    expect(summary.nodes).toBe(
      raw.entities.length + raw.documents.length + expectedLabels().Passage!,
    );
    console.info(`seed load into an empty database: ${summary.ms} ms`, summary.timings);
  });

  it('stores the source document byte for byte, with its title as published and normalised', async () => {
    const [doc] = await rows(db, 'MATCH (d:Document) RETURN d');
    const d = (doc?.d as { properties: Record<string, unknown> }).properties;
    const source = raw.documents[0]!;
    const bytes = fs.readFileSync(path.join(SEED_DIR, source.file));
    expect(Buffer.from(d.text as string, 'utf8').equals(bytes)).toBe(true);
    expect(d.title).toBe(source.title);
    expect((d.title as string).endsWith('Russi\u0430')).toBe(true);
    expect(d.normalisedTitle).toBe(
      'Top-level meetings and negotiations between Tajikistan and Russia',
    );
    expect(d.url).toBe(source.url);
    expect(d.publisher).toBe('Consulate General of the Republic of Tajikistan in Istanbul');
    expect(d.excerpt).toContain('whole published article');
    expect(num(d.paragraphCount)).toBe(14);
  });

  it('gives every passage its text and offsets into the document', async () => {
    const passages = await rows<{
      text: string;
      start: Integer;
      end: Integer;
      index: Integer;
      doc: string;
    }>(
      db,
      `MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
       RETURN p.text AS text, p.start AS start, p.end AS end, p.index AS index, d.text AS doc
       ORDER BY p.index`,
    );
    const doc = passages[0]!.doc;
    expect(passages.map((p) => p.text)).toEqual(blocksOf(doc).map((b) => b.trim()));
    for (const p of passages)
      expect(doc.slice(num(p.start) as number, num(p.end) as number)).toBe(p.text);
  });

  it('backs every text fact with quotes found at their offsets in passage and document', async () => {
    const facts = await rows<Record<string, unknown>>(
      db,
      `MATCH (a)-[r]->(b) WHERE r.source = 'text'
       RETURN type(r) AS type, a.key AS from, b.key AS to, r.evidencePassages AS passages,
              r.evidenceQuotes AS quotes, r.evidenceStarts AS starts, r.evidenceEnds AS ends,
              r.evidenceDocStarts AS docStarts, r.evidenceDocEnds AS docEnds`,
    );
    expect(facts).toHaveLength(raw.relationships.filter((r) => r.source === 'text').length);
    const texts = new Map(
      (
        await rows<{ key: string; text: string }>(
          db,
          'MATCH (p:Passage) RETURN p.key AS key, p.text AS text',
        )
      ).map((p) => [p.key, p.text]),
    );
    const doc = (await rows<{ text: string }>(db, 'MATCH (d:Document) RETURN d.text AS text'))[0]!
      .text;
    let checked = 0;
    for (const fact of facts) {
      const passages = fact.passages as string[];
      expect(passages.length, `${fact.type} ${fact.from}->${fact.to}`).toBeGreaterThan(0);
      for (const list of ['quotes', 'starts', 'ends', 'docStarts', 'docEnds']) {
        expect((fact[list] as unknown[]).length).toBe(passages.length);
      }
      passages.forEach((key, i) => {
        const at = (list: string) => num((fact[list] as unknown[])[i]) as number;
        const quote = (fact.quotes as string[])[i];
        expect(texts.get(key)?.slice(at('starts'), at('ends'))).toBe(quote);
        expect(doc.slice(at('docStarts'), at('docEnds'))).toBe(quote);
        checked++;
      });
    }
    const declared = raw.relationships.reduce((n, r) => n + (r.evidence?.length ?? 0), 0);
    expect(checked).toBe(declared);
  });

  it('agrees with Cypher substring() on every quote, so offsets work in queries too', async () => {
    const [result] = await rows<{ facts: Integer; mentions: Integer; bad: unknown[] }>(
      db,
      `MATCH (d:Document)
       CALL (d) {
         MATCH ()-[r]->() WHERE r.source = 'text'
         UNWIND range(0, size(r.evidencePassages) - 1) AS i
         WITH r, i, substring(d.text, r.evidenceDocStarts[i], r.evidenceDocEnds[i] - r.evidenceDocStarts[i]) AS found
         RETURN count(*) AS facts, collect(CASE WHEN found <> r.evidenceQuotes[i] THEN r.key END) AS badFacts
       }
       CALL (d) {
         MATCH (p:Passage)-[m:MENTIONS]->()
         WITH m, substring(p.text, m.start, m.end - m.start) AS inPassage,
              substring(d.text, m.docStart, m.docEnd - m.docStart) AS inDocument
         RETURN count(*) AS mentions,
                collect(CASE WHEN inPassage <> m.quote OR inDocument <> m.quote THEN m.key END) AS badMentions
       }
       RETURN facts, mentions, badFacts + badMentions AS bad`,
    );
    expect(num(result?.facts)).toBe(
      raw.relationships.reduce((n, r) => n + (r.evidence?.length ?? 0), 0),
    );
    expect(num(result?.mentions)).toBe(expectedTypes().MENTIONS);
    expect(result?.bad).toEqual([]);
  });

  it('covers every paragraph, and the title, with at least one fact', async () => {
    const uncovered = await rows(
      db,
      `MATCH (p:Passage)
       WHERE NOT EXISTS { MATCH ()-[r]->() WHERE p.key IN r.evidencePassages }
       RETURN p.key AS key`,
    );
    expect(uncovered).toEqual([]);
    const [count] = await rows<{ n: Integer }>(
      db,
      "MATCH (p:Passage {kind: 'paragraph'}) RETURN count(p) AS n",
    );
    expect(num(count?.n)).toBe(raw.documents[0]!.paragraphs);
  });

  it('mentions every text entity in the text, and no background entity', async () => {
    const entities = await rows<{
      key: string;
      source: string;
      basis: string | null;
      mentions: Integer;
    }>(
      db,
      `MATCH (e:Entity)
       RETURN e.key AS key, e.source AS source, e.basis AS basis, COUNT { (:Passage)-[:MENTIONS]->(e) } AS mentions`,
    );
    expect(entities).toHaveLength(raw.entities.length);
    for (const e of entities) {
      if (e.source === 'text') {
        expect(num(e.mentions), e.key).toBeGreaterThan(0);
        expect(e.basis).toBeNull();
      } else {
        expect(e.source).toBe('background');
        expect(num(e.mentions), e.key).toBe(0);
        expect(e.basis, e.key).toMatch(/\S/);
      }
    }
  });

  it('keeps background knowledge apart: whole facts with a basis, and properties named with theirs', async () => {
    const background = await rows<{ type: string; from: string; basis: string; quotes: string[] }>(
      db,
      `MATCH (a)-[r]->() WHERE r.source = 'background'
       RETURN type(r) AS type, a.key AS from, r.basis AS basis, r.evidenceQuotes AS quotes`,
    );
    expect(background).toHaveLength(
      raw.relationships.filter((r) => r.source === 'background').length,
    );
    for (const fact of background) {
      expect(fact.basis).toMatch(/\S/);
      expect(fact.quotes).toEqual([]);
    }
    // Putin led the Russian side: known from the Kremlin transcript, not from the article.
    const participants = await rows<{ name: string; source: string; basis: string | null }>(
      db,
      `MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Meeting)
       RETURN p.name AS name, r.source AS source, r.basis AS basis ORDER BY name`,
    );
    expect(participants.map((p) => [p.name, p.source])).toEqual([
      ['Emomali Rahmon', 'text'],
      ['Vladimir Putin', 'background'],
    ]);
    expect(participants[1]?.basis).toContain(
      'Press statements following Russian-Tajikistani talks',
    );
    // A text entity with background properties names each one with its basis.
    const [tajikistan] = await rows<{ names: string[]; bases: string[]; iso2: string }>(
      db,
      `MATCH (c:Country {key: 'country:tajikistan'})
       RETURN c.backgroundProperties AS names, c.backgroundBases AS bases, c.iso2 AS iso2`,
    );
    expect(tajikistan?.iso2).toBe('TJ');
    expect(tajikistan?.names.length).toBe(tajikistan?.bases.length);
    expect(tajikistan?.bases[tajikistan.names.indexOf('iso2')]).toContain('ISO 3166-1');
    expect(tajikistan?.names).not.toContain('officialName');
  });

  it('types values: the trade indicator with qualifier, integer value, unit and year; dates as dates', async () => {
    const [indicator] = await rows<Record<string, unknown>>(
      db,
      `MATCH (:Meeting)-[:NOTED]->(i:Indicator)
       RETURN i.qualifier AS qualifier, i.value AS value, i.unit AS unit, i.year AS year`,
    );
    expect(indicator?.qualifier).toBe('more than');
    expect(neo4j.isInt(indicator?.value)).toBe(true);
    expect(num(indicator?.value)).toBe(1_000_000_000);
    expect(indicator?.unit).toBe('USD');
    expect(num(indicator?.year)).toBe(2016);
    const [meeting] = await rows<{ date: unknown; backgroundProperties: string[] }>(
      db,
      'MATCH (m:Meeting) RETURN m.date AS date, m.backgroundProperties AS backgroundProperties',
    );
    expect(neo4j.isDate(meeting?.date)).toBe(true);
    expect(String(meeting?.date)).toBe('2017-02-27');
    expect(meeting?.backgroundProperties).toContain('date');
  });

  it('finds entities through the full-text index by name, alias and official name', async () => {
    const search = async (q: string) =>
      (
        await rows<{ key: string }>(
          db,
          `CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
           RETURN node.key AS key ORDER BY score DESC LIMIT 1`,
          { q },
        )
      )[0]?.key;
    expect(await search('Rakhmon')).toBe('person:emomali-rahmon');
    expect(await search('"Russian Federation"')).toBe('country:russia');
    expect(await search('"Republic of Tajikistan"')).toBe('country:tajikistan');
    expect(await search('Tajik')).toBe('country:tajikistan');
    expect(await search('Nevsky')).toBe('award:order-of-alexander-nevsky');
    expect(await search('CSTO')).toBe('organisation:csto');
  });

  it('creates a unique key constraint per kind and the full-text index', async () => {
    const constraints = await rows<{ name: string; labels: string[]; props: string[] }>(
      db,
      "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes AS labels, properties AS props",
    );
    const byLabel = Object.fromEntries(constraints.map((c) => [c.labels[0], c.props]));
    for (const label of [...ENTITY_KINDS, 'Entity', 'Document', 'Passage']) {
      expect(byLabel[label], label).toEqual(['key']);
    }
    const [index] = await rows<{
      labels: string[];
      props: string[];
      state: string;
      options: { indexConfig: Record<string, unknown> };
    }>(
      db,
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state, options WHERE name = 'entity_search' RETURN labelsOrTypes AS labels, properties AS props, state, options",
    );
    expect(index?.labels).toEqual(['Entity']);
    expect(index?.props).toEqual(['name', 'aliases', 'searchText']);
    expect(index?.state).toBe('ONLINE');
    expect(index?.options.indexConfig['fulltext.analyzer']).toBe('standard-folding');
  });
});
