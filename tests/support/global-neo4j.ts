/**
 * Vitest global setup: provides a real Neo4j to each test project that needs one. By default every
 * such project owns its own instance ("<name>-<project>", e.g. "test-server", "test-e2e") on a
 * free port with fresh data, so projects running side by side never see each other's writes.
 * TEST_NEO4J_URI (with TEST_NEO4J_USER, TEST_NEO4J_PASSWORD) points the suite at another server
 * instead — its data will be replaced, and the projects then run one after the other.
 * TEST_NEO4J_INSTANCE changes the name prefix (default "test").
 */
import type { TestProject } from 'vitest/node';
import { isGdsInstalled } from '../../server/neo4j/gds.ts';
import { reset, start, stop } from '../../server/neo4j/instance.ts';

/** Name prefix; set TEST_NEO4J_INSTANCE to run several suites side by side. */
export const TEST_INSTANCE_PREFIX = process.env.TEST_NEO4J_INSTANCE ?? 'test';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: {
      uri: string;
      user: string;
      password: string;
      database: string;
      importDir: string | null;
      /** The managed instance's name (for NEO4J_LOCAL_INSTANCE), null for an external server. */
      instance: string | null;
    };
  }
}

export async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const env = process.env;
  if (env.TEST_NEO4J_URI) {
    project.provide('neo4j', {
      uri: env.TEST_NEO4J_URI,
      user: env.TEST_NEO4J_USER ?? 'neo4j',
      password: env.TEST_NEO4J_PASSWORD ?? '',
      database: env.TEST_NEO4J_DATABASE ?? 'neo4j',
      importDir: env.TEST_NEO4J_IMPORT_DIR ?? null,
      instance: null,
    });
    return undefined;
  }
  const name = `${TEST_INSTANCE_PREFIX}-${project.name}`;
  await reset(name);
  const { state } = await start({
    name,
    boltPort: 0,
    heap: '1g',
    pageCache: '256m',
    // Graph Data Science, when installed, only for the project that compares it with graphology:
    // loading it adds about a minute to a start on a busy 2-core machine.
    gds: project.name === 'server' && isGdsInstalled(),
    javaHome: env.JAVA_HOME,
    progress: (line) => process.stdout.write(`[test neo4j ${name}] ${line}\n`),
  });
  project.provide('neo4j', {
    uri: state.uri,
    user: state.user,
    password: state.password,
    database: 'neo4j',
    importDir: state.importDir,
    instance: name,
  });
  return async () => {
    await stop(name);
  };
}
