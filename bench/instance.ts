/** The Neo4j a standalone benchmark script runs against: its own managed instance, fresh each run. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { Database } from '../server/db/database.ts';
import { createLogger } from '../server/log.ts';
import { reset, start, type InstanceState } from '../server/neo4j/instance.ts';

export interface FreshInstance {
  state: InstanceState;
  db: Database;
}

/**
 * Deletes the instance's store, starts it on a free port and opens the gateway to it. Graph Data
 * Science is loaded only when asked for, so figures do not depend on what happens to be installed.
 */
export async function freshInstance(
  name: string,
  memory: { heap: string; pageCache: string; gds?: boolean } = { heap: '1g', pageCache: '256m' },
  driver: { maxTransactionRetryTimeMs?: number } = {},
): Promise<FreshInstance> {
  await reset(name);
  const { state } = await start({
    name,
    boltPort: 0,
    ...memory,
    javaHome: process.env.JAVA_HOME,
  });
  const { uri, user, password } = state;
  return { state, db: new Database({ uri, user, password, database: 'neo4j' }, driver) };
}

export interface ServedApp {
  base: string;
  close: () => void;
}

/** The whole app in this process on a free loopback port, silent, with a 60 s query timeout. */
export async function serveApp(db: Database): Promise<ServedApp> {
  const config = loadConfig({ QUERY_TIMEOUT_MS: '60000' });
  const app = createApp({ db, config, log: createLogger('silent') });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
