/** The Neo4j a standalone benchmark script runs against: its own managed instance, fresh each run. */
import { Database } from '../server/db/database.ts';
import { reset, start, type InstanceState } from '../tools/neo4j/instance.ts';

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
    gds: memory.gds ?? false,
    javaHome: process.env.JAVA_HOME,
  });
  const { uri, user, password } = state;
  return { state, db: new Database({ uri, user, password, database: 'neo4j' }, driver) };
}
