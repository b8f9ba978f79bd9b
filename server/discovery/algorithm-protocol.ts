/** Messages between the server and its algorithm worker (algorithm-worker.ts, algorithms.ts). */
import type {
  CentralityMeasure,
  CommunitySummary,
  ConnectCost,
  ConnectRank,
  DateProperty,
  DiscoveryScope,
  EvidenceProfile,
} from '../../common/api.ts';
import type { Neo4jTarget } from '../db/database.ts';
import type { PackedGraph } from './pack.ts';
import type { ProjectionBounds } from './projection.ts';

/** What the worker needs to read a projection from Neo4j itself. */
export interface ProjectionRead {
  target: Neo4jTarget;
  scope: DiscoveryScope;
  evidence: EvidenceProfile;
  dates: DateProperty[];
  bounds: ProjectionBounds;
  timeoutMs: number;
}

export type AlgorithmTask =
  /** Read a projection from Neo4j and keep it under `graph` until it is dropped. */
  | { kind: 'read'; graph: number; read: ProjectionRead }
  /** Keep a graph built elsewhere under `graph` until it is dropped. */
  | { kind: 'load'; graph: number; packed: PackedGraph }
  | { kind: 'drop'; graph: number }
  /** Close the worker's connections to Neo4j: it is about to be stopped. */
  | { kind: 'close' }
  | { kind: 'scores'; graph: number; measure: CentralityMeasure }
  /** Node indexes by descending value, ties by caption then id. */
  | { kind: 'rank'; graph: number; values: Float64Array }
  | { kind: 'communities'; graph: number }
  /**
   * The communities of the ranked nodes (indexes), each node's community aligned with the graph's
   * ids (NaN: none); all of them or only those listed in `only`.
   */
  | { kind: 'summarise'; graph: number; ranked: Int32Array; of: Float64Array; only?: number[] }
  | { kind: 'suggestions'; graph: number; source: string; limit: number }
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
  /** The weighted cost of each route, itemised (aligned with `routes`). */
  costs: ConnectCost[];
  /** The captions of the two ends. */
  captions: [string, string];
}

/** A node worth a look, with its most telling shared neighbours. */
export interface SuggestedCandidate {
  node: string;
  score: number;
  shared: { node: string; caption: string; degree: number; contribution: number }[];
  sharedTotal: number;
  reason: string;
}

/** A projection the worker read and holds: its node ids (the alignment of every answer) and sizes. */
export interface ReadAnswer {
  ids: string[];
  links: number;
  relationships: number;
  excludedLabels: string[];
  excludedTypes: string[];
  readMs: number;
}

/** Per-node arrays are aligned with the loaded graph's `ids`. */
export type AlgorithmAnswer =
  | { kind: 'done' }
  | ({ kind: 'read' } & ReadAnswer)
  | { kind: 'values'; values: Float64Array }
  | { kind: 'ranked'; order: Int32Array }
  | { kind: 'communities'; of: Int32Array; modularity: number | null }
  | { kind: 'summaries'; communities: CommunitySummary[] }
  | { kind: 'suggestions'; candidates: SuggestedCandidate[] }
  | ({ kind: 'routes' } & RoutesAnswer);

export interface WorkerRequest {
  id: number;
  task: AlgorithmTask;
}

/** An application error (problem+json) raised in the worker, rebuilt on the server's side. */
export interface WorkerProblem {
  id: string;
  detail: string;
  extensions: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export type WorkerReply =
  | { id: number; ok: true; answer: AlgorithmAnswer }
  | { id: number; ok: false; error: string; problem?: WorkerProblem };
