/**
 * The server's side of the algorithm worker: one worker thread per process, started on first
 * use, holding the most recently used projections. The worker reads each projection from Neo4j
 * itself; the event loop receives only its node ids and sizes. Tasks queue in the worker and run
 * one at a time; the event loop only indexes the ids (in slices) and reads the answers.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { DateProperty, DiscoveryScope } from '../../common/api.ts';
import { AppError, type ProblemId } from '../http/problems.ts';
import type {
  AlgorithmAnswer,
  AlgorithmTask,
  ProjectionRead,
  WorkerReply,
  WorkerRequest,
} from './algorithm-protocol.ts';
import { PROJECTION_CACHE_ENTRIES } from './limits.ts';
import { PACK_SLICE, packGraph, type Packed } from './pack.ts';
import type { Projection } from './projection.ts';

const WORKER_ENTRY = new URL('./algorithm-worker.mjs', import.meta.url);

/** How long the worker may take to close its connections to Neo4j when it is stopped. */
const CLOSE_GRACE_MS = 2_000;

interface Pending {
  resolve: (answer: AlgorithmAnswer) => void;
  reject: (error: Error) => void;
}

/** A graph the worker holds: the handle tasks name, and its node ids in the worker's order. */
export interface HeldGraph {
  graph: number;
  /** Every per-node array the worker answers with is aligned with these. */
  ids: readonly string[];
  /** Node id → its index in `ids`; also says whether a node is in the projection. */
  index: ReadonlyMap<string, number>;
}

/** A projection as the server's thread knows it: the worker holds the graph itself. */
export interface HeldProjection {
  scope: DiscoveryScope;
  /** The date properties its time window was read with (the schema profile's). */
  dates: DateProperty[];
  nodes: number;
  links: number;
  relationships: number;
  excludedLabels: string[];
  excludedTypes: string[];
  readMs: number;
  held: HeldGraph;
  /** Results computed on this projection (centrality, communities), kept with it. */
  memo: Map<string, unknown>;
}

/** Node id → index, built in slices so a large projection never holds up other requests. */
async function indexOf(ids: readonly string[], slice = PACK_SLICE): Promise<Map<string, number>> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 1) {
    index.set(ids[i] as string, i);
    if ((i + 1) % slice === 0) await nextTurn();
  }
  return index;
}

function rebuilt(reply: Extract<WorkerReply, { ok: false }>): Error {
  if (!reply.problem) return new Error(`algorithm worker: ${reply.error}`);
  const { id, detail, extensions, retryAfterSeconds } = reply.problem;
  return new AppError(id as ProblemId, detail, extensions, retryAfterSeconds);
}

/**
 * A graph given a task this recently is not dropped for a newer one: a request may still be
 * sending it tasks (a request ends within its deadline, about twice the query timeout).
 */
export const IN_USE_MS = 40_000;

export interface AlgorithmWorkerOptions {
  /** Graphs held at most while older ones are idle. */
  capacity?: number;
  /** See IN_USE_MS. Never more than twice the capacity is held, in use or not. */
  inUseMs?: number;
}

export class AlgorithmWorker {
  private worker: Worker | undefined;
  private nextRequest = 1;
  private nextGraph = 1;
  private readonly pending = new Map<number, Pending>();
  /** Graphs the worker holds, least recently used first. */
  private held: number[] = [];
  /** When each held graph was last given a task. */
  private readonly usedAt = new Map<number, number>();
  private readonly capacity: number;
  private readonly inUseMs: number;
  private readonly graphIds = new WeakMap<Projection, number>();
  private readonly packs = new WeakMap<Projection, Promise<Packed>>();

  constructor(options: AlgorithmWorkerOptions = {}) {
    this.capacity = options.capacity ?? PROJECTION_CACHE_ENTRIES;
    this.inUseMs = options.inUseMs ?? IN_USE_MS;
  }

