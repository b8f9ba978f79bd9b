/**
 * Neo4j going away under traffic and coming back, with the app in between: through a TCP relay
 * the test cuts (every connection dropped, new ones refused), and by stopping and restarting a
 * real Neo4j instance of the test's own. Every request answers — 503 problem+json within a
 * second while Neo4j is away, none hangs — and the app recovers by itself, without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/seed/index.ts';
import { start, stop } from '../../server/neo4j/instance.ts';
import { startBoltRelay, type BoltRelay } from '../support/browser.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { serve, type Served } from './api-harness.ts';
import { seedRoutes, startTraffic, waitFor, type Outcome, type Traffic } from './faults-traffic.ts';

/** Answers while Neo4j is away must come this fast. */
const OUTAGE_ANSWER_MS = 1_000;
const CLIENTS = 4;
const APP_ENV = {
  RATE_LIMIT_MAX: '1000000',
  RATE_LIMIT_CYPHER_MAX: '1000000',
};

async function anyNodeId(db: Database): Promise<string> {
  return db.read(async (tx) => {
    // An ordinary entity, not a hub: the traffic should be typical, not the heaviest reads.
    const result = await tx.run(
      'MATCH (n:Sphere) WITH n, COUNT { (n)--() } AS degree ORDER BY degree, n.name RETURN elementId(n) AS id SKIP 3 LIMIT 1',
    );
    const id = result.records[0]?.get('id') as string | undefined;
    if (!id) throw new Error('the seed graph has no fourth Sphere');
    return id;
  });
}

/** One request per route first (cold plans and caches are slow), then traffic until it is steady. */
async function steadyTraffic(base: string, nodeId: string) {
  for (const [, send] of seedRoutes(base, nodeId, 120_000)) await (await send()).arrayBuffer();
  const traffic = startTraffic(seedRoutes(base, nodeId), CLIENTS);
  const answered = () => traffic.outcomes.filter((o) => o.status === 200).length >= 20;
  await waitFor('steady traffic before the outage', answered, 30_000);
  return traffic;
}

/**
 * The event the test waits for instead of a fixed time: every route of the traffic has answered
 * `status` at least `times` times to requests sent at or after `since`.
 */
function everyRouteAnswered(traffic: Traffic, status: number, since: number, times = 1) {
  return () => {
    const counts = new Map<string, number>();
    for (const o of traffic.outcomes) {
      counts.set(
        o.route,
        (counts.get(o.route) ?? 0) + (o.started >= since && o.status === status ? 1 : 0),
      );
    }
    return counts.size > 0 && [...counts.values()].every((n) => n >= times);
  };
}

const summary = (outcomes: Outcome[]) =>
  outcomes.map((o) => `${o.route}:${o.status}:${o.ended - o.started}ms`).join(' ');

/** When the fault began, when Neo4j was gone, back, and when the app had recovered. */
interface Timeline {
  faultAt: number;
  goneAt: number;
  backAt: number;
  recoveredAt: number;
}

/**
 * The checks shared by both kinds of outage. After recovery, 'all' requires every answer to be
 * 200; 'every route' requires each route to have answered 200 and the rest to be 503/504
 * problems (a freshly started Neo4j on a busy machine can still time out a query or two).
 */
function checkOutage(
  outcomes: Outcome[],
  { faultAt, goneAt, backAt, recoveredAt }: Timeline,
  afterRecovery: 'all' | 'every route' = 'all',
): void {
  const down = goneAt;
  const up = backAt;
  const recovered = recoveredAt;
  expect(
    outcomes.filter((o) => o.hung),
    'hung requests',
  ).toEqual([]);
  expect(
    outcomes.filter((o) => o.status === 0),
    'failed connections',
  ).toEqual([]);
  const before = outcomes.filter((o) => o.ended < faultAt);
  expect(before.length).toBeGreaterThan(10);
  expect(
    before.filter((o) => o.status !== 200),
    'errors before the outage',
  ).toEqual([]);
  // While Neo4j shuts down: served or refused, nothing else.
  const closing = outcomes.filter((o) => o.ended >= faultAt && o.started < goneAt);
  expect(closing.filter((o) => o.status !== 200 && o.status !== 503)).toEqual([]);

  // Requests sent while Neo4j was away: a quick 503 each.
  const during = outcomes.filter((o) => o.started >= down && o.ended <= up);
  expect(during.length).toBeGreaterThan(10);
  const slowOrWrong = during.filter(
    (o) => o.status !== 503 || o.ended - o.started > OUTAGE_ANSWER_MS,
  );
  expect(slowOrWrong, summary(slowOrWrong)).toEqual([]);
  // Requests caught in flight by the outage answered within a second of it.
  const caught = outcomes.filter((o) => o.started < down && o.ended >= down);
  expect(
    caught.filter((o) => o.ended - down > OUTAGE_ANSWER_MS),
    summary(caught),
  ).toEqual([]);

  // After recovery: see afterRecovery above.
  const after = outcomes.filter((o) => o.started >= recovered);
  if (afterRecovery === 'all') {
    expect(after.length).toBeGreaterThan(10);
    expect(
      after.filter((o) => o.status !== 200),
      summary(after),
    ).toEqual([]);
  } else {
    const routes = new Set(outcomes.map((o) => o.route));
    const succeeded = new Set(after.filter((o) => o.status === 200).map((o) => o.route));
    expect([...succeeded].sort()).toEqual([...routes].sort());
    const other = after.filter((o) => ![200, 503, 504].includes(o.status));
    expect(other, summary(other)).toEqual([]);
  }
}

