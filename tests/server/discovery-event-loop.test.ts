/**
 * Discovery never holds up the server: while the first centrality request on a generated graph
 * of 50,000 relationships reads its projection from Neo4j (in the algorithm worker) and computes
 * degree, Louvain and the ranking, the API process's event loop stays free. Measured as the time
 * the loop was busy (event-loop utilisation: it does not count the time a busy machine takes the
 * thread away) and as the delay of its timers (p99).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CentralityResponseSchema,
  TimelineResponseSchema,
} from '../../common/contract/discovery.ts';
import type { Database } from '../../server/db/database.ts';
import { algorithmWorker } from '../../server/discovery/algorithm-worker-client.ts';
import { loadGraph } from '../../tools/gen/load.ts';
import { clearDatabase, openTestDatabase } from '../support/neo4j.ts';
import { get, ok } from './api-harness.ts';
import { serveDiscovery, type ServedDiscovery } from './discovery-harness.ts';

const RELATIONSHIPS = 50_000;
/**
 * Generous: about 0.1 s was measured on a busy 2-core machine; reading the projection on the
 * event loop (as before the worker read it) kept the loop busy for 1.1 s.
 */
const MAX_BUSY_MS = 400;
/** The target is p99 ≤ 50 ms (bench/event-loop.ts); a shared test machine adds its own. */
const MAX_P99_MS = 75;

let db: Database;
let served: ServedDiscovery;

beforeAll(async () => {
  db = openTestDatabase();
  await loadGraph(db, { rels: RELATIONSHIPS, seed: 'event-loop' }, { reset: true });
  served = await serveDiscovery(db, { engine: 'graphology' });
  // The schema facts every discovery request reads first (no projection) are not what is
  // measured: read them now. Cold, right after the load, they may take longer than a request may.
  let warm = await get(served.base, '/api/discovery/timeline');
  for (let attempt = 1; warm.status === 504 && attempt < 4; attempt += 1) {
    warm = await get(served.base, '/api/discovery/timeline');
  }
  ok(warm, TimelineResponseSchema);
  // Nor is starting the worker thread, once per process (under Vitest's loader it is slower).
  await algorithmWorker().run({ kind: 'drop', graph: 0 });
}, 300_000);

afterAll(async () => {
  await served?.close();
  await clearDatabase(db);
  await db?.close();
});

describe('the event loop during a first centrality request', () => {
  it('stays free while the projection is read and the algorithms run', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    const before = performance.eventLoopUtilization();
    histogram.enable();
    const response = await get(served.base, '/api/discovery/centrality?measure=degree');
    // Let a timer the loop may have delayed fire, so the histogram records that delay.
    await new Promise((resolve) => setTimeout(resolve, 20));
    histogram.disable();
    const busy = performance.eventLoopUtilization(before);
    const body = ok(response, CentralityResponseSchema);
    const p99 = histogram.percentile(99) / 1e6;
    console.log(
      `first centrality request (${body.projection.nodes} nodes, ${body.projection.links} links): ` +
        `event loop busy ${busy.active.toFixed(0)} ms of ${(busy.active + busy.idle).toFixed(0)} ms, ` +
        `delay p99 ${p99.toFixed(1)} ms, max ${(histogram.max / 1e6).toFixed(1)} ms`,
    );
    // The request did what is measured: a fresh read of the whole generated graph.
    expect(body.projection.fresh).toBe(true);
    expect(body.projection.relationships).toBeGreaterThan(RELATIONSHIPS / 4);
    expect(busy.active).toBeLessThan(MAX_BUSY_MS);
    expect(p99).toBeLessThan(MAX_P99_MS);
  });
});