  /**
   * Has the worker read the projection `read` names from Neo4j and keep it. Bounds, timeouts and
   * outages fail as the same problems as a read on the event loop would.
   */
  async read(read: ProjectionRead): Promise<HeldProjection> {
    const graph = this.nextGraph++;
    const answer = await this.admit(graph, this.run({ kind: 'read', graph, read }));
    if (answer.kind !== 'read') throw new Error(`unexpected answer ${answer.kind}`);
    return {
      scope: read.scope,
      dates: [...read.dates],
      nodes: answer.ids.length,
      links: answer.links,
      relationships: answer.relationships,
      excludedLabels: answer.excludedLabels,
      excludedTypes: answer.excludedTypes,
      readMs: answer.readMs,
      held: { graph, ids: answer.ids, index: await indexOf(answer.ids) },
      memo: new Map(),
    };
  }

  /** Makes sure the worker holds a projection built in this thread; packs it once per projection. */
  async hold(projection: Projection): Promise<HeldGraph & { packed: Packed }> {
    let packing = this.packs.get(projection);
    if (!packing) {
      packing = packGraph(projection.graph);
      this.packs.set(projection, packing);
    }
    const packed = await packing;
    let graph = this.graphIds.get(projection);
    if (graph === undefined) {
      graph = this.nextGraph++;
      this.graphIds.set(projection, graph);
    }
    const found = { graph, ids: packed.packed.ids, index: packed.index, packed };
    if (this.holds(graph)) {
      this.touch(graph);
      return found;
    }
    await this.admit(graph, this.run({ kind: 'load', graph, packed: packed.packed }));
    return found;
  }

  /** Whether the worker still holds `graph` (not dropped for newer ones, not restarted). */
  holds(graph: number): boolean {
    return this.held.includes(graph);
  }

  /** Marks `graph` most recently used. */
  touch(graph: number): void {
    const at = this.held.indexOf(graph);
    if (at < 0) return;
    this.held.splice(at, 1);
    this.held.push(graph);
    this.usedAt.set(graph, Date.now());
  }

  /** Sends one task; answers in the order the worker finishes them. */
  run(task: AlgorithmTask): Promise<AlgorithmAnswer> {
    const worker = this.started();
    if ('graph' in task && task.kind !== 'drop') this.usedAt.set(task.graph, Date.now());
    const id = this.nextRequest++;
    return new Promise<AlgorithmAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      const request: WorkerRequest = { id, task };
      worker.postMessage(request);
    });
  }

  /**
   * Stops the worker once it has closed its connections to Neo4j (or after a grace period);
   * pending tasks fail. A later task starts a new one.
   */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      this.run({ kind: 'close' }).catch(() => {}),
      new Promise((resolve) => {
        grace = setTimeout(resolve, CLOSE_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
    this.reset(new Error('the algorithm worker was stopped'));
    await worker.terminate();
  }

  /**
   * Records `graph` as held before its load or read is answered (tasks sent meanwhile queue
   * behind it in the worker) and drops the least recently used beyond capacity.
   */
  private async admit(graph: number, loading: Promise<AlgorithmAnswer>): Promise<AlgorithmAnswer> {
    this.held.push(graph);
    const now = Date.now();
    while (this.held.length > this.capacity) {
      // The least recently used idle graph; one in use only beyond twice the capacity.
      let at = this.held.findIndex(
        (g) => g !== graph && now - (this.usedAt.get(g) ?? 0) >= this.inUseMs,
      );
      if (at < 0 && this.held.length > 2 * this.capacity) at = 0;
      if (at < 0) break;
      const [dropped] = this.held.splice(at, 1) as [number];
      this.usedAt.delete(dropped);
      void this.run({ kind: 'drop', graph: dropped }).catch(() => {});
    }
    try {
      return await loading;
    } catch (error) {
      const at = this.held.indexOf(graph);
      if (at >= 0) this.held.splice(at, 1);
      throw error;
    }
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_ENTRY);
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.answer);
      else pending.reject(rebuilt(reply));
    });
    worker.on('error', (error) => this.reset(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.reset(new Error(`the algorithm worker exited (${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private reset(error: Error): void {
    this.worker = undefined;
    this.held = [];
    this.usedAt.clear();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}

let shared: AlgorithmWorker | undefined;

/** The process's algorithm worker. */
export function algorithmWorker(): AlgorithmWorker {
  shared ??= new AlgorithmWorker();
  return shared;
}
