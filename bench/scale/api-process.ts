/**
 * The API as the benchmarks see it: the same app `npm start` serves (createApp, request logging
 * on, written to stdout), in a process of its own so load generators never share its event loop.
 * It answers the parent over IPC with its memory after a full GC and with its session count,
 * which only a process started with --expose-gc can measure.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/log.ts';

export interface ApiMemory {
  heapUsedMb: number;
  rssMb: number;
  /** Driver sessions opened and not yet closed. */
  openSessions: number;
  sessionsOpened: number;
}

export type ApiMessage = { kind: 'listening'; port: number } | ({ kind: 'memory' } & ApiMemory);

const config = loadConfig({ ...process.env, PORT: '0', SEED_ON_FIRST_START: 'false' });
if (config.neo4j.kind !== 'remote') throw new Error('the bench API needs NEO4J_URI');
const db = new Database(config.neo4j);

const app = createApp({ db, config, log: createLogger(config.logLevel) });
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ kind: 'listening', port } satisfies ApiMessage);
});

const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: { kind: string }) => {
  if (message.kind !== 'memory') return;
  // Two passes: the first frees objects whose finalisers release others.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  process.send?.({
    kind: 'memory',
    heapUsedMb: usage.heapUsed / 1024 ** 2,
    rssMb: usage.rss / 1024 ** 2,
    openSessions: db.sessionCounts().open,
    sessionsOpened: db.sessionCounts().opened,
  } satisfies ApiMessage);
});

process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => void db.close().then(() => process.exit(0)));
});
