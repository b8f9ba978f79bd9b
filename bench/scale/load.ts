/**
 * Scenario 1, load: a generated graph streamed in with batched UNWIND (relationships/s), the
 * first relationships of the same load written one row per transaction for comparison, and a
 * sweep over batch sizes. Also records the store size each graph takes on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadGraph, type LoadReport } from '../../tools/gen/load.ts';
import { instanceDir } from '../../server/neo4j/instance.ts';
import { BENCH_INSTANCE, processCpuMs, type BenchDatabase } from './target.ts';

export interface LoadResult {
  rels: number;
  seed: string;
  nodes: number;
  batchSize: number;
  nodesPerSecond: number;
  relsPerSecond: number;
  /** Neo4j CPU time per second of load wall time (1 = one core busy throughout). */
  neo4jCores: number | undefined;
  oneRow: { rows: number; perSecond: number } | undefined;
  /** The same graph through neo4j-admin import (managed instance only). */
  adminImport:
    { relsPerSecond: number; importMs: number; schemaMs: number; totalMs: number } | undefined;
  fulltextMs: number;
  totalMs: number;
  storeMb: number | undefined;
  degree: LoadReport['stats']['degree'];
  hubs: LoadReport['stats']['hubs'];
  hubsOver10k: number;
  checksum: string;
}

/** Size of the bench instance's store files on disk (MB); undefined for other servers. */
export function storeSizeMb(bench: BenchDatabase): number | undefined {
  if (bench.pid === undefined) return undefined;
  const dir = path.join(instanceDir(BENCH_INSTANCE), 'data', 'databases', 'neo4j');
  if (!fs.existsSync(dir)) return undefined;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 ** 2;
}

export async function benchLoad(
  bench: BenchDatabase,
  graph: { rels: number; seed: string },
  options: { batchSize?: number; oneRow?: number; progress?: (line: string) => void },
): Promise<LoadResult> {
  // The offline import first: the batched load that follows leaves the graph the scenarios use.
  const imported = bench.adminImport ? await bench.adminImport(graph) : undefined;
  await bench.wipe();
  const cpuBefore = processCpuMs(bench.pid);
  const report = await loadGraph(bench.db, graph, {
    batchSize: options.batchSize,
    oneRowRels: options.oneRow ?? 0,
    progress: options.progress,
  });
  const cpuAfter = processCpuMs(bench.pid);
  bench.markLoaded({ ...graph, checksum: report.stats.checksum });
  return {
    rels: graph.rels,
    seed: graph.seed,
    nodes: report.stats.nodes,
    batchSize: report.batchSize,
    nodesPerSecond: report.nodes.perSecond,
    relsPerSecond: report.relationships.perSecond,
    neo4jCores:
      cpuBefore !== undefined && cpuAfter !== undefined
        ? (cpuAfter - cpuBefore) / report.totalMs
        : undefined,
    oneRow: report.oneRow
      ? { rows: report.oneRow.rows, perSecond: report.oneRow.perSecond }
      : undefined,
    adminImport: imported && {
      relsPerSecond: imported.relsPerSecond,
      importMs: imported.importMs,
      schemaMs: imported.schemaMs,
      totalMs: imported.totalMs,
    },
    fulltextMs: report.fulltextMs,
    totalMs: report.totalMs,
    storeMb: storeSizeMb(bench),
    degree: report.stats.degree,
    hubs: report.stats.hubs.slice(0, 5),
    hubsOver10k: report.stats.hubsOver10k,
    checksum: report.stats.checksum,
  };
}

export interface BatchPoint {
  batchSize: number;
  relsPerSecond: number;
  nodesPerSecond: number;
}

/** Loads the same graph once per batch size (each into an emptied database). */
export async function tuneBatchSize(
  bench: BenchDatabase,
  graph: { rels: number; seed: string },
  batchSizes: readonly number[],
  progress: (line: string) => void,
): Promise<BatchPoint[]> {
  const points: BatchPoint[] = [];
  for (const batchSize of batchSizes) {
    await bench.wipe();
    const report = await loadGraph(bench.db, graph, { batchSize });
    bench.markLoaded({ ...graph, checksum: report.stats.checksum });
    points.push({
      batchSize,
      relsPerSecond: report.relationships.perSecond,
      nodesPerSecond: report.nodes.perSecond,
    });
    progress(`  batch ${batchSize}: ${report.relationships.perSecond.toLocaleString('en')} rels/s`);
  }
  return points;
}
