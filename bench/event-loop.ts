/**
 * Does a graph algorithm hold up the server? The event-loop delay (p99, max) of the API process
 * while cold centrality requests (degree with Louvain, PageRank, betweenness where allowed) and a
 * few connect requests run on the whole synthetic graph, next to the same computations run
 * directly on the event loop for comparison. Runs on its own Neo4j ("event-loop-bench", data
 * replaced), with Graph Data Science loaded only for `--engine gds`, and writes the "event-loop"
 * section of docs/benchmarks.md. Usage: tsx bench/event-loop.ts [--sizes 10k] [--engine graphology|gds]
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CentralityMeasure } from '../common/api.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';
import { communities, scoresOf } from '../server/discovery/centrality.ts';
import { BETWEENNESS_MAX_WORK } from '../server/discovery/limits.ts';
import { readProjection } from '../server/discovery/projection.ts';
import { WHOLE_GRAPH } from '../server/discovery/scope.ts';
import { createLogger } from '../server/log.ts';
import { SchemaFactsCache } from '../server/schema/facts.ts';
import { loadGraph } from '../tools/gen/load.ts';
import { formatCount, parseCount } from '../tools/gen/sizes.ts';
import { stop } from '../tools/neo4j/instance.ts';
import { freshInstance } from './instance.ts';
import { machineLine, writeSection } from './report.ts';

const INSTANCE = 'event-loop-bench';
const SEED = 'discovery';
/** The target: no request waits more than this for the event loop while an algorithm runs. */
const TARGET_P99_MS = 50;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k' },
    engine: { type: 'string', default: 'graphology' },
  },
});
const sizes = (values.sizes ?? '').split(',').map((s) => parseCount(s.trim()) ?? Number.NaN);
const engine = values.engine;

const say = (line: string) => process.stdout.write(`${line}\n`);
const load1 = () => os.loadavg()[0]?.toFixed(1) ?? '?';

interface Delay {
  p99: number;
  max: number;
  ms: number;
}

/** Event-loop delay while `work` runs (5 ms resolution: finer sampling adds its own load). */
async function delayDuring(work: () => Promise<void>): Promise<Delay> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const started = performance.now();
  histogram.enable();
  try {
    await work();
  } finally {
    histogram.disable();
  }
  return {
    p99: histogram.percentile(99) / 1e6,
    max: histogram.max / 1e6,
    ms: Math.round(performance.now() - started),
  };
}

interface Row {
  rels: number;
  nodes: number;
  links: number;
  measures: string[];
  served: Delay;
  onLoop: Delay;
  load: string;
}

async function measure(db: Database, rels: number): Promise<Row> {
  say(`Loading ${formatCount(rels)} relationships…`);
  await loadGraph(db, { rels, seed: SEED }, { reset: true });
  const config = loadConfig({ QUERY_TIMEOUT_MS: '60000' });
  const app = createApp({ db, config, log: createLogger('silent') });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const loadBefore = load1();
  try {
    const evidence = (await new SchemaFactsCache(db, 10_000, 0).get()).evidence;
    const projection = await readProjection(
      db,
      WHOLE_GRAPH,
      evidence,
      { maxNodes: 250_000, maxRelationships: 1_500_000 },
      240_000,
    );
    const { order, size } = projection.graph;
    const measures: CentralityMeasure[] = ['degree', 'pagerank'];
    if (engine === 'gds' || order * size <= BETWEENNESS_MAX_WORK) measures.push('betweenness');

    // Through the API: projection read, packing, and the algorithms wherever they run.
    const served = await delayDuring(async () => {
      for (const m of measures) {
        const response = await fetch(`${base}/api/discovery/centrality?measure=${m}`);
        if (response.status !== 200) throw new Error(`${m}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    });
    // The same computations on the event loop, as the server ran them before the worker.
    const onLoop = await delayDuring(async () => {
      for (const m of measures) {
        scoresOf(projection.graph, m);
        await new Promise((resolve) => setImmediate(resolve));
      }
      communities(projection.graph);
    });
    return {
      rels,
      nodes: order,
      links: size,
      measures,
      served,
      onLoop,
      load: `${loadBefore} → ${load1()}`,
    };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function render(rows: Row[]): string {
  const d = (x: Delay) => `${x.p99.toFixed(1)} / ${x.max.toFixed(1)} ms (${x.ms} ms)`;
  return [
    '## Event loop during graph algorithms',
    '',
    machineLine(),
    '',
    `Synthetic graphs of \`tools/gen\` (seed "${SEED}"), whole graph, engine: ${engine === 'gds' ? 'Graph Data Science' : 'graphology in the algorithm worker'}.`,
    'Event-loop delay of the API process (p99 / max, and the wall time of the run) while cold centrality',
    'requests run one after the other (each measure with degree and Louvain communities), next to the same',
    `computations run directly on the event loop. Target: p99 ≤ ${TARGET_P99_MS} ms. \`tsx bench/event-loop.ts\` re-measures.`,
    '',
    '| relationships | nodes | links | measures | served: delay p99 / max (run) | on the event loop: p99 / max (run) | load average (1 min) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${formatCount(r.rels)} | ${r.nodes.toLocaleString('en')} | ${r.links.toLocaleString('en')} | ${r.measures.join(', ')} | ${d(r.served)} | ${d(r.onLoop)} | ${r.load} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  if (sizes.some((s) => !Number.isFinite(s)) || (engine !== 'graphology' && engine !== 'gds')) {
    throw new Error('usage: tsx bench/event-loop.ts [--sizes 10k,100k] [--engine graphology|gds]');
  }
  const { db } = await freshInstance(
    INSTANCE,
    { heap: '1g', pageCache: '512m', gds: engine === 'gds' },
    { maxTransactionRetryTimeMs: 30_000 },
  );
  const rows: Row[] = [];
  try {
    for (const rels of sizes) {
      const row = await measure(db, rels);
      say(JSON.stringify(row));
      rows.push(row);
    }
  } finally {
    await db.close();
    await stop(INSTANCE);
  }
  writeSection(`event-loop-${engine}`, render(rows));
  say(render(rows));
  // The algorithm worker is unreferenced when idle; nothing else keeps the process.
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
