/**
 * Runs the scale scenarios for each graph size: loads the generated graph (or reuses the one
 * loaded), samples start nodes, search texts and path pairs from it, starts the API in its own
 * process, and runs the chosen scenarios against it; then the client scenario, which needs no
 * database. Results are recorded with their stamp (time, commit, load average).
 */
import os from 'node:os';
import { loadConfig } from '../../server/config.ts';
import { formatCount } from '../../tools/gen/sizes.ts';
import { startApi } from './api.ts';
import { benchClient, CLIENT_SIZES } from './client.ts';
import { benchConcurrency, CONCURRENCY_LEVELS } from './concurrency.ts';
import { BenchClient } from './http.ts';
import { benchLoad, tuneBatchSize } from './load.ts';
import { requestMix } from './mix.ts';
import { benchNeighbours } from './neighbourhood.ts';
import { benchPaths } from './paths.ts';
import { benchPayload, PAYLOAD_SIZES } from './payload.ts';
import { record, stamp, type Results, type ScenarioName, type Stamp } from './results.ts';
import { byDegree, entityDegrees, islands, pathPairs, searchTexts } from './sample.ts';
import { benchSearch } from './search.ts';
import { benchSoak } from './soak.ts';
import { countGraph, openBenchInstance, type BenchDatabase } from './target.ts';

/** The scenarios that run against the API process, whose peak RSS the memory figure reports. */
const API_SCENARIOS = ['neighbourhood', 'search', 'paths', 'concurrency', 'soak'] as const;

export const SCALE_SCENARIOS = [
  'load',
  'neighbourhood',
  'search',
  'paths',
  'payload',
  'concurrency',
  'soak',
  'client',
] as const satisfies readonly ScenarioName[];
export type ScaleScenario = (typeof SCALE_SCENARIOS)[number];

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
export const BATCH_SIZES = [1_000, 2_500, 5_000, 10_000, 20_000, 50_000];

/** How much each scenario does: the full run, or a smoke run that only proves the scripts work. */
export interface Effort {
  repeats: number;
  searchRounds: number;
  pathPairs: number;
  pathRounds: number;
  /** Longest time the random-pair part of the paths scenario may take. */
  pathBudgetMs: number;
  oneRow: number;
  concurrencyMs: number;
  concurrencyLevels: readonly number[];
  soakRequests: number;
  soakWarmup: number;
  payloadSizes: readonly number[];
  clientSizes: readonly number[];
  clientSteps: number;
  clientBudgetMs: number;
}

export const FULL: Effort = {
  repeats: 200,
  searchRounds: 3,
  pathPairs: 40,
  pathRounds: 2,
  pathBudgetMs: 240_000,
  oneRow: 2_000,
  concurrencyMs: 10_000,
  concurrencyLevels: CONCURRENCY_LEVELS,
  soakRequests: 10_000,
  soakWarmup: 500,
  payloadSizes: PAYLOAD_SIZES,
  clientSizes: CLIENT_SIZES,
  clientSteps: 40,
  clientBudgetMs: 30_000,
};

export const SMOKE: Effort = {
  repeats: 3,
  searchRounds: 1,
  pathPairs: 3,
  pathRounds: 1,
  pathBudgetMs: 60_000,
  oneRow: 20,
  concurrencyMs: 300,
  concurrencyLevels: [1, 4],
  soakRequests: 100,
  soakWarmup: 20,
  payloadSizes: [10, 100],
  clientSizes: [200],
  clientSteps: 4,
  clientBudgetMs: 5_000,
};

export interface SuiteOptions {
  scenarios: readonly ScaleScenario[];
  sizes: readonly number[];
  seed: string;
  effort: Effort;
  /** Sweep batch sizes on the 100k graph (or the only size given). */
  tune: boolean;
  /** A database to use instead of the managed bench instance (its data is replaced). */
  external?: (rels: number) => BenchDatabase;
  /** Extra environment for the API process. */
  apiEnv?: Record<string, string>;
  /** Before each scenario, wait (up to maxWaitMs) for the 1-minute load average to fall below this. */
  quiet?: { below: number; maxWaitMs: number };
  progress: (line: string) => void;
}

