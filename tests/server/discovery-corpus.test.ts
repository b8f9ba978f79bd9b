/**
 * Discovery across documents: the seed plus the press releases of ../shared/corpus, ingested
 * by the project's own ingestion. What the corpus states (its README: 9 June 2018 in Qingdao,
 * 16 May 2022 in Moscow) is checked as such; every quote an answer gives must be the exact
 * text of its passage at its offsets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceQuote } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import {
  CentralityResponseSchema,
  ConnectResponseSchema,
  ShareResponseSchema,
  TimelineResponseSchema,
} from '../../common/contract/discovery.ts';
import { ingestDocument } from '../../server/ingest/index.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase, SHARED_DIR } from '../support/neo4j.ts';
import { enc, get, ok } from './api-harness.ts';
import { idsBy, serveDiscovery, type ServedDiscovery } from './discovery-harness.ts';

const CORPUS = path.join(SHARED_DIR, 'corpus');
const hasCorpus = fs.existsSync(path.join(CORPUS, '01.txt'));
const FILES = ['01', '03', '05', '07'];

let db: Database;
let served: ServedDiscovery;
let id: Record<string, string>;

async function ingest(file: string): Promise<void> {
  const bytes = fs.readFileSync(path.join(CORPUS, `${file}.txt`));
  await ingestDocument(db, { bytes, origin: `${file}.txt` });
}

/** Every quote is its passage's text between its offsets. */
async function expectQuotesExact(quotes: EvidenceQuote[]): Promise<void> {
  const ids = [...new Set(quotes.map((q) => q.passageId).filter((p): p is string => p !== null))];
  const texts = await db.read(async (tx) => {
    const result = await tx.run(
      'MATCH (p) WHERE elementId(p) IN $ids RETURN elementId(p) AS id, p.text AS text',
      { ids },
    );
    return new Map(result.records.map((r) => [r.get('id') as string, r.get('text') as string]));
  });
  for (const quote of quotes) {
    expect(quote.passageId).not.toBeNull();
    const text = texts.get(quote.passageId as string) ?? '';
    expect(text.slice(quote.start ?? 0, quote.end ?? 0)).toBe(quote.quote);
  }
}

