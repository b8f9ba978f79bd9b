// Test projects in tiers: unit (server-side modules that need no database, started in seconds),
// client (pure client modules), server (integration against a real Neo4j), e2e (the built app in
// headless Chromium). Server and e2e each own a test Neo4j and run side by side; against one
// external server (TEST_NEO4J_URI) they run one after the other instead. The benchmark smoke test
// runs only on request (BENCH_SMOKE=1, `npm run test:bench`).
import { defineConfig } from 'vitest/config';

const sharedExternalNeo4j = Boolean(process.env.TEST_NEO4J_URI);
/** The benchmark smoke test takes about two minutes on two cores: only on request. */
const benchSmoke = process.env.BENCH_SMOKE === '1';

export default defineConfig({
  test: {
    // The e2e suites shuffle their tests (SHUFFLED); vitest only picks a seed itself when the
    // root config shuffles, so one is picked here (`--sequence.seed=N` repeats an order).
    sequence: { seed: Date.now() % 1_000_000 },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some spawn tsx or read every gold text; a busy two-core machine needs the margin.
          testTimeout: 60_000,
        },
      },
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
          // Each test starts from its own page and URL; the files' suites shuffle their tests
          // (SHUFFLED in tests/support/browser.ts; e2e-order.ts prints the seed).
          sequence: { groupOrder: sharedExternalNeo4j ? 1 : 0 },
          globalSetup: ['tests/support/global-neo4j.ts', 'tests/support/e2e-order.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      ...(benchSmoke
        ? [
            {
              test: {
                name: 'bench',
                include: ['tests/bench/**/*.test.ts'],
                sequence: { groupOrder: sharedExternalNeo4j ? 2 : 0 },
                globalSetup: ['tests/support/global-neo4j.ts'],
                testTimeout: 60_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
