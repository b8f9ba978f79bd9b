/**
 * Scenario 8, soak: 10,000 requests of the explorer mix from 4 clients; the API's heap after a
 * full GC before and after, the driver sessions it opened and left open, and the transactions
 * still open on the Neo4j side afterwards.
 */
import type { Database } from '../../server/db/database.ts';
import type { BenchApi } from './api.ts';
import { closedLoop, type BenchClient } from './http.ts';

export interface SoakResult {
  requests: number;
  errors: number;
  /** Answers other than 200, by status. */
  statuses: Record<string, number>;
  seconds: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** (after − before) / before. */
  heapGrowth: number;
  sessionsOpened: number;
  openSessionsAfter: number;
  openTransactionsAfter: number;
  rssPeakMb: number;
}

/** Transactions open on the server, other than the one asking. */
export const OPEN_TRANSACTIONS = `SHOW TRANSACTIONS YIELD currentQuery
WHERE NOT trim(currentQuery) STARTS WITH 'SHOW TRANSACTIONS'
RETURN count(*) AS open, collect(currentQuery) AS queries`;

export async function benchSoak(
  api: BenchApi,
  client: BenchClient,
  db: Database,
  mix: readonly string[],
  options: { requests: number; warmup: number },
): Promise<SoakResult> {
  const next = (i: number) => mix[i % mix.length]!;
  await closedLoop(client, next, { clients: 4, maxRequests: options.warmup });
  const before = await api.memory();
  const run = await closedLoop(client, (i) => next(i + options.warmup), {
    clients: 4,
    maxRequests: options.requests,
  });
  const after = await api.memory();
  const open = await db.read(async (tx) =>
    Number((await tx.run(OPEN_TRANSACTIONS)).records[0]?.get('open') ?? 0),
  );
  return {
    requests: run.requests,
    errors: run.errors,
    statuses: run.statuses,
    seconds: run.seconds,
    heapBeforeMb: before.heapUsedMb,
    heapAfterMb: after.heapUsedMb,
    heapGrowth: (after.heapUsedMb - before.heapUsedMb) / before.heapUsedMb,
    sessionsOpened: after.sessionsOpened - before.sessionsOpened,
    openSessionsAfter: after.openSessions,
    openTransactionsAfter: open,
    rssPeakMb: api.peakRssMb(),
  };
}