describe.skipIf(!hasCorpus)(
  hasCorpus ? 'discovery across documents' : `no corpus at ${CORPUS}`,
  () => {
    beforeAll(async () => {
      db = openTestDatabase();
      await clearDatabase(db);
      await loadSeed(db);
      for (const file of FILES) await ingest(file);
      id = await idsBy(db, 'key', [
        'country:tajikistan',
        'country:russia',
        'person:vladimir-putin',
      ]);
      served = await serveDiscovery(db);
    });
    afterAll(async () => {
      await served?.close();
      await db?.close();
    });

    it('puts the meetings of all documents on one timeline, by date, and windows it', async () => {
      const all = ok(await get(served.base, '/api/discovery/timeline'), TimelineResponseSchema);
      // The timeline lists every dated node; the meetings are one per document plus the seed's.
      const meetingsOf = (entries: typeof all.entries) =>
        entries.filter((e) => e.node.labels.includes('Meeting'));
      const meetings = meetingsOf(all.entries);
      expect(meetings.length).toBe(1 + FILES.length);
      const dates = all.entries.map((e) => e.date ?? `${e.year}-01-01`);
      expect([...dates].sort()).toEqual(dates);
      expect(meetings.map((e) => e.date)).toEqual(
        expect.arrayContaining(['2017-02-27', '2018-06-09', '2022-05-16']),
      );
      for (const entry of meetings) expect(entry.documents).toBeGreaterThanOrEqual(1);

      const in2018 = ok(
        await get(served.base, '/api/discovery/timeline?from=2018&to=2018'),
        TimelineResponseSchema,
      );
      for (const entry of in2018.entries) expect(entry.date ?? String(entry.year)).toMatch(/^2018/);
      expect(meetingsOf(in2018.entries).map((e) => e.date)).toEqual(['2018-06-09']);
      const qingdao = meetingsOf(in2018.entries)[0];
      expect(qingdao?.participants.map((p) => p.id)).toEqual(
        expect.arrayContaining([id['country:russia'], id['country:tajikistan']]),
      );
    });

    it('shares the meetings of several documents and every document naming both, with exact quotes', async () => {
      const tj = id['country:tajikistan'] as string;
      const ru = id['country:russia'] as string;
      const body = ok(
        await get(served.base, `/api/discovery/share?ids=${enc(tj)},${enc(ru)}`),
        ShareResponseSchema,
      );
      const meetings = body.groups.find((g) => g.relation === 'direct' && g.kind === 'Meeting');
      const meetingDates = (meetings?.items ?? []).map((i) => {
        const node = body.nodes.find((n) => n.id === i.node);
        return node?.properties.date;
      });
      // The seed talks, Qingdao 2018 and Moscow 2022 were all attended by both.
      expect(meetings?.total).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(meetingDates)).toContain('2018-06-09');
      expect(JSON.stringify(meetingDates)).toContain('2022-05-16');
      expect(body.documents.length).toBeGreaterThanOrEqual(3);
      await expectQuotesExact(body.documents.flatMap((d) => d.mentions.flatMap((m) => m.quotes)));
      await expectQuotesExact(
        body.groups.flatMap((g) =>
          g.items.flatMap((i) => i.ties.flatMap((t) => t.relationships.flatMap((r) => r.evidence))),
        ),
      );
    });

    it('connects people met in different documents, each hop quoted from its own document', async () => {
      const xi = await db.read(
        async (tx) =>
          (
            await tx.run(
              "MATCH (p:Person) WHERE p.name CONTAINS 'Xi Jinping' RETURN elementId(p) AS id",
            )
          ).records[0]?.get('id') as string,
      );
      expect(xi).toBeDefined();
      const body = ok(
        await get(
          served.base,
          `/api/discovery/connect?from=${enc(xi)}&to=${enc(id['person:vladimir-putin'] as string)}&k=3`,
        ),
        ConnectResponseSchema,
      );
      expect(body.paths.length).toBeGreaterThan(0);
      const quotes = body.paths.flatMap((p) =>
        p.hops.flatMap((h) => h.relationships.flatMap((r) => r.evidence)),
      );
      await expectQuotesExact(quotes);
      const documents = new Set(quotes.map((q) => q.passageKey?.split('#')[0]).filter(Boolean));
      expect(documents.size).toBeGreaterThanOrEqual(2);
    });

    it('narrows centrality to one document, and follows a new document at once', async () => {
      const documents = await db.read(async (tx) =>
        (
          await tx.run('MATCH (d:Document) RETURN elementId(d) AS id, d.key AS key ORDER BY key')
        ).records.map((r) => ({
          id: r.get('id') as string,
          key: r.get('key') as string,
        })),
      );
      const one = documents.find((d) => d.key !== 'document:tajikistan-russia-top-level-talks');
      // Independently: the document and what its passages mention.
      const expected = await db.read(async (tx) =>
        Number(
          (
            await tx.run(
              'MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(e) WHERE elementId(d) = $id RETURN count(DISTINCT e) + 1 AS n',
              { id: one?.id },
            )
          ).records[0]?.get('n'),
        ),
      );
      const part = ok(
        await get(served.base, `/api/discovery/centrality?documents=${enc(one?.id as string)}`),
        CentralityResponseSchema,
      );
      expect(part.projection.nodes).toBe(expected);

      const before = ok(
        await get(served.base, '/api/discovery/centrality'),
        CentralityResponseSchema,
      );
      await ingest('09');
      const after = ok(
        await get(served.base, '/api/discovery/centrality'),
        CentralityResponseSchema,
      );
      expect(after.projection.fresh).toBe(true);
      expect(after.projection.nodes).toBeGreaterThan(before.projection.nodes);
    });
  },
);
