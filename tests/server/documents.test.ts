/**
 * POST /api/documents, GET /api/documents and GET /api/documents/:id on the real app and a real
 * Neo4j holding the seed: created, unchanged and replaced documents, HTML, every bad-input
 * problem type with nothing written, and the write-token hook in front of the route.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResponse, Problem } from '../../common/api.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import {
  DocumentChangesSchema,
  DocumentDetailSchema,
  DocumentListResponseSchema,
  IngestResponseSchema,
} from '../../common/contract/documents.ts';
import { documentsRoutes } from '../../server/documents/router.ts';
import { routesRouter } from '../../server/http/route.ts';
import { Reachability } from '../../server/schema/reachability.ts';
import { problemHandler } from '../../server/http/problems.ts';
import { createLogger } from '../../server/log.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';

// Where a write token is configured, these requests carry it; elsewhere the header is ignored.
const TOKEN = 'documents-test-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };

const PRESS = [
  'Presidents of Kazakhstan and Uzbekistan hold talks in Astana',
  '',
  'On 14 February 2024, in Astana, President of Kazakhstan Kassym-Jomart Tokayev held talks with President of Uzbekistan Shavkat Mirziyoyev.',
  '',
  'The sides discussed trade, energy and transport, and agreed to deepen the strategic partnership between Kazakhstan and Uzbekistan.',
].join('\n');

async function serve(
  db: Database,
  app = createApp({ db, config: loadConfig({ WRITE_TOKEN: TOKEN }), log: createLogger('silent') }),
) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function nodeCount(db: Database): Promise<number> {
  return db.read(async (tx) =>
    neo4j.integer.toNumber((await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n')),
  );
}

describe('documents API', () => {
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = openTestDatabase();
    await clearDatabase(db);
    await loadSeed(db);
    ({ server, base } = await serve(db));
  });

  afterAll(async () => {
    server.close();
    await db.close();
  });

  const post = (body: BodyInit, type: string, query = '') =>
    fetch(`${base}/api/documents${query}`, {
      method: 'POST',
      body,
      headers: { 'content-type': type, ...AUTH },
    });

  it('ingests plain text: 201 with a Location, then the document with passages, mentions and facts', async () => {
    const response = await post(
      PRESS,
      'text/plain; charset=utf-8',
      '?url=https%3A%2F%2Fexample.org%2Fastana&date=2024-02-15',
    );
    expect(response.status).toBe(201);
    const report = IngestResponseSchema.parse(await response.json());
    expect(report.status).toBe('created');
    expect(response.headers.get('location')).toBe(
      `/api/documents/${encodeURIComponent(report.key)}`,
    );
    expect(report.entities.byKind).toMatchObject({ Country: 2, Person: 2, Meeting: 1 });

    const detail = DocumentDetailSchema.parse(
      await (await fetch(`${base}${response.headers.get('location')}`)).json(),
    );
    expect(detail).toMatchObject({
      key: report.key,
      url: 'https://example.org/astana',
      date: '2024-02-15',
      version: 1,
    });
    expect(detail.passageList.map((p) => p.kind)).toEqual(['title', 'paragraph', 'paragraph']);
    const byKey = new Map(detail.passageList.map((p) => [p.key, p.text]));
    for (const m of detail.mentions)
      expect(byKey.get(m.passage)?.slice(m.start, m.end)).toBe(m.quote);
    const partnership = detail.facts.find((f) => f.type === 'STRATEGIC_PARTNER_OF');
    expect([partnership?.from.key, partnership?.to.key].sort()).toEqual([
      'country:kazakhstan',
      'country:uzbekistan',
    ]);
    for (const fact of detail.facts) {
      for (const e of fact.evidence)
        expect(byKey.get(e.passage)?.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(
      detail.facts.find((f) => f.type === 'LEADS' && f.from.name === 'Kassym-Jomart Tokayev')?.to
        .key,
    ).toBe('country:kazakhstan');
    // The slug alone names the document too.
    expect(
      (await fetch(`${base}/api/documents/${report.key.replace('document:', '')}`)).status,
    ).toBe(200);
  });

  it('answers 200 unchanged for the same content, and replaces a new version sent as JSON', async () => {
    const again = await post(PRESS, 'text/plain');
    expect(again.status).toBe(200);
    expect(((await again.json()) as IngestResponse).status).toBe('unchanged');

    const edited = PRESS.replace('trade, energy and transport', 'tourism');
    const replaced = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH },
      body: JSON.stringify({ text: edited, url: 'https://example.org/astana' }),
    });
    expect(replaced.status).toBe(200);
    const report = (await replaced.json()) as IngestResponse;
    expect(report).toMatchObject({ status: 'replaced', version: 2 });
    const detail = DocumentDetailSchema.parse(
      await (await fetch(`${base}/api/documents/${encodeURIComponent(report.key)}`)).json(),
    );
    const discussed = detail.facts.filter((f) => f.type === 'DISCUSSED').map((f) => f.to.key);
    expect(discussed).toContain('sphere:tourism');
    expect(discussed).not.toContain('sphere:energy');
  });

  it('strips HTML to text and takes the title from <title>', async () => {
    const html =
      '<!doctype html><html><head><title>Leaders of China and Russia meet in Beijing</title><script>var x = 1;</script></head><body><h1>Talks</h1><p>On 8 May 2024 in Beijing, Chinese President Xi Jinping held talks with Russian President Vladimir Putin.</p><p>They discussed energy and security.</p></body></html>';
    const response = await post(html, 'text/html');
    expect(response.status).toBe(201);
    const report = (await response.json()) as IngestResponse;
    expect(report.title).toBe('Leaders of China and Russia meet in Beijing');
    const detail = DocumentDetailSchema.parse(
      await (await fetch(`${base}/api/documents/${encodeURIComponent(report.key)}`)).json(),
    );
    expect(detail.text).not.toMatch(/<|var x/);
    expect(
      detail.facts.some(
        (f) => f.type === 'PARTICIPATED_IN' && f.from.key === 'person:vladimir-putin',
      ),
    ).toBe(true);
  });

  it('says what a document brought into the graph: new nodes and facts apart from confirmed ones', async () => {
    const list = DocumentListResponseSchema.parse(
      await (await fetch(`${base}/api/documents?limit=10`)).json(),
    );
    const beijing = list.documents.find((d) => d.title.includes('Beijing'));
    const changes = DocumentChangesSchema.parse(
      await (
        await fetch(`${base}/api/documents/${encodeURIComponent(beijing?.key ?? '')}/changes`)
      ).json(),
    );
    expect(changes.document).toMatchObject({ key: beijing?.key, passages: beijing?.passages });
    const byKey = new Map(changes.nodes.map((n) => [n.properties.key, n.id]));
    const nodeIds = new Set(changes.nodes.map((n) => n.id));
    const relIds = new Set(changes.relationships.map((r) => r.id));
    // Putin was in the graph before (the seed): shown, not new; Xi Jinping and the talks are new.
    const putin = byKey.get('person:vladimir-putin') as string;
    expect(nodeIds.has(putin)).toBe(true);
    expect(changes.added.nodes).not.toContain(putin);
    expect(changes.added.nodes).toContain(byKey.get('person:xi-jinping'));
    // The document itself is drawn as a source, not counted as knowledge it added.
    expect(nodeIds.has(byKey.get(beijing?.key) as string)).toBe(true);
    expect(changes.added.nodes).not.toContain(byKey.get(beijing?.key));
    const meeting = changes.nodes.find(
      (n) => n.labels.includes('Meeting') && changes.added.nodes.includes(n.id),
    );
    expect(meeting).toBeDefined();
    // Putin's participation in these talks is a new fact, quoted from this document.
    const participation = changes.relationships.find(
      (r) => r.type === 'PARTICIPATED_IN' && r.start === putin && r.end === meeting?.id,
    );
    expect(changes.added.relationships).toContain(participation?.id);
    // Every element named is in the answer; nothing is both new and confirmed.
    for (const id of changes.added.nodes) expect(nodeIds.has(id)).toBe(true);
    for (const id of [...changes.added.relationships, ...changes.confirmed])
      expect(relIds.has(id)).toBe(true);
    expect(changes.confirmed.filter((id) => changes.added.relationships.includes(id))).toEqual([]);
    for (const r of changes.relationships) {
      expect(nodeIds.has(r.start)).toBe(true);
      expect(nodeIds.has(r.end)).toBe(true);
    }
    // Its first passage, from which the reader opens its text.
    expect(String(changes.firstPassage?.properties.key)).toMatch(new RegExp(`^${beijing?.key}#`));
    expect(changes.firstPassage?.labels).toContain('Passage');

    // The seed's document brought nothing new by ingestion: all its facts are the seed's own.
    const seed = DocumentChangesSchema.parse(
      await (
        await fetch(`${base}/api/documents/document:tajikistan-russia-top-level-talks/changes`)
      ).json(),
    );
    expect(seed.added).toEqual({ nodes: [], relationships: [] });
    expect(seed.confirmed.length).toBeGreaterThan(20);
    const missing = await fetch(`${base}/api/documents/document:nothing-here/changes`);
    expect(missing.status).toBe(404);
  });

  it('lists documents, newest ingestion first, the seed document last', async () => {
    const list = DocumentListResponseSchema.parse(
      await (await fetch(`${base}/api/documents?limit=10`)).json(),
    );
    expect(list.total).toBe(3);
    expect(list.documents.at(-1)).toMatchObject({
      key: 'document:tajikistan-russia-top-level-talks',
      seed: 'tajikistan-russia-top-level-talks',
      ingestedAt: null,
    });
    expect(list.documents[0]?.title).toBe('Leaders of China and Russia meet in Beijing');
    const page = DocumentListResponseSchema.parse(
      await (await fetch(`${base}/api/documents?limit=1&offset=1`)).json(),
    );
    expect(page.documents).toHaveLength(1);
    expect((await fetch(`${base}/api/documents?limit=0`)).status).toBe(400);
  });

  it('shows the seed document with the curated facts and their quotes', async () => {
    const detail = DocumentDetailSchema.parse(
      await (
        await fetch(`${base}/api/documents/document:tajikistan-russia-top-level-talks`)
      ).json(),
    );
    // The title, its repetition, fourteen paragraphs and the publisher's line.
    expect(detail.passageList).toHaveLength(17);
    expect(
      detail.facts.some(
        (f) => f.type === 'CONFERRED' && f.to.key === 'award:order-of-alexander-nevsky',
      ),
    ).toBe(true);
    expect(detail.facts.every((f) => f.evidence.length > 0)).toBe(true);
  });

  it('answers 404 problem+json for an unknown document', async () => {
    const response = await fetch(`${base}/api/documents/document:nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await response.json()) as Problem).type).toMatch(/\/not-found$/);
  });

  it('refuses bad input with a specific problem type and writes nothing', async () => {
    const before = await nodeCount(db);
    const cases: [BodyInit, string, number, string][] = [
      ['  \n\t  ', 'text/plain', 422, 'document-empty'],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        'application/octet-stream',
        415,
        'document-binary',
      ],
      [
        new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0xc3, 0x28]),
        'text/plain',
        422,
        'document-encoding',
      ],
      [
        'Der Präsident von Kasachstan führte in Astana Gespräche mit dem Präsidenten von Usbekistan über Handel und Energie.',
        'text/plain',
        422,
        'document-language',
      ],
      ['The presidents met. '.repeat(12_000), 'text/plain', 413, 'document-too-large'],
      ['<doc>text</doc>', 'application/xml', 415, 'document-media-type'],
      [JSON.stringify({ title: 'no text' }), 'application/json', 400, 'validation'],
      [
        JSON.stringify({ text: PRESS, url: 'ftp://example.org/x' }),
        'application/json',
        400,
        'validation',
      ],
      [JSON.stringify({ text: PRESS, date: '2024-02-30' }), 'application/json', 400, 'validation'],
    ];
    for (const [body, type, status, problem] of cases) {
      const response = await post(body, type);
      const payload = (await response.json()) as Problem;
      expect({ type, problem: payload.type.split('/').at(-1), status: response.status }).toEqual({
        type,
        problem,
        status,
      });
      expect(payload.detail).toBeTruthy();
    }
    expect(await nodeCount(db)).toBe(before);
  });

  it('refuses a new version of the seed document (409) and leaves the seed alone', async () => {
    const before = await nodeCount(db);
    const text =
      'Top-level meetings and negotiations between Tajikistan and Russia\n\nThe sides discussed tourism and culture between Tajikistan and Russia at length.';
    // The same source is named by the seed document's URL (a title alone never makes a version).
    const url =
      'http://tajconsist.org/tr/news/top-level-meetings-and-negotiations-between-tajikistan-and-russia';
    const response = await post(text, 'text/plain', `?url=${encodeURIComponent(url)}`);
    expect(response.status).toBe(409);
    expect(((await response.json()) as Problem).type).toMatch(/\/document-seed-owned$/);
    expect(await nodeCount(db)).toBe(before);
  });

  it('runs the write-token hook before the body is read', async () => {
    let called = 0;
    const app = express();
    app.use(express.json());
    app.use(
      '/api',
      routesRouter(
        documentsRoutes(db, loadConfig({}), {
          requireWriteToken: (_req, res) => {
            called += 1;
            res.status(401).json({ refused: true });
          },
        }),
        new Reachability(db),
      ),
    );
    app.use(problemHandler(createLogger('silent')));
    const guarded = await serve(db, app);
    try {
      const before = await nodeCount(db);
      const response = await fetch(`${guarded.base}/api/documents`, {
        method: 'POST',
        body: PRESS.replace('Astana', 'Tashkent'),
        headers: { 'content-type': 'text/plain' },
      });
      expect(response.status).toBe(401);
      expect(called).toBe(1);
      expect(await nodeCount(db)).toBe(before);
      expect((await fetch(`${guarded.base}/api/documents`)).status).toBe(200);
    } finally {
      guarded.server.close();
    }
  });
});
