/** Messages between the server and its algorithm worker (algorithm-worker.ts, algorithms.ts). */
import type { CentralityMeasure, ConnectRank } from '../../common/api.ts';
import type { PackedGraph } from './pack.ts';

export type AlgorithmTask =
  /** Keep a graph under `graph` until it is dropped. */
  | { kind: 'load'; graph: number; packed: PackedGraph }
  | { kind: 'drop'; graph: number }
  | { kind: 'scores'; graph: number; measure: CentralityMeasure }
  /** Node indexes by descending value, ties by caption then id. */
  | { kind: 'rank'; graph: number; values: Float64Array }
  | { kind: 'communities'; graph: number }
  | {
      kind: 'routes';
      graph: number;
      from: string;
      to: string;
      k: number;
      maxHops: number;
      maxSettled: number;
      rank: ConnectRank;
    };

export interface RoutesAnswer {
  routes: { nodes: string[]; cost: number }[];
  partial: boolean;
  settled: number;
  distance: number | null;
}

/** Per-node arrays are aligned with the loaded graph's `ids`. */
export type AlgorithmAnswer =
  | { kind: 'done' }
  | { kind: 'values'; values: Float64Array }
  | { kind: 'ranked'; order: Int32Array }
  | { kind: 'communities'; of: Int32Array; modularity: number | null }
  | ({ kind: 'routes' } & RoutesAnswer);

export interface WorkerRequest {
  id: number;
  task: AlgorithmTask;
}

export type WorkerReply =
  { id: number; ok: true; answer: AlgorithmAnswer } | { id: number; ok: false; error: string };
