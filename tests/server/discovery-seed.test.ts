/**
 * Discovery on the seed graph, against a real Neo4j. Expected answers are worked out by hand
 * from graph-seed/seed.json (facts only: passages and mentions are never walked):
 * Tajikistan has 16 fact relationships to 11 neighbours, Russia 15 to 11, the meeting 24 to 21,
 * "Interstate cooperation" 13; Tajikistan and Russia share the anniversary (3 neighbours), the
 * trade-volume indicator (4), Emomali Rahmon (4), the meeting (21) and four organisations (2).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import {
  CentralityResponseSchema,
  ConnectResponseSchema,
  InterpretResponseSchema,
  ShareResponseSchema,
  SuggestionsResponseSchema,
  TimelineResponseSchema,
} from '../../server/discovery/schemas.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { REPO_ROOT } from '../../tools/neo4j/constants.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { enc, get, ok, problem, serve, type Served } from './api-harness.ts';
import { idsBy } from './discovery-harness.ts';

const KEYS = {
  tj: 'country:tajikistan',
  ru: 'country:russia',
  af: 'country:afghanistan',
  rahmon: 'person:emomali-rahmon',
  putin: 'person:vladimir-putin',
  meeting: 'meeting:tajikistan-russia-top-level-talks-2017',
  anniversary: 'anniversary:tajikistan-russia-diplomatic-relations-25',
  indicator: 'indicator:tajikistan-russia-trade-volume-2016',
  un: 'organisation:un',
  cis: 'organisation:cis',
  csto: 'organisation:csto',
  sco: 'organisation:sco',
  document: 'document:tajikistan-russia-top-level-talks',
  oilAndGas: 'sphere:oil-and-gas',
  interstate: 'sphere:interstate-cooperation',
};
type Key = keyof typeof KEYS;

interface SeedRelationship {
  type: string;
  from: string;
  to: string;
  evidence?: { quote: string }[];
}
const seed = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'graph-seed', 'seed.json'), 'utf8'),
) as { relationships: SeedRelationship[] };

let db: Database;
let app: Served;
let id: Record<Key, string>;

beforeAll(async () => {
  db = openTestDatabase();
  await clearDatabase(db);
  await loadSeed(db);
  const byKey = await idsBy(db, 'key', Object.values(KEYS));
  id = Object.fromEntries(Object.entries(KEYS).map(([k, v]) => [k, byKey[v]])) as Record<
    Key,
    string
  >;
  app = await serve(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const half = (degree: number) => 0.5 * Math.log(degree);

describe('connect on the seed', () => {
  it('ranks the direct tie first, then two-hop routes by the specificity of the node between', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(id.ru)}&maxLength=2&k=4`,
      ),
      ConnectResponseSchema,
    );
    expect(body.paths.map((p) => p.nodes)).toEqual([
      [id.tj, id.ru],
      [id.tj, id.anniversary, id.ru],
      [id.tj, id.rahmon, id.ru],
      [id.tj, id.indicator, id.ru],
    ]);
    // Every hop of these routes carries a quote: only the hub penalty tells them apart.
    expect(body.paths.map((p) => p.cost.total)).toEqual(
      [1, 2 + half(3), 2 + half(4), 2 + half(4)].map((c) => Number(c.toFixed(6))),
    );
    expect(body.paths[1]?.cost.through).toEqual([
      { node: id.anniversary, degree: 3, penalty: Number(half(3).toFixed(6)) },
    ]);
    expect(body.distance).toBe(1);
    expect(body.message).toBeNull();
  });

  it('lists every relationship of a hop with its quotes and direction', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(id.ru)}&maxLength=1&k=1`,
      ),
      ConnectResponseSchema,
    );
    const hop = body.paths[0]?.hops[0];
    expect(hop?.total).toBe(5);
    const stated = seed.relationships.filter(
      (r) => (r.from === KEYS.tj && r.to === KEYS.ru) || (r.from === KEYS.ru && r.to === KEYS.tj),
    );
    expect(hop?.relationships.map((r) => r.type).sort()).toEqual(stated.map((r) => r.type).sort());
    for (const rel of hop?.relationships ?? []) {
      const source = stated.find((r) => r.type === rel.type);
      expect(rel.evidence.map((q) => q.quote)).toEqual(source?.evidence?.map((e) => e.quote));
      expect(rel.reversed).toBe(source?.from === KEYS.ru);
      expect(rel.evidence.every((q) => q.passageId !== null)).toBe(true);
    }
    // The passages quoted come with the answer.
    const passageIds = new Set(body.passages.map((p) => p.id));
    for (const quote of hop?.relationships.flatMap((r) => r.evidence) ?? []) {
      expect(passageIds.has(quote.passageId as string)).toBe(true);
    }
  });

  it('penalises the hub: the meeting (21 neighbours) ranks below the organisations', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(id.ru)}&maxLength=2&k=9`,
      ),
      ConnectResponseSchema,
    );
    const via = body.paths.map((p) => p.nodes[1]);
    // Organisations: membership is background knowledge, so both hops are unquoted (+0.5 each).
    const organisation = 2 + half(2) + 1;
    const meeting = 2 + half(21);
    expect(organisation).toBeLessThan(meeting);
    expect(via.slice(4)).toEqual([id.csto, id.cis, id.sco, id.un, id.meeting]);
    expect(body.paths[4]?.cost).toMatchObject({ unsupportedHops: 2, unsupportedPenalty: 1 });
    expect(body.paths[8]?.cost.total).toBe(Number(meeting.toFixed(6)));
  });

  it('says clearly when there is no connection within the bound, and how far the nearest is', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id.af)}&to=${enc(id.putin)}&maxLength=2`,
      ),
      ConnectResponseSchema,
    );
    expect(body.paths).toEqual([]);
    expect(body.distance).toBe(3);
    expect(body.message).toBe(
      'No connection between "Afghanistan" and "Vladimir Putin" within 2 hops; the nearest connection is 3 hops long.',
    );
  });

  it('refuses unknown and invalid ends with problems', async () => {
    const missing = id.tj.replace(/:\d+$/, ':987654');
    problem(
      await get(app.base, `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(missing)}`),
      'not-found',
      404,
    );
    const bad = problem(
      await get(app.base, `/api/discovery/connect?from=x&to=${enc(id.tj)}&k=0`),
      'validation',
      400,
    );
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['query.from', 'query.k']);
    problem(
      await get(app.base, `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(id.tj)}`),
      'validation',
      400,
    );
    const passage = await db.read(
      async (tx) =>
        (await tx.run('MATCH (p:Passage) RETURN elementId(p) AS id LIMIT 1')).records[0]?.get(
          'id',
        ) as string,
    );
    const outside = problem(
      await get(app.base, `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(passage)}`),
      'validation',
      400,
    );
    expect(outside.detail).toMatch(/not in the chosen part of the graph/);
  });
});

describe('share on the seed', () => {
  it('groups what Tajikistan and Russia share by kind, with evidence, and the document naming both', async () => {
    const body = ok(
      await get(app.base, `/api/discovery/share?ids=${enc(id.tj)},${enc(id.ru)}`),
      ShareResponseSchema,
    );
    expect(body.groups.map((g) => [g.relation, g.kind, g.items.map((i) => i.node)])).toEqual([
      ['direct', 'Anniversary', [id.anniversary]],
      ['direct', 'Indicator', [id.indicator]],
      ['direct', 'Meeting', [id.meeting]],
      ['direct', 'Organisation', [id.csto, id.cis, id.sco, id.un]],
      ['direct', 'Person', [id.rahmon]],
      ['discussed', 'Sphere', expect.any(Array)],
    ]);
    const spheres = seed.relationships.filter((r) => r.type === 'DISCUSSED').map((r) => r.to);
    expect(body.groups[5]?.total).toBe(spheres.length);

    const meeting = body.groups[2]?.items[0];
    const tie = (entity: string) => meeting?.ties.find((t) => t.entity === entity);
    expect(
      tie(id.tj)
        ?.relationships.map((r) => r.type)
        .sort(),
    ).toEqual(['HOSTED', 'PARTICIPATED_IN']);
    expect(tie(id.ru)?.relationships.map((r) => r.type)).toEqual(['PARTICIPATED_IN']);
    const participated = seed.relationships.find(
      (r) => r.type === 'PARTICIPATED_IN' && r.from === KEYS.ru,
    );
    expect(tie(id.ru)?.relationships[0]?.evidence.map((q) => q.quote)).toEqual(
      participated?.evidence?.map((e) => e.quote),
    );
    // Membership is background knowledge: provenance says so, and there is no quote.
    const un = body.groups[3]?.items[3]?.ties[0]?.relationships[0];
    expect(un?.provenance?.source).toBe('background');
    expect(un?.evidence).toEqual([]);

    // A sphere is tied through the meeting each took part in.
    const sphereTie = body.groups[5]?.items[0]?.ties[0];
    expect(sphereTie?.via).toBe(id.meeting);
    expect(sphereTie?.relationships.map((r) => r.type)).toEqual(['PARTICIPATED_IN', 'DISCUSSED']);

    expect(body.documents.map((d) => d.document)).toEqual([id.document]);
    const [tjMentions, ruMentions] = body.documents[0]?.mentions ?? [];
    expect(tjMentions?.entity).toBe(id.tj);
    expect(tjMentions?.total).toBe(11);
    expect(tjMentions?.quotes.map((q) => q.quote)).toEqual([
      'Tajikistan',
      'Tajikistan',
      'two countries',
      'Tajikistan',
      'Tajik',
    ]);
    expect(ruMentions?.total).toBe(10);
    expect(body.message).toBeNull();
  });

  it('finds what two people share, and says so when there is nothing', async () => {
    const people = ok(
      await get(app.base, `/api/discovery/share?ids=${enc(id.rahmon)}&ids=${enc(id.putin)}`),
      ShareResponseSchema,
    );
    // Rahmon thanked Russia, which Putin leads; both took part in the talks, and so share its spheres.
    expect(people.groups.map((g) => [g.relation, g.kind, g.total])).toEqual([
      ['direct', 'Country', 1],
      ['direct', 'Meeting', 1],
      ['discussed', 'Sphere', 14],
    ]);
    expect(people.groups[0]?.items[0]?.node).toBe(id.ru);
    const ties = people.groups[1]?.items[0]?.ties.find((t) => t.entity === id.putin);
    expect(ties?.relationships.map((r) => r.type).sort()).toEqual([
      'LED_DELEGATION',
      'PARTICIPATED_IN',
    ]);
    // Putin is background knowledge: no document mentions him.
    expect(people.documents).toEqual([]);

    const none = ok(
      await get(app.base, `/api/discovery/share?ids=${enc(id.af)},${enc(id.oilAndGas)}`),
      ShareResponseSchema,
    );
    expect(none.groups).toEqual([]);
    expect(none.message).toBe(
      '"Afghanistan" and "Oil and gas sector" share no neighbour, and no document mentions them all.',
    );
  });

  it('validates the list of ids', async () => {
    problem(await get(app.base, `/api/discovery/share?ids=${enc(id.tj)}`), 'validation', 400);
    problem(
      await get(app.base, `/api/discovery/share?ids=${enc(id.tj)},${enc(id.tj)}`),
      'validation',
      400,
    );
  });
});

describe('centrality, communities and scopes on the seed', () => {
  it('ranks by relationships per node', async () => {
    const body = ok(
      await get(app.base, '/api/discovery/centrality?measure=degree&limit=4'),
      CentralityResponseSchema,
    );
    expect(body.rows.map((r) => [r.node.id, r.score])).toEqual([
      [id.meeting, 24],
      [id.tj, 16],
      [id.ru, 15],
      [id.interstate, 13],
    ]);
    expect(body.total).toBe(29);
    expect(body.projection).toMatchObject({ nodes: 29, relationships: seed.relationships.length });
    expect(body.projection.excludedLabels).toEqual(['Passage']);
    expect(body.projection.excludedTypes).toEqual(['MENTIONS', 'POSSIBLY_SAME_AS']);
    // Louvain puts the spheres with the hub that discusses them apart from the state relations.
    const community = new Map(body.rows.map((r) => [r.node.id, r.community]));
    expect(body.communities.reduce((sum, c) => sum + c.size, 0)).toBe(29);
    expect(community.get(id.tj)).toBe(community.get(id.ru));
    expect(body.modularity).toBeGreaterThan(0);
  });

  it('narrows to labels, documents and a time window', async () => {
    const labels = ok(
      await get(app.base, '/api/discovery/centrality?labels=Country,Organisation&limit=3'),
      CentralityResponseSchema,
    );
    expect(labels.projection).toMatchObject({ nodes: 8, relationships: 15, links: 11 });
    expect(labels.rows.map((r) => [r.node.id, r.score])).toEqual([
      [id.tj, 11],
      [id.ru, 9],
      [id.csto, 2],
    ]);

    const documents = ok(
      await get(app.base, `/api/discovery/centrality?documents=${enc(id.document)}`),
      CentralityResponseSchema,
    );
    // Everything the article mentions (21 entities) and the article; background-only nodes are out.
    expect(documents.projection.nodes).toBe(22);

    const window = ok(
      await get(app.base, '/api/discovery/centrality?from=2018'),
      CentralityResponseSchema,
    );
    // The meeting (2017-02-27), the anniversary (2017) and the indicator (2016) fall outside.
    expect(window.projection.nodes).toBe(26);
    expect(window.projection.scope).toEqual({
      labels: null,
      documents: null,
      from: '2018-01-01',
      to: null,
    });
    const inside = ok(
      await get(app.base, '/api/discovery/centrality?from=2017-02&to=2017-02'),
      CentralityResponseSchema,
    );
    // The 2016 indicator is out; the meeting's day and the anniversary's year are in.
    expect(inside.projection.nodes).toBe(28);

    const reversed = problem(
      await get(app.base, '/api/discovery/centrality?from=2018&to=2017'),
      'validation',
      400,
    );
    expect(reversed.errors?.[0]?.path).toBe('query.to');
    problem(await get(app.base, '/api/discovery/centrality?from=2017-13'), 'validation', 400);
    problem(await get(app.base, '/api/discovery/centrality?measure=closeness'), 'validation', 400);
  });
});

describe('suggestions on the seed', () => {
  it('scores nodes two steps away by Adamic–Adar, with the shared neighbours as the reason', async () => {
    const body = ok(
      await get(app.base, `/api/discovery/suggestions?id=${enc(id.rahmon)}&limit=7`),
      SuggestionsResponseSchema,
    );
    const round = (x: number) => Math.round(x * 1e9) / 1e9;
    const meeting = 1 / Math.log(21);
    const country = 1 / Math.log(11);
    expect(body.suggestions.map((s) => [s.node.id, s.score])).toEqual([
      [id.anniversary, round(meeting + 2 * country)],
      [id.indicator, round(meeting + 2 * country)],
      [id.csto, round(2 * country)],
      [id.cis, round(2 * country)],
      [id.sco, round(2 * country)],
      [id.un, round(2 * country)],
      [id.putin, round(meeting + country)],
    ]);
    const first = body.suggestions[0];
    expect(first?.shared.map((s) => s.node)).toEqual([id.ru, id.tj, id.meeting]);
    expect(first?.reason).toBe(
      'Not linked to Emomali Rahmon directly, but both are linked to the same 3 nodes: Russia, Tajikistan and Top-level talks between Tajikistan and Russia.',
    );
    // Nothing already linked to Rahmon is suggested.
    const linked = new Set([id.meeting, id.tj, id.ru]);
    expect(body.suggestions.some((s) => linked.has(s.node.id))).toBe(false);
  });
});

describe('timeline on the seed', () => {
  it('lists the meeting on its day with its participants, and filters by window', async () => {
    const body = ok(await get(app.base, '/api/discovery/timeline'), TimelineResponseSchema);
    expect(body.entries).toHaveLength(1);
    const entry = body.entries[0];
    expect(entry?.meeting.id).toBe(id.meeting);
    expect(entry?.date).toBe('2017-02-27');
    expect(entry?.year).toBe(2017);
    expect(entry?.participants.map((p) => p.properties.name)).toEqual([
      'Emomali Rahmon',
      'Russia',
      'Tajikistan',
      'Vladimir Putin',
    ]);
    expect(entry?.documents).toBe(1);
    const inside = ok(
      await get(app.base, '/api/discovery/timeline?from=2017-02-27&to=2017-02-27'),
      TimelineResponseSchema,
    );
    expect(inside.entries.map((e) => e.meeting.id)).toEqual([id.meeting]);
    const after = ok(
      await get(app.base, '/api/discovery/timeline?from=2017-02-28'),
      TimelineResponseSchema,
    );
    expect(after.entries).toEqual([]);
    const before = ok(
      await get(app.base, '/api/discovery/timeline?to=2016'),
      TimelineResponseSchema,
    );
    expect(before.entries).toEqual([]);
  });
});

describe('interpret on the seed', () => {
  const read = async (q: string) =>
    ok(await get(app.base, `/api/discovery/interpret?q=${enc(q)}`), InterpretResponseSchema);

  it('reads "X to Y" as connect and "A and B" as share, resolving names', async () => {
    const connect = await read('Tajikistan to Russia');
    expect(connect.intent).toBe('connect');
    expect(connect.terms.map((t) => t.node?.id)).toEqual([id.tj, id.ru]);
    const how = await read('how is Emomali Rahmon connected to the Russian Federation?');
    expect(how.intent).toBe('connect');
    expect(how.terms.map((t) => t.node?.id)).toEqual([id.rahmon, id.ru]);
    const share = await read('Tajikistan and Russia');
    expect(share.intent).toBe('share');
    expect(share.terms.map((t) => t.node?.id)).toEqual([id.tj, id.ru]);
    const three = await read('Tajikistan, Russia and Afghanistan');
    expect(three.terms.map((t) => t.node?.id)).toEqual([id.tj, id.ru, id.af]);
  });

  it('keeps names that contain "and" whole', async () => {
    const name = await read('Oil and gas sector');
    expect(name.intent).toBe('search');
    expect(name.terms.map((t) => t.node?.id)).toEqual([id.oilAndGas]);
    const split = await read('Russia and Oil and gas sector');
    expect(split.intent).toBe('share');
    expect(split.terms.map((t) => t.node?.id)).toEqual([id.ru, id.oilAndGas]);
  });

  it('says which name matches nothing', async () => {
    const body = await read('Tajikistan to Qwxzzv');
    expect(body.intent).toBe('connect');
    expect(body.terms[1]?.node).toBeNull();
    expect(body.message).toBe('Nothing in the graph matches "Qwxzzv".');
    problem(await get(app.base, '/api/discovery/interpret?q=%20'), 'validation', 400);
  });
});
