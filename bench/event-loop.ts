/**
 * Does a graph algorithm hold up the server? The event-loop delay (p99, max) of the API process
 * while cold centrality requests (degree with Louvain, PageRank, betweenness where allowed) and a
 * few connect requests run on the whole synthetic graph, next to the same computations run
 * directly on the event loop for comparison. Runs on its own Neo4j ("event-loop-bench", data
 * replaced), with Graph Data Science loaded only for `--engine gds`, and writes the "event-loop"
 * section of docs/benchmarks.md. Usage: tsx bench/event-loop.ts [--sizes 10k] [--engine graphology|gds]
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CentralityMeasure } from '../common/api.ts';
import type { Database } from '../server/db/database.ts';
import { communities, scoresOf } from '../server/discovery/centrality.ts';
import { BETWEENNESS_MAX_WORK } from '../server/discovery/limits.ts';
import { readProjection } from '../server/discovery/projection.ts';
import { WHOLE_GRAPH } from '../server/discovery/scope.ts';
import { SchemaFactsCache } from '../server/schema/facts.ts';
import { loadGraph } from '../tools/gen/load.ts';
import { formatCount, parseCount } from '../tools/gen/sizes.ts';
import { stop } from '../server/neo4j/instance.ts';
import { freshInstance, serveApp } from './instance.ts';
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
    // Let the timer that a blocked loop delayed fire, so the histogram records that delay.
    await new Promise((resolve) => setTimeout(resolve, 20));
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
  first: Delay;
  served: Delay;
  idle: Delay;
  onLoop: Delay;
  load: string;
}

async function measure(db: Database, rels: number): Promise<Row> {
  say(`Loading ${formatCount(rels)} relationships…`);
  await loadGraph(db, { rels, seed: SEED }, { reset: true });
  const served = await serveApp(db);
  const base = served.base;
  const loadBefore = load1();
  try {
    const facts = await new SchemaFactsCache(db, 120_000, 0).get();
    const projection = await readProjection(
      db,
      WHOLE_GRAPH,
      facts.evidence,
      facts.profile.dates,
      { maxNodes: 250_000, maxRelationships: 1_500_000 },
      240_000,
    );
    const { order, size } = projection.graph;
    const measures: CentralityMeasure[] = ['degree', 'pagerank'];
    if (engine === 'gds' || order * size <= BETWEENNESS_MAX_WORK) measures.push('betweenness');

    // Through the API. First degree: the projection read (in the worker) and the algorithms; then the
    // other measures on the cached projection: only the algorithms (and the ranking) are cold.
    const get = async (m: CentralityMeasure) => {
      const response = await fetch(`${base}/api/discovery/centrality?measure=${m}`);
      if (response.status !== 200) throw new Error(`${m}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    const first = await delayDuring(() => get('degree'));
    const served = await delayDuring(async () => {
      for (const m of measures.slice(1)) await get(m);
    });
    // The machine's own share: the same process doing nothing for as long.
    const idle = await delayDuring(() => new Promise((resolve) => setTimeout(resolve, served.ms)));
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
      first,
      served,
      idle,
      onLoop,
      load: `${loadBefore} → ${load1()}`,
    };
  } finally {
    served.close();
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
    'Event-loop delay of the API process (p99 / max, and the wall time of the run) during the first centrality',
    'request (degree: the projection read from Neo4j in the worker, degree, Louvain, ranking), then while the other',
    'measures run cold on the cached projection (the algorithms and the ranking only), next to the same',
    'computations run directly on the event loop, and the same process idle for as long (what the busy',
    `machine alone causes). Target: p99 ≤ ${TARGET_P99_MS} ms. \`tsx bench/event-loop.ts\` re-measures.`,
    '',
    '| relationships | nodes | links | first request (read + degree + Louvain) | other measures (algorithms only) | idle | on the event loop | load average (1 min) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${formatCount(r.rels)} | ${r.nodes.toLocaleString('en')} | ${r.links.toLocaleString('en')} | ${d(r.first)} | ${r.measures.slice(1).join(', ')}: ${d(r.served)} | ${r.idle.p99.toFixed(1)} / ${r.idle.max.toFixed(1)} ms | ${d(r.onLoop)} | ${r.load} |`,
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
