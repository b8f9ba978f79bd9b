/**
 * Discovery on the seed graph, against a real Neo4j. Expected answers are worked out by hand
 * from graph-seed/seed.json (facts only: passages and mentions are never walked):
 * Tajikistan has 24 fact relationships to 16 neighbours, Russia 19 to 13, the meeting 46 to 43,
 * "Interstate cooperation" 13; Tajikistan and Russia share the anniversary (3 neighbours), four
 * organisations (3: both states, and the meeting that reviewed cooperation within them), the
 * trade-volume indicator, Emomali Rahmon, the migration request and educational quotas (4 each)
 * and the meeting (43). Every hop between them is quoted: membership is stated in paragraph 12.
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
} from '../../common/contract/discovery.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';
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
  quotas: 'sphere:educational-quotas',
  proposal: 'proposal:revision-of-deportations-and-entry-bans-for-citizens-of-tajikistan',
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
    // Equal costs are ordered by the route's names: "25th anniversary …" before "Collective …".
    expect(body.paths.map((p) => p.nodes)).toEqual([
      [id.tj, id.ru],
      [id.tj, id.anniversary, id.ru],
      [id.tj, id.csto, id.ru],
      [id.tj, id.cis, id.ru],
    ]);
    // Every hop of these routes carries a quote: only the hub penalty tells them apart.
    expect(body.paths.map((p) => p.cost.total)).toEqual(
      [1, 2 + half(3), 2 + half(3), 2 + half(3)].map((c) => Number(c.toFixed(6))),
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
    // Partnership, diplomatic relations, priority, trade leadership, trade, exports, positions.
    expect(hop?.total).toBe(7);
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

  it('penalises the hub: the meeting (43 neighbours) ranks below every other route', async () => {
    const body = ok(
      await get(
        app.base,
        `/api/discovery/connect?from=${enc(id.tj)}&to=${enc(id.ru)}&maxLength=2&k=10`,
      ),
      ConnectResponseSchema,
    );
    const via = body.paths.map((p) => p.nodes[1]);
    const organisation = 2 + half(3);
    const meeting = 2 + half(43);
    expect(organisation).toBeLessThan(meeting);
    // Through 3 neighbours, then 4 (quotas, Rahmon, the request, the trade figure, by name): nine
    // two-hop routes fill the answer before the one through the hub.
    expect(via.slice(2, 6)).toEqual([id.csto, id.cis, id.sco, id.un]);
    expect(via.slice(6)).toEqual([id.quotas, id.rahmon, id.proposal, id.indicator]);
    expect(via).not.toContain(id.meeting);
    expect(body.paths[9]?.cost.total).toBe(Number((2 + half(4)).toFixed(6)));
    expect(2 + half(4)).toBeLessThan(meeting);
    // Membership is stated now: the organisations' hops are quoted, with no penalty.
    expect(body.paths[2]?.cost).toMatchObject({ unsupportedHops: 0, unsupportedPenalty: 0 });
    expect(body.paths[2]?.cost.total).toBe(Number(organisation.toFixed(6)));
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
      ['direct', 'Proposal', [id.proposal]],
      ['direct', 'Sphere', [id.quotas]],
      ['discussed', 'Sphere', expect.any(Array)],
    ]);
    // Every sphere the meeting discussed, but educational quotas, which both states are tied to.
    const spheres = seed.relationships.filter((r) => r.type === 'DISCUSSED').map((r) => r.to);
    expect(body.groups[7]?.total).toBe(spheres.length - 1);

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
    // Membership is stated by the text now (paragraph 12): provenance says so, with the quote.
    const un = body.groups[3]?.items[3]?.ties[0]?.relationships.find((r) => r.type === 'MEMBER_OF');
    expect(un?.provenance?.source).toBe('text');
    expect(un?.evidence.map((q) => q.quote)).toEqual([
      'cooperation of Tajikistan and Russia within the framework of the UN, CIS, CSTO and SCO',
    ]);

    // A sphere is tied through the meeting each took part in.
    const sphereTie = body.groups[7]?.items[0]?.ties[0];
    expect(sphereTie?.via).toBe(id.meeting);
    expect(sphereTie?.relationships.map((r) => r.type)).toEqual(['PARTICIPATED_IN', 'DISCUSSED']);

    expect(body.documents.map((d) => d.document)).toEqual([id.document]);
    const [tjMentions, ruMentions] = body.documents[0]?.mentions ?? [];
    expect(tjMentions?.entity).toBe(id.tj);
    expect(tjMentions?.total).toBe(24);
    // The title and its repetition first, then paragraphs 1 and 2.
    expect(tjMentions?.quotes.map((q) => q.quote)).toEqual([
      'Tajikistan',
      'Tajikistan',
      'Tajikistan',
      'two countries',
      'Tajikistan',
    ]);
    expect(ruMentions?.total).toBe(19);
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
      ['discussed', 'Sphere', 27],
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
      await get(app.base, `/api/discovery/share?ids=${enc(id.af)},${enc(id.putin)}`),
      ShareResponseSchema,
    );
    expect(none.groups).toEqual([]);
    expect(none.message).toBe(
      '"Afghanistan" and "Vladimir Putin" share no neighbour, and no document mentions them all.',
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
      [id.meeting, 46],
      [id.tj, 24],
      [id.ru, 19],
      [id.interstate, 13],
    ]);
    // 47 entities and the document; passages are left out.
    expect(body.total).toBe(48);
    expect(body.projection).toMatchObject({ nodes: 48, relationships: seed.relationships.length });
    expect(body.projection.excludedLabels).toEqual(['Passage']);
    expect(body.projection.excludedTypes).toEqual(['MENTIONS', 'POSSIBLY_SAME_AS']);
    // Louvain puts the spheres with the hub that discusses them apart from the state relations.
    const community = new Map(body.rows.map((r) => [r.node.id, r.community]));
    expect(body.communities.reduce((sum, c) => sum + c.size, 0)).toBe(48);
    expect(community.get(id.tj)).toBe(community.get(id.ru));
    expect(body.modularity).toBeGreaterThan(0);
  });

  it('narrows to labels, documents and a time window', async () => {
    const labels = ok(
      await get(app.base, '/api/discovery/centrality?labels=Country,Organisation&limit=3'),
      CentralityResponseSchema,
    );
    // 3 states and 6 organisations; 7 ties between the states, 8 memberships, the border, the
    // consulate's mission and the armed forces' state (12 pairs).
    expect(labels.projection).toMatchObject({ nodes: 9, relationships: 18, links: 12 });
    expect(labels.rows.map((r) => [r.node.id, r.score])).toEqual([
      [id.tj, 14],
      [id.ru, 11],
      [id.csto, 2],
    ]);

    const documents = ok(
      await get(app.base, `/api/discovery/centrality?documents=${enc(id.document)}`),
      CentralityResponseSchema,
    );
    // Everything the article mentions (46 entities) and the article; Putin (background) is out.
    expect(documents.projection.nodes).toBe(47);

    const window = ok(
      await get(app.base, '/api/discovery/centrality?from=2018'),
      CentralityResponseSchema,
    );
    // The meeting (2017-02-27), the anniversary (2017) and the indicator (2016) fall outside.
    expect(window.projection.nodes).toBe(45);
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
    expect(inside.projection.nodes).toBe(47);

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
    // Eight nodes share the meeting and both states with Rahmon; equal scores go by name.
    const all3 = round(1 / Math.log(43) + 1 / Math.log(16) + 1 / Math.log(13));
    expect(body.suggestions.map((s) => [s.node.id, s.score])).toEqual([
      [id.anniversary, all3],
      [id.csto, all3],
      [id.cis, all3],
      [id.quotas, all3],
      [id.proposal, all3],
      [id.sco, all3],
      [id.indicator, all3],
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
  it('lists what is dated: the meeting on its day with its participants, the years of the rest', async () => {
    const body = ok(await get(app.base, '/api/discovery/timeline'), TimelineResponseSchema);
    // The meeting's Date (seen on its Entity label too), and the ontology's years; documents and
    // passages are sources, not events.
    expect(body.properties).toEqual([
      { label: 'Anniversary', key: 'year', form: 'year' },
      { label: 'Entity', key: 'date', form: 'temporal' },
      { label: 'Indicator', key: 'year', form: 'year' },
      { label: 'Meeting', key: 'date', form: 'temporal' },
      { label: 'Meeting', key: 'year', form: 'year' },
    ]);
    // A year sorts at its start: the 2016 indicator, the 2017 anniversary, then the meeting's day.
    expect(body.entries.map((e) => [e.node.id, e.date, e.year])).toEqual([
      [id.indicator, null, 2016],
      [id.anniversary, null, 2017],
      [id.meeting, '2017-02-27', 2017],
    ]);
    const entry = body.entries[2];
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
    // The anniversary's year covers the day; the indicator's does not.
    expect(inside.entries.map((e) => e.node.id)).toEqual([id.anniversary, id.meeting]);
    const after = ok(
      await get(app.base, '/api/discovery/timeline?from=2017-02-28'),
      TimelineResponseSchema,
    );
    expect(after.entries.map((e) => e.node.id)).toEqual([id.anniversary]);
    const before = ok(
      await get(app.base, '/api/discovery/timeline?to=2016'),
      TimelineResponseSchema,
    );
    expect(before.entries.map((e) => e.node.id)).toEqual([id.indicator]);
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
