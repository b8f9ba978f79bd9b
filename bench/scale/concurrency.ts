/**
 * Scenario 6, concurrency: 1, 4 and 16 clients on loopback, each sending its next request of
 * the explorer mix as soon as the last one returns; throughput and 99th-percentile latency.
 */
import { closedLoop, type BenchClient, type LoadResult } from './http.ts';

export const CONCURRENCY_LEVELS = [1, 4, 16] as const;

export async function benchConcurrency(
  client: BenchClient,
  mix: readonly string[],
  options: { durationMs: number; levels?: readonly number[] },
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  // A short unmeasured run fills the connection pools and the JIT.
  await closedLoop(client, (i) => mix[i % mix.length]!, { clients: 4, maxRequests: 100 });
  for (const clients of options.levels ?? CONCURRENCY_LEVELS) {
    results.push(
      await closedLoop(client, (i) => mix[(i * 7) % mix.length]!, {
        clients,
        durationMs: options.durationMs,
      }),
    );
  }
  return results;
}
