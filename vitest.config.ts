// Test projects: server (unit + integration against a real Neo4j), client (pure client modules),
// e2e (the built app in headless Chromium). Server and e2e each own a test Neo4j and run side by
// side; against one external server (TEST_NEO4J_URI) they run one after the other instead.
import { defineConfig } from 'vitest/config';

const sharedExternalNeo4j = Boolean(process.env.TEST_NEO4J_URI);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/support/global-neo4j.ts'],
          // Files share the project's database: those that write to it must not interleave.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          sequence: { groupOrder: sharedExternalNeo4j ? 1 : 0 },
          globalSetup: ['tests/support/global-neo4j.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
