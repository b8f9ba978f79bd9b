/**
 * The Neo4j the benchmarks run against: a managed instance of its own ("bench"), sized per graph
 * (heap and page cache, see docs/SCALE.md), holding one generated graph at a time. What it holds
 * is recorded beside it, so a run reuses a graph already loaded instead of loading it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Database, type Neo4jTarget } from '../../server/db/database.ts';
import { LOCAL_ROOT } from '../../server/neo4j/constants.ts';
import { readState, reset, runningState, start, stop } from '../../server/neo4j/instance.ts';
import { adminImport, type AdminImportReport } from '../../tools/gen/admin-import.ts';
import type { GenerateOptions } from '../../tools/gen/graph.ts';
import { COUNT_ALL, DELETE_ALL } from '../../tools/gen/queries.ts';

export const BENCH_INSTANCE = 'bench';
const STATE_FILE = path.join(LOCAL_ROOT, 'bench', 'instance.json');

export interface Memory {
  heap: string;
  pageCache: string;
}

/**
 * Heap and page cache per graph size on a 24 GiB machine. The page cache holds the whole store
 * at every size (1M relationships with evidence is about 0.6 GB on disk); the heap is sized for
 * the 10,000-row load transactions and the widest reads (hubs, path searches), not for the data.
 */
export function memoryFor(rels: number): Memory {
  if (rels <= 20_000) return { heap: '1g', pageCache: '256m' };
  if (rels <= 200_000) return { heap: '2g', pageCache: '512m' };
  return { heap: '4g', pageCache: '2g' };
}

export interface LoadedGraph {
  rels: number;
  seed: string;
  checksum: string;
}

interface BenchState {
  memory: Memory;
  loaded: LoadedGraph | undefined;
}

function readBenchState(): BenchState | undefined {
  if (!fs.existsSync(STATE_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as BenchState;
}

function writeBenchState(state: BenchState): void {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export interface BenchDatabase {
  readonly db: Database;
  readonly target: Neo4jTarget;
  /** The Neo4j process, for CPU and memory readings; undefined for an external server. */
  readonly pid: number | undefined;
  memory: Memory | undefined;
  /** The generated graph the database holds, when known. */
  loaded(): LoadedGraph | undefined;
  markLoaded(graph: LoadedGraph | undefined): void;
  /** Empties the database: a fresh store for the bench instance, DETACH DELETE elsewhere. */
  wipe(): Promise<void>;
  /** Replaces the database with the graph through neo4j-admin import (managed instance only). */
  adminImport: ((graph: GenerateOptions) => Promise<AdminImportReport>) | undefined;
  close(): Promise<void>;
}

/** Starts (or reuses) the bench instance with the memory a graph of `rels` needs. */
export async function openBenchInstance(
  rels: number,
  progress: (line: string) => void,
): Promise<BenchDatabase> {
  const memory = memoryFor(rels);
  const previous = readBenchState();
  if (
    runningState(BENCH_INSTANCE) &&
    (previous?.memory.heap !== memory.heap || previous.memory.pageCache !== memory.pageCache)
  ) {
    progress(
      `Restarting the bench Neo4j with heap ${memory.heap}, page cache ${memory.pageCache}…`,
    );
    await stop(BENCH_INSTANCE);
  }
  let benchState: BenchState = { memory, loaded: previous?.loaded };
  const connect = async () => {
    const { state } = await start({ name: BENCH_INSTANCE, boltPort: 0, ...memory, progress });
    writeBenchState(benchState);
    const target = {
      uri: state.uri,
      user: state.user,
      password: state.password,
      database: 'neo4j',
    };
    return {
      target,
      pid: state.pid,
      db: new Database(target, { maxTransactionRetryTimeMs: 30_000 }),
    };
  };
  let current = await connect();
  const markLoaded = (graph: LoadedGraph | undefined) => {
    benchState = { ...benchState, loaded: graph };
    writeBenchState(benchState);
  };
  return {
    get db() {
      return current.db;
    },
    get target() {
      return current.target;
    },
    get pid() {
      return current.pid;
    },
    memory,
    loaded: () => benchState.loaded,
    markLoaded,
    wipe: async () => {
      await current.db.close();
      markLoaded(undefined);
      await reset(BENCH_INSTANCE);
      current = await connect();
    },
    adminImport: async (graph) => {
      await current.db.close();
      markLoaded(undefined);
      const report = await adminImport(
        { name: BENCH_INSTANCE, boltPort: 0, ...memory, progress },
        graph,
        progress,
      );
      current = await connect();
      return report;
    },
    close: () => current.db.close(),
  };
}

/** Wraps any database (tests, or a server named by the configuration); nothing is recorded. */
export function externalBenchDatabase(target: Neo4jTarget): BenchDatabase {
  const db = new Database(target, { maxTransactionRetryTimeMs: 30_000 });
  let loaded: LoadedGraph | undefined;
  return {
    db,
    target,
    pid: undefined,
    memory: undefined,
    loaded: () => loaded,
    markLoaded: (graph) => {
      loaded = graph;
    },
    wipe: async () => {
      loaded = undefined;
      await db.runAutoCommit(DELETE_ALL);
    },
    adminImport: undefined,
    close: () => db.close(),
  };
}

/** Node and relationship totals, from the count store. */
export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  return db.read(async (tx) => {
    const record = (await tx.run(COUNT_ALL)).records[0];
    return {
      nodes: Number(record?.get('nodes') ?? 0),
      relationships: Number(record?.get('relationships') ?? 0),
    };
  });
}

export async function stopBenchInstance(): Promise<boolean> {
  if (!readState(BENCH_INSTANCE)) return false;
  return (await stop(BENCH_INSTANCE)).wasRunning;
}

/** CPU seconds a process has used (user + system), from /proc; undefined where unavailable. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Resident and peak resident memory of a process in MB, from /proc. */
export function processMemoryMb(
  pid: number | undefined,
): { rss: number; peak: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