describe('through a relay that is cut and restored', () => {
  let direct: Database;
  let relay: BoltRelay;
  let viaRelay: Database;
  let app: Served;
  let nodeId: string;

  beforeAll(async () => {
    direct = openTestDatabase();
    await clearDatabase(direct);
    await loadSeed(direct);
    nodeId = await anyNodeId(direct);
    relay = await startBoltRelay(direct.target.uri);
    viaRelay = new Database({ ...direct.target, uri: relay.uri });
    app = await serve(viaRelay, APP_ENV);
  });
  afterAll(async () => {
    await app?.close();
    await viaRelay?.close();
    await relay?.close();
    await direct?.close();
  });

  it('answers 503 within a second while cut, hangs nothing, and recovers by itself', async () => {
    const traffic = await steadyTraffic(app.base, nodeId);
    const down = Date.now();
    relay.cut();
    // Long enough for the check's "more than ten answers while cut": three 503s on every route.
    await waitFor(
      'every route answering 503 while cut',
      everyRouteAnswered(traffic, 503, down, 3),
      30_000,
    );
    const up = Date.now();
    relay.restore();
    const healthy = async () =>
      (await fetch(`${app.base}/api/graph/overview?limit=5`)).status === 200;
    const recoveryMs = await waitFor('recovery after the relay is restored', healthy, 20_000);
    const recovered = Date.now() + 1_500;
    const answeredAfter = everyRouteAnswered(traffic, 200, recovered, 3);
    await waitFor('every route answering 200 after recovery', answeredAfter, 30_000);
    const outcomes = await traffic.stop();
    console.log(
      `relay outage: ${outcomes.length} requests, first 200 again ${recoveryMs} ms after restore`,
    );
    console.log(
      outcomes
        .map((o) => `${o.route} ${o.status} ${o.started - down}..${o.ended - down}`)
        .join('\n'),
    );
    console.log('up', up - down, 'recovered', recovered - down);
    checkOutage(outcomes, { faultAt: down, goneAt: down, backAt: up, recoveredAt: recovered });
  });
});

describe('a real Neo4j stopped and started again', () => {
  const NAME = 'hardening-fault';
  let db: Database;
  let app: Served;
  let nodeId: string;
  let boltPort: number;

  beforeAll(async () => {
    const { state } = await start({ name: NAME, boltPort: 0, heap: '512m', pageCache: '64m' });
    boltPort = state.boltPort;
    db = new Database({
      uri: state.uri,
      user: state.user,
      password: state.password,
      database: 'neo4j',
    });
    await clearDatabase(db);
    await loadSeed(db);
    nodeId = await anyNodeId(db);
    app = await serve(db, APP_ENV);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await stop(NAME);
  });

  it('answers 503 within a second while stopped and recovers after the restart', async () => {
    const traffic = await steadyTraffic(app.base, nodeId);
    const down = Date.now();
    // Stopping takes a while (a clean shutdown); requests meanwhile may still be served.
    await stop(NAME);
    const stopped = Date.now();
    const refused = everyRouteAnswered(traffic, 503, stopped, 3);
    await waitFor('every route answering 503 while stopped', refused, 30_000);
    const up = Date.now();
    await start({ name: NAME, boltPort, heap: '512m', pageCache: '64m' });
    const healthy = async () =>
      (await fetch(`${app.base}/api/graph/overview?limit=5`)).status === 200;
    const recoveryMs = await waitFor('recovery after the restart', healthy, 90_000);
    const recovered = Date.now();
    // A freshly started Neo4j is slow at first: wait until every route has answered again.
    const answeredAfter = everyRouteAnswered(traffic, 200, recovered);
    await waitFor('every route answering after the restart', answeredAfter, 120_000);
    const outcomes = await traffic.stop();
    console.log(
      `real outage: ${outcomes.length} requests, stop took ${stopped - down} ms, first 200 again ${recoveryMs} ms after the restart`,
    );
    // Judge the outage from the moment the process was gone.
    checkOutage(
      outcomes,
      { faultAt: down, goneAt: stopped, backAt: up, recoveredAt: recovered },
      'every route',
    );
  }, 420_000);
});
