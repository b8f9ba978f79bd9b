/**
 * Scenario 4, paths: GET /api/paths between random pairs of entities (the API's defaults:
 * up to 3 paths of at most 4 hops), and between pairs no path joins — an island country and
 * the largest hub at the longest allowed length — which must end with a clear answer. A search
 * that reaches the API's query timeout is an answer too (504 problem), counted apart.
 */
import type { PathsResponse, Problem } from '../../common/api.ts';
import type { BenchClient } from './http.ts';
import { summarise, type Latency } from './latency.ts';
import type { SampledNode } from './sample.ts';

export interface UnreachableResult {
  from: string;
  to: string;
  maxLength: number;
  ms: number;
  status: number;
  /** The API's message ("No path … within N hops") or problem title. */
  answer: string;
}

export interface PathsResult {
  /** Every request between the random pairs, a timed-out one at the time it took. */
  connected: Latency;
  /** Requests that ended at the API's query timeout (504 problem), among `connected`. */
  timeouts: number;
  /** Share of the connected pairs with at least one path within the default length. */
  found: number;
  meanHops: number;
  unreachable: UnreachableResult[];
}

const pathUrl = (from: string, to: string, maxLength?: number) =>
  `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${maxLength ? `&maxLength=${maxLength}` : ''}`;

/** One request to a pair no path joins; any status is an answer worth reporting. */
export async function unreachable(
  client: BenchClient,
  from: SampledNode,
  to: SampledNode,
  maxLength: number,
): Promise<UnreachableResult> {
  const response = await client.get(pathUrl(from.id, to.id, maxLength));
  const body = response.body as Partial<PathsResponse> & Partial<Problem>;
  return {
    from: from.name,
    to: to.name,
    maxLength,
    ms: response.ms,
    status: response.status,
    answer: body.message ?? body.title ?? `${body.paths?.length ?? '?'} path(s)`,
  };
}

export async function benchPaths(
  client: BenchClient,
  pairs: readonly [SampledNode, SampledNode][],
  disconnected: readonly [SampledNode, SampledNode][],
  options: { rounds: number; maxLength: number; budgetMs: number },
): Promise<PathsResult> {
  // On the largest graphs a search can run to the query timeout: the budget bounds the run.
  const deadline = performance.now() + options.budgetMs;
  const latencies: number[] = [];
  let found = 0;
  let hops = 0;
  let timeouts = 0;
  for (let round = -1; round < options.rounds; round += 1) {
    for (const [a, b] of round < 0 ? pairs.slice(0, 5) : pairs) {
      if (performance.now() > deadline) break;
      const response = await client.get(pathUrl(a.id, b.id));
      // A search that outlives the query timeout answers 504: an answer, counted apart.
      if (response.status !== 200 && response.status !== 504) {
        throw new Error(`paths ${a.name} → ${b.name} answered ${response.status}`);
      }
      if (round < 0) continue;
      latencies.push(response.ms);
      if (response.status === 504) {
        timeouts += 1;
        continue;
      }
      const body = response.body as PathsResponse;
      if (body.paths.length > 0) {
        found += 1;
        hops += body.paths[0]?.length ?? 0;
      }
    }
  }
  const results: UnreachableResult[] = [];
  for (const [a, b] of disconnected)
    results.push(await unreachable(client, a, b, options.maxLength));
  return {
    connected: summarise(latencies),
    timeouts,
    found: latencies.length > 0 ? found / latencies.length : 0,
    meanHops: found > 0 ? hops / found : 0,
    unreachable: results,
  };
}
