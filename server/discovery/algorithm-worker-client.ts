/**
 * The server's side of the algorithm worker: one worker thread per process, started on first
 * use, holding copies of the most recently used projections. Tasks queue in the worker and run
 * one at a time; the event loop only packs a projection (in slices) and reads the answers.
 */
import { Worker } from 'node:worker_threads';
import type {
  AlgorithmAnswer,
  AlgorithmTask,
  WorkerReply,
  WorkerRequest,
} from './algorithm-protocol.ts';
import { PROJECTION_CACHE_ENTRIES } from './limits.ts';
import { packGraph, type Packed } from './pack.ts';
import type { Projection } from './projection.ts';

const WORKER_ENTRY = new URL('./algorithm-worker.mjs', import.meta.url);

interface Pending {
  resolve: (answer: AlgorithmAnswer) => void;
  reject: (error: Error) => void;
}

/** A projection as the worker holds it. */
export interface HeldGraph {
  graph: number;
  packed: Packed;
}

export class AlgorithmWorker {
  private worker: Worker | undefined;
  private nextRequest = 1;
  private nextGraph = 1;
  private readonly pending = new Map<number, Pending>();
  /** Graphs the worker holds, least recently used first. */
  private held: number[] = [];
  private readonly graphIds = new WeakMap<Projection, number>();
  private readonly packs = new WeakMap<Projection, Promise<Packed>>();

  constructor(private readonly capacity = PROJECTION_CACHE_ENTRIES) {}

  /** Makes sure the worker holds `projection`; packs it once per projection. */
  async hold(projection: Projection): Promise<HeldGraph> {
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
    const at = this.held.indexOf(graph);
    if (at >= 0) {
      this.held.splice(at, 1);
      this.held.push(graph);
      return { graph, packed };
    }
    // Recorded before the load is sent: tasks sent meanwhile queue behind it in the worker.
    this.held.push(graph);
    const loading = this.run({ kind: 'load', graph, packed: packed.packed });
    while (this.held.length > this.capacity) {
      const dropped = this.held.shift() as number;
      void this.run({ kind: 'drop', graph: dropped }).catch(() => {});
    }
    await loading;
    return { graph, packed };
  }

  /** Sends one task; answers in the order the worker finishes them. */
  run(task: AlgorithmTask): Promise<AlgorithmAnswer> {
    const worker = this.started();
    const id = this.nextRequest++;
    return new Promise<AlgorithmAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      const request: WorkerRequest = { id, task };
      worker.postMessage(request);
    });
  }

  /** Stops the worker; pending tasks fail. A later task starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.reset(new Error('the algorithm worker was stopped'));
    if (worker) await worker.terminate();
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
      else pending.reject(new Error(`algorithm worker: ${reply.error}`));
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
