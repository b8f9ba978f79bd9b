/**
 * Scenario 2, neighbourhoods: GET /api/nodes/:id/neighbours against the raw driver running the
 * same Cypher text with the same parameters through the same kind of managed read transaction,
 * interleaved in one run, for start nodes of median, 99th-percentile and largest degree.
 */
import neo4j from 'neo4j-driver';
import type { NeighboursResponse } from '../../common/api.ts';
import type { Database } from '../../server/db/database.ts';
import { neighboursQuery } from '../../server/nodes/queries.ts';
import type { BenchClient } from './http.ts';
import { ratio, summarise, type Latency } from './latency.ts';
import type { DegreeClasses, SampledNode } from './sample.ts';

/** The API's default page size (NEIGHBOUR_LIMIT). */
export const NEIGHBOUR_PAGE = 100;

export interface NeighbourClassResult {
  class: keyof DegreeClasses;
  name: string;
  degree: number;
  api: Latency;
  driver: Latency;
  ratioP50: number;
  ratioP95: number;
  /** Relationships in the API's page, and the total it reported. */
  returned: number;
  total: number;
  responseBytes: number;
}

export interface NeighboursResult {
  classes: NeighbourClassResult[];
}

async function driverNeighbours(db: Database, id: string, timeoutMs: number): Promise<number> {
  const query = neighboursQuery('both', null);
  const params = { id, labels: null, skip: neo4j.int(0), limit: neo4j.int(NEIGHBOUR_PAGE) };
  const started = performance.now();
  const records = await db.read(async (tx) => (await tx.run(query, params)).records, timeoutMs);
  if (records.length !== 1) throw new Error(`the neighbours query returned ${records.length} rows`);
  return performance.now() - started;
}

async function measureClass(
  db: Database,
  client: BenchClient,
  name: keyof DegreeClasses,
  node: SampledNode,
  repeats: number,
  timeoutMs: number,
): Promise<NeighbourClassResult> {
  const path = `/api/nodes/${encodeURIComponent(node.id)}/neighbours`;
  const api: number[] = [];
  const driver: number[] = [];
  let last: { body: NeighboursResponse; bytes: number } | undefined;
  const warmup = Math.min(20, Math.max(1, Math.floor(repeats / 5)));
  for (let i = 0; i < warmup + repeats; i += 1) {
    // Alternate which goes first, so neither always meets a warmer cache.
    const order = i % 2 === 0 ? ['api', 'driver'] : ['driver', 'api'];
    for (const side of order) {
      if (side === 'api') {
        const response = await client.get(path);
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        if (i >= warmup) api.push(response.ms);
        last = { body: response.body as NeighboursResponse, bytes: response.bytes };
      } else {
        const elapsed = await driverNeighbours(db, node.id, timeoutMs);
        if (i >= warmup) driver.push(elapsed);
      }
    }
  }
  const apiStats = summarise(api);
  const driverStats = summarise(driver);
  return {
    class: name,
    name: node.name,
    degree: node.degree,
    api: apiStats,
    driver: driverStats,
    ratioP50: ratio(apiStats.p50, driverStats.p50),
    ratioP95: ratio(apiStats.p95, driverStats.p95),
    returned: last?.body.relationships.length ?? 0,
    total: last?.body.total ?? 0,
    responseBytes: last?.bytes ?? 0,
  };
}

export async function benchNeighbours(
  db: Database,
  client: BenchClient,
  classes: DegreeClasses,
  options: { repeats: number; timeoutMs: number },
): Promise<NeighboursResult> {
  const results: NeighbourClassResult[] = [];
  for (const name of ['median', 'p99', 'hub'] as const) {
    results.push(
      await measureClass(db, client, name, classes[name], options.repeats, options.timeoutMs),
    );
  }
  return { classes: results };
}
