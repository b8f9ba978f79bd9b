/**
 * Vitest global setup: provides a real Neo4j to the test projects. By default the suite owns a
 * Neo4j instance ("test") on a free port with fresh data; TEST_NEO4J_URI (with TEST_NEO4J_USER,
 * TEST_NEO4J_PASSWORD) points the suite at another server instead — its data will be replaced.
 * TEST_NEO4J_INSTANCE names the owned instance (default "test").
 */
import type { TestProject } from 'vitest/node';
import { reset, runningState, start, stop } from '../../tools/neo4j/instance.ts';

/** Instance name; set TEST_NEO4J_INSTANCE to run several suites side by side. */
export const TEST_INSTANCE = process.env.TEST_NEO4J_INSTANCE ?? 'test';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: {
      uri: string;
      user: string;
      password: string;
      database: string;
      importDir: string | null;
    };
  }
}

let owner = false;

export async function setup(project: TestProject): Promise<void> {
  const env = process.env;
  if (env.TEST_NEO4J_URI) {
    project.provide('neo4j', {
      uri: env.TEST_NEO4J_URI,
      user: env.TEST_NEO4J_USER ?? 'neo4j',
      password: env.TEST_NEO4J_PASSWORD ?? '',
      database: env.TEST_NEO4J_DATABASE ?? 'neo4j',
      importDir: env.TEST_NEO4J_IMPORT_DIR ?? null,
    });
    return;
  }
  // Several projects share one instance: the first setup starts it fresh, the others reuse it.
  if (!runningState(TEST_INSTANCE)) {
    await reset(TEST_INSTANCE);
    owner = true;
  }
  const { state } = await start({
    name: TEST_INSTANCE,
    boltPort: 0,
    heap: '1g',
    pageCache: '256m',
    javaHome: env.JAVA_HOME,
    progress: (line) => process.stdout.write(`[test neo4j] ${line}\n`),
  });
  project.provide('neo4j', {
    uri: state.uri,
    user: state.user,
    password: state.password,
    database: 'neo4j',
    importDir: state.importDir,
  });
}

export async function teardown(): Promise<void> {
  if (owner) await stop(TEST_INSTANCE);
}
