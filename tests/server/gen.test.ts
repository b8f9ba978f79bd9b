/**
 * The synthetic graph generator: determinism, exact sizes, conformance to the ontology, exact
 * evidence offsets, power-law skew with hubs, the command line's checks; and loading into a
 * real Neo4j (counts, evidence, full-text search, refusing a non-empty database, one-row mode).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import {
  FACT_TYPES,
  HAS_PASSAGE,
  MENTIONS,
  RELATIONSHIP_SPECS,
} from '../../server/model/ontology.ts';
import { UsageError, parseGenArgs } from '../../tools/gen/args.ts';
import { ARRAY_DELIMITER, importArguments, writeCsv } from '../../tools/gen/csv.ts';
import { generateGraph, type Chunk } from '../../tools/gen/graph.ts';
import { LoadError, loadGraph } from '../../tools/gen/load.ts';
import type { NodeRow, RelationshipRow } from '../../tools/gen/rows.ts';
import { StatsCollector } from '../../tools/gen/stats.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

function collect(
  rels: number,
  seed = 'test',
): { chunks: Chunk[]; nodes: NodeRow[]; relationships: RelationshipRow[] } {
  const chunks = [...generateGraph({ rels, seed })];
  return {
    chunks,
    nodes: chunks.flatMap((c) => c.nodes),
    relationships: chunks.flatMap((c) => c.relationships),
  };
}

function statsOf(rels: number, seed: string) {
  const stats = new StatsCollector();
  for (const chunk of generateGraph({ rels, seed })) stats.add(chunk);
  return stats.result();
}

const numberOf = (value: unknown) => Number(value as number);

describe('generator', () => {
  it('gives the same rows for the same size and seed, and other rows for another seed', () => {
    const a = statsOf(3_000, 'alpha');
    expect(statsOf(3_000, 'alpha').checksum).toBe(a.checksum);
    expect(statsOf(3_000, 'beta').checksum).not.toBe(a.checksum);
    expect(statsOf(3_001, 'alpha').checksum).not.toBe(a.checksum);
  });

  it.each([100, 1_234, 5_000])('generates exactly %i relationships', (rels) => {
    const { relationships, nodes } = collect(rels);
    expect(relationships).toHaveLength(rels);
    expect(new Set(nodes.map((n) => n.key)).size).toBe(nodes.length);
  });

  it('uses only the ontology and connects facts between the kinds it allows', () => {
    const { nodes, relationships } = collect(8_000);
    const kindOf = new Map(nodes.map((n) => [n.key, n.kind ?? n.label]));
    for (const rel of relationships) {
      expect(kindOf.has(rel.from), `${rel.type} from ${rel.from}`).toBe(true);
      expect(kindOf.has(rel.to), `${rel.type} to ${rel.to}`).toBe(true);
      if (rel.type === HAS_PASSAGE) {
        expect([kindOf.get(rel.from), kindOf.get(rel.to)]).toEqual(['Document', 'Passage']);
      } else if (rel.type === MENTIONS) {
        expect(kindOf.get(rel.from)).toBe('Passage');
      } else {
        expect(FACT_TYPES).toContain(rel.type);
        const spec = RELATIONSHIP_SPECS[rel.type];
        expect(
          spec.from as readonly string[],
          `${rel.type} from ${kindOf.get(rel.from)}`,
        ).toContain(kindOf.get(rel.from));
        expect(spec.to as readonly string[], `${rel.type} to ${kindOf.get(rel.to)}`).toContain(
          kindOf.get(rel.to),
        );
      }
    }
    const types = new Set(relationships.map((r) => r.type));
    // A realistic graph uses most of the vocabulary, not one or two types.
    expect(types.size).toBeGreaterThanOrEqual(20);
  });

  it('quotes evidence and mentions at their exact offsets in passage and document', () => {
    const { nodes, relationships } = collect(4_000);
    const passages = new Map(nodes.filter((n) => n.label === 'Passage').map((n) => [n.key, n]));
    const documents = new Map(nodes.filter((n) => n.label === 'Document').map((n) => [n.key, n]));
    let checked = 0;
    for (const rel of relationships) {
      const p = rel.properties;
      const quotes =
        rel.type === MENTIONS
          ? [
              {
                passage: rel.from,
                quote: p.quote,
                start: p.start,
                end: p.end,
                docStart: p.docStart,
                docEnd: p.docEnd,
              },
            ]
          : ((p.evidenceQuotes as string[] | undefined) ?? []).map((quote, i) => ({
              passage: (p.evidencePassages as string[])[i],
              quote,
              start: (p.evidenceStarts as unknown[])[i],
              end: (p.evidenceEnds as unknown[])[i],
              docStart: (p.evidenceDocStarts as unknown[])[i],
              docEnd: (p.evidenceDocEnds as unknown[])[i],
            }));
      for (const q of quotes) {
        const passage = passages.get(q.passage as string);
        expect(passage, `passage ${q.passage}`).toBeDefined();
        const text = passage!.properties.text as string;
        expect(text.slice(numberOf(q.start), numberOf(q.end))).toBe(q.quote);
        const document = documents.get(passage!.properties.documentKey as string)!;
        expect(
          (document.properties.text as string).slice(numberOf(q.docStart), numberOf(q.docEnd)),
        ).toBe(q.quote);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it('has power-law degrees: a median of a few, and hubs of degree ≥ 10,000 at 100k', () => {
    const stats = statsOf(100_000, '1');
    expect(stats.relationships).toBe(100_000);
    expect(stats.degree.median).toBeLessThanOrEqual(8);
    expect(stats.hubsOver10k).toBeGreaterThanOrEqual(1);
    expect(stats.degree.max).toBeGreaterThan(stats.degree.p99 * 20);
    expect(stats.labels.Meeting).toBeGreaterThan(3_000);
  });
});

describe('CSV files for neo4j-admin import', () => {
  it('writes one typed file per node kind and relationship type, every row once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-csv-'));
    try {
      const files = await writeCsv({ rels: 2_000, seed: 'csv' }, dir);
      const stats = statsOf(2_000, 'csv');
      expect(files.relationships.reduce((sum, g) => sum + g.rows, 0)).toBe(2_000);
      expect(files.nodes.reduce((sum, g) => sum + g.rows, 0)).toBe(stats.nodes);
      const mentions = files.relationships.find((g) => g.name === 'MENTIONS')!;
      expect(mentions.rows).toBe(stats.types.MENTIONS);
      const [header, first] = fs.readFileSync(mentions.file, 'utf8').split('\n');
      expect(header).toBe(
        ':START_ID,:END_ID,start:long,end:long,docStart:long,docEnd:long,quote:string',
      );
      expect(first).toMatch(/^document:d0000000#0,[a-z]+:[a-z-]+,\d+,\d+,\d+,\d+,/);
      const countries = fs.readFileSync(
        files.nodes.find((g) => g.name === 'Entity:Country')!.file,
        'utf8',
      );
      expect(countries.split('\n')[0]).toMatch(/^key:ID,.*aliases:string\[\].*searchText:string/);
      // Lists are joined with the array delimiter; text with commas or newlines is quoted.
      expect(countries).toContain(`Republic of `);
      expect(countries).toContain(ARRAY_DELIMITER);
      const leads = fs.readFileSync(
        files.relationships.find((g) => g.name === 'LEADS')!.file,
        'utf8',
      );
      expect(leads.split('\n')[0]).toContain('from:date');
      expect(leads.split('\n')[1]).toMatch(/,\d{4}-\d{2}-\d{2},/);
      expect(files.multiline).toEqual([files.nodes.find((g) => g.name === 'Document')!.file]);
      expect(importArguments(files)).toContain(`--relationships=MENTIONS=${mentions.file}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run gen arguments', () => {
  it('accepts sizes like 10k and defaults the rest', () => {
    const args = parseGenArgs(['--rels', '10k']);
    expect(args.graph).toEqual({ rels: 10_000, seed: '1' });
    expect(args.batchSize).toBe(10_000);
    expect(args.reset).toBe(false);
    expect(args.adminImport).toBe(false);
    expect(
      parseGenArgs(['--rels', '1m', '--seed', 'x', '--batch', '500', '--one-row', '20', '--reset']),
    ).toMatchObject({
      graph: { rels: 1_000_000, seed: 'x' },
      batchSize: 500,
      oneRow: 20,
      reset: true,
    });
  });

  it('names every problem at once', () => {
    const problems = () => parseGenArgs(['--rels', 'lots', '--batch', '0']);
    expect(problems).toThrow(UsageError);
    expect(problems).toThrow(/--rels must be a whole number/);
    expect(problems).toThrow(/--batch must be at least 1/);
    expect(() => parseGenArgs([])).toThrow(/--rels is required/);
    expect(() => parseGenArgs(['--rels', '50'])).toThrow(/rels must be a whole number from 100/);
    expect(() => parseGenArgs(['--rels', '1k', '--colour', 'red'])).toThrow(UsageError);
  });

  it('exits 1 with the usage on bad arguments, before connecting to anything', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tools/gen/cli.ts', '--rels', 'many'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--rels must be a whole number/);
    expect(run.stderr).toMatch(/Usage: npm run gen/);
  });

  it('describes a graph without a database on --dry-run', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tools/gen/cli.ts', '--rels', '2k', '--dry-run'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' },
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/2,000 relationships: MENTIONS/);
    expect(run.stdout).toContain(`checksum ${statsOf(2_000, '1').checksum}`);
  });
});

describe('loading a generated graph', () => {
  let db: Database;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
  });

  afterAll(async () => {
    await clearDatabase(db);
    await db.close();
  });

  const count = async (query: string) =>
    db.read(async (tx) => Number((await tx.run(query)).records[0]?.get(0) ?? NaN));

  it('writes every node and relationship, evidence that matches the stored texts, and a searchable index', async () => {
    const report = await loadGraph(db, { rels: 1_500, seed: 'load' }, { batchSize: 400 });
    expect(report.relationships.rows).toBe(1_500);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(1_500);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(report.stats.nodes);
    const types = await db.read(async (tx) =>
      Object.fromEntries(
        (await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n')).records.map(
          (r) => [r.get('type') as string, Number(r.get('n'))],
        ),
      ),
    );
    expect(types).toEqual(report.stats.types);
    expect(
      await count(
        'MATCH (p:Passage)-[m:MENTIONS]->() WHERE substring(p.text, m.start, m.end - m.start) <> m.quote RETURN count(m)',
      ),
    ).toBe(0);
    expect(await count('MATCH (p:Passage)-[:MENTIONS]->() RETURN count(*)')).toBeGreaterThan(100);
    expect(
      await count(
        `MATCH ()-[r]->() WHERE size(r.evidenceQuotes) > 0
         MATCH (p:Passage {key: r.evidencePassages[0]})
         WHERE substring(p.text, r.evidenceStarts[0], r.evidenceEnds[0] - r.evidenceStarts[0]) <> r.evidenceQuotes[0]
         RETURN count(r)`,
      ),
    ).toBe(0);
    const hub = report.stats.hubs[0]!;
    const found = await db.read(async (tx) =>
      (
        await tx.run(
          "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.key AS key LIMIT 5",
          {
            q: hub.name,
          },
        )
      ).records.map((r) => r.get('key') as string),
    );
    expect(found).toContain(hub.key);
  });

  it('refuses a database that is not empty, and leaves its data alone', async () => {
    const before = await count('MATCH (n) RETURN count(n)');
    await expect(loadGraph(db, { rels: 200, seed: 'other' })).rejects.toThrow(LoadError);
    await expect(loadGraph(db, { rels: 200, seed: 'other' })).rejects.toThrow(/not empty.*--reset/);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
  });

  it('loads the same graph with the first relationships one per transaction', async () => {
    const batched = statsOf(600, 'one-row');
    const report = await loadGraph(
      db,
      { rels: 600, seed: 'one-row' },
      { reset: true, oneRowRels: 50, batchSize: 200 },
    );
    expect(report.oneRow?.rows).toBe(50);
    expect(report.relationships.rows).toBe(550);
    expect(report.stats.checksum).toBe(batched.checksum);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(600);
  });
});