/**
 * Waits until the machine is quiet enough to measure, or the wait is over; returns the stamp
 * taken then, so the figures say under what load they were measured either way.
 */
async function quietStamp(options: SuiteOptions): Promise<Stamp> {
  const quiet = options.quiet;
  if (quiet) {
    const deadline = Date.now() + quiet.maxWaitMs;
    let told = false;
    while (os.loadavg()[0]! >= quiet.below && Date.now() < deadline) {
      if (!told) {
        options.progress(
          `  waiting for the load average (${os.loadavg()[0]!.toFixed(2)}) to fall below ${quiet.below}…`,
        );
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
  return stamp();
}

const needsApi: readonly ScaleScenario[] = [
  'neighbourhood',
  'search',
  'paths',
  'concurrency',
  'soak',
];

async function runSize(
  rels: number,
  options: SuiteOptions,
  results: Results,
  bench: BenchDatabase,
): Promise<void> {
  const { scenarios, effort, progress, seed } = options;
  const size = String(rels);
  const wants = (s: ScaleScenario) => scenarios.includes(s);
  const graph = { rels, seed };

  if (wants('load')) {
    progress(
      `[${formatCount(rels)}] load (batched, first ${effort.oneRow} one row per transaction)…`,
    );
    const s = await quietStamp(options);
    const load = await benchLoad(bench, graph, { oneRow: effort.oneRow, progress });
    record(results, 'load', size, { ...load, ...s });
    progress(
      `  ${load.relsPerSecond.toLocaleString('en')} rels/s batched, ${load.oneRow?.perSecond ?? '–'} rels/s one-row`,
    );
  }
  if (options.tune && (rels === 100_000 || options.sizes.length === 1)) {
    progress(`[${formatCount(rels)}] batch sizes…`);
    const s = await quietStamp(options);
    const points = await tuneBatchSize(bench, graph, BATCH_SIZES, progress);
    record(results, 'batchSizes', size, { rels, points, ...s });
  }
  const loaded = bench.loaded();
  if (!loaded || loaded.rels !== rels || loaded.seed !== seed) {
    progress(`[${formatCount(rels)}] loading the graph for the other scenarios…`);
    await benchLoad(bench, graph, {});
  }
  const totals = await countGraph(bench.db);
  if (totals.relationships !== rels) {
    throw new Error(`the database holds ${totals.relationships} relationships, expected ${rels}`);
  }

  if (wants('payload')) {
    progress(`[${formatCount(rels)}] payload…`);
    const s = await quietStamp(options);
    const points = await benchPayload(
      bench.db,
      totals,
      Math.max(3, Math.min(effort.repeats, 20)),
      effort.payloadSizes,
    );
    record(results, 'payload', size, { rels, points, ...s });
  }
  if (!scenarios.some((s) => needsApi.includes(s))) return;

  const nodes = await entityDegrees(bench.db);
  const classes = byDegree(nodes);
  const texts = searchTexts(nodes, 20);
  const isolated = await islands(bench.db);
  const excluded = new Set(isolated.flatMap((i) => [i.id, ...i.component]));
  const api = await startApi(bench.target, options.apiEnv);
  const client = new BenchClient(api.url);
  try {
    if (wants('neighbourhood')) {
      progress(`[${formatCount(rels)}] neighbourhood: API vs driver…`);
      const s = await quietStamp(options);
      const result = await benchNeighbours(bench.db, client, classes, {
        repeats: effort.repeats,
        timeoutMs: 15_000,
      });
      record(results, 'neighbourhood', size, { ...result, ...s });
      for (const c of result.classes) {
        progress(
          `  ${c.class} (degree ${c.degree}): API p50 ${c.api.p50.toFixed(2)} ms, driver ${c.driver.p50.toFixed(2)} ms, ratio ${c.ratioP50.toFixed(2)}`,
        );
      }
    }
    if (wants('search')) {
      progress(`[${formatCount(rels)}] search…`);
      const s = await quietStamp(options);
      const result = await benchSearch(client, texts, effort.searchRounds);
      record(results, 'search', size, { ...result, ...s });
      progress(
        `  p95 ${result.all.p95.toFixed(1)} ms (matching texts ${result.matching.p95.toFixed(1)} ms)`,
      );
    }
    if (wants('paths')) {
      progress(`[${formatCount(rels)}] paths…`);
      const s = await quietStamp(options);
      const pairs = pathPairs(nodes, effort.pathPairs, excluded);
      const disconnected = isolated.map(
        (island) => [island, classes.hub] as [typeof island, typeof classes.hub],
      );
      const result = await benchPaths(client, pairs, disconnected, {
        rounds: effort.pathRounds,
        budgetMs: effort.pathBudgetMs,
        // The longest search the API allows: the most a "no path" answer can cost.
        maxLength: loadConfig({ ...options.apiEnv }).limits.pathMaxLength,
      });
      record(results, 'paths', size, { ...result, ...s });
      progress(
        `  p95 ${result.connected.p95.toFixed(1)} ms; unreachable: ${result.unreachable.map((u) => `${u.status} in ${u.ms.toFixed(0)} ms`).join(', ')}`,
      );
    }
    const mix = requestMix(nodes, texts, 2_000);
    if (wants('concurrency')) {
      progress(`[${formatCount(rels)}] concurrency…`);
      const s = await quietStamp(options);
      const points = await benchConcurrency(client, mix, {
        durationMs: effort.concurrencyMs,
        levels: effort.concurrencyLevels,
      });
      record(results, 'concurrency', size, { points, ...s });
      for (const p of points)
        progress(
          `  ${p.clients} clients: ${p.throughput.toFixed(0)} req/s, p99 ${p.p99.toFixed(1)} ms`,
        );
    }
    if (wants('soak')) {
      progress(`[${formatCount(rels)}] soak, ${effort.soakRequests} requests…`);
      const s = await quietStamp(options);
      const result = await benchSoak(api, client, bench.db, mix, {
        requests: effort.soakRequests,
        warmup: effort.soakWarmup,
      });
      record(results, 'soak', size, { ...result, rels, ...s });
      progress(
        `  heap ${result.heapBeforeMb.toFixed(1)} → ${result.heapAfterMb.toFixed(1)} MB, open sessions ${result.openSessionsAfter}, open transactions ${result.openTransactionsAfter}`,
      );
    }
    // The figure stands for all the API's scenarios of a size: a partial run keeps the last one.
    if (API_SCENARIOS.every(wants)) {
      record(results, 'memory', size, { apiPeakRssMb: api.peakRssMb(), ...stamp() });
    }
  } finally {
    client.close();
    await api.close();
  }
}

/** Runs the chosen scenarios at every size, then the client scenario; fills `results`. */
export async function runSuite(options: SuiteOptions, results: Results): Promise<void> {
  const dbScenarios = options.scenarios.filter((s) => s !== 'client');
  if (dbScenarios.length > 0) {
    for (const rels of options.sizes) {
      const bench = options.external
        ? options.external(rels)
        : await openBenchInstance(rels, options.progress);
      try {
        await runSize(rels, options, results, bench);
      } finally {
        await bench.close();
      }
    }
  }
  if (options.scenarios.includes('client')) {
    options.progress('client: our canvas vs bare Cytoscape in headless Chromium…');
    const s = await quietStamp(options);
    const result = await benchClient({
      sizes: options.effort.clientSizes,
      steps: options.effort.clientSteps,
      budgetMs: options.effort.clientBudgetMs,
      progress: options.progress,
    });
    record(results, 'client', 'any', { ...result, ...s });
  }
}
