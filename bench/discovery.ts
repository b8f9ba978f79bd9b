/**
 * Discovery on the synthetic graphs (tools/gen): the whole-graph projection (read time, memory),
 * centrality (degree with Louvain, PageRank; betweenness where the bound allows it) cold and
 * cached, and connect between random pairs of entities next to GET /api/paths on the same pairs.
 * Runs on its own Neo4j instance ("discovery-bench", data replaced) and writes the "discovery"
 * section of docs/benchmarks.md. Usage: tsx bench/discovery.ts [--sizes 10k,100k,1m] [--pairs 20]
 */
import { parseArgs } from 'node:util';
import type { Database } from '../server/db/database.ts';
import { loadGraph } from '../tools/gen/load.ts';
import { Random } from '../tools/gen/prng.ts';
import { formatCount, parseCount } from '../tools/gen/sizes.ts';
import { stop } from '../server/neo4j/instance.ts';
import { freshInstance, serveApp } from './instance.ts';
import { machineLine, median, percentile, writeSection } from './report.ts';

const INSTANCE = 'discovery-bench';
const SEED = 'discovery';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10k,100k,1m' },
    pairs: { type: 'string', default: '20' },
  },
});
const sizes = (values.sizes ?? '').split(',').map((s) => parseCount(s.trim()) ?? Number.NaN);
const pairs = Number(values.pairs);

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (from: number) => Math.round(performance.now() - from);
const mb = () => process.memoryUsage().heapUsed / 1024 ** 2;

interface Timed<T> {
  ms: number;
  status: number;
  body: T;
}

async function timedGet<T>(base: string, path: string): Promise<Timed<T>> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`);
  const body = (await response.json()) as T;
  return { ms: ms(started), status: response.status, body };
}

interface Row {
  rels: number;
  nodes: number;
  readMs: number;
  heapMb: number;
  degreeColdMs: number;
  degreeWarmMs: number;
  pagerankMs: number;
  betweenness: string;
  connect: number[];
  found: number;
  partial: number;
  paths: number[];
}

async function measure(db: Database, rels: number): Promise<Row> {
  say(`Loading ${formatCount(rels)} relationships…`);
  await loadGraph(db, { rels, seed: SEED }, { reset: true });
  const served = await serveApp(db);
  const base = served.base;
  try {
    global.gc?.();
    const heapBefore = mb();
    type Centrality = { projection: { nodes: number; readMs: number }; computeMs: number };
    const cold = await timedGet<Centrality>(base, '/api/discovery/centrality?measure=degree');
    if (cold.status !== 200) throw new Error(`centrality: ${JSON.stringify(cold.body)}`);
    global.gc?.();
    const heapMb = mb() - heapBefore;
    const warm = await timedGet<Centrality>(base, '/api/discovery/centrality?measure=degree');
    const pagerank = await timedGet<Centrality>(base, '/api/discovery/centrality?measure=pagerank');
    const between = await timedGet<Centrality & { detail?: string }>(
      base,
      '/api/discovery/centrality?measure=betweenness',
    );
    const betweenness =
      between.status === 200 ? `${between.ms} ms` : `refused (${between.status}, node bound)`;

    const ids = await db.read(async (tx) =>
      (
        await tx.run<{ id: string }>('MATCH (n:Entity) RETURN elementId(n) AS id ORDER BY n.key')
      ).records.map((r) => r.get('id')),
    );
    const random = new Random(`${SEED}-${rels}`);
    const connect: number[] = [];
    const paths: number[] = [];
    let found = 0;
    let partial = 0;
    for (let i = 0; i < pairs; i += 1) {
      const from = random.pick(ids);
      let to = random.pick(ids);
      while (to === from) to = random.pick(ids);
      const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      const c = await timedGet<{ paths: unknown[]; partial: boolean }>(
        base,
        `/api/discovery/connect?${q}`,
      );
      if (c.status !== 200) throw new Error(`connect: ${JSON.stringify(c.body)}`);
      connect.push(c.ms);
      if (c.body.paths.length > 0) found += 1;
      if (c.body.partial) partial += 1;
      const p = await timedGet<unknown>(base, `/api/paths?${q}`);
      paths.push(p.ms);
    }
    return {
      rels,
      nodes: cold.body.projection.nodes,
      readMs: cold.body.projection.readMs,
      heapMb,
      degreeColdMs: cold.ms,
      degreeWarmMs: warm.ms,
      pagerankMs: pagerank.ms,
      betweenness,
      connect,
      found,
      partial,
      paths,
    };
  } finally {
    served.close();
  }
}

function render(rows: Row[]): string {
  const lat = (v: number[]) => `${median(v)} / ${percentile(v, 95)} ms`;
  const lines = [
    '## Discovery: projection, centrality, connect',
    '',
    machineLine(),
    '',
    `Synthetic graphs of \`tools/gen\` (seed "${SEED}"), whole graph; connect and GET /api/paths on the same`,
    `${pairs} random entity pairs (defaults: 3 paths, at most 4 hops), median / p95. "Cold" reads the projection`,
    'from Neo4j; "cached" is the next request on the unchanged graph. Heap: Node heap held by the projection',
    '(with its degree and community results). `tsx bench/discovery.ts` re-measures.',
    '',
    '| relationships | nodes projected | projection read | heap | degree + Louvain, cold | cached | PageRank | betweenness | connect | found / partial | /api/paths |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${formatCount(r.rels)} | ${r.nodes.toLocaleString('en')} | ${r.readMs} ms | ${r.heapMb.toFixed(0)} MB | ${r.degreeColdMs} ms | ${r.degreeWarmMs} ms | ${r.pagerankMs} ms | ${r.betweenness} | ${lat(r.connect)} | ${r.found} / ${r.partial} of ${r.connect.length} | ${lat(r.paths)} |`,
    ),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (sizes.some((s) => !Number.isFinite(s)) || !(pairs > 0)) {
    throw new Error('usage: tsx bench/discovery.ts [--sizes 10k,100k,1m] [--pairs 20]');
  }
  const { db } = await freshInstance(
    INSTANCE,
    { heap: '2g', pageCache: '1g' },
    { maxTransactionRetryTimeMs: 30_000 },
  );
  const rows: Row[] = [];
  try {
    for (const rels of sizes) {
      const row = await measure(db, rels);
      say(JSON.stringify({ ...row, connect: undefined, paths: undefined }));
      rows.push(row);
    }
  } finally {
    await db.close();
    await stop(INSTANCE);
  }
  writeSection('discovery', render(rows));
  say(render(rows));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
