/**
 * The algorithm worker: reads projections from Neo4j itself (or holds copies of those it is
 * given) and runs centrality, communities, ranking, suggestions and route search on them, one
 * task at a time, off the server's event loop. Only ids, numbers and short answers go back.
 */
import { parentPort } from 'node:worker_threads';
import { Database } from '../db/database.ts';
import { AppError, fromDriverError } from '../http/problems.ts';
import { suggestFrom } from './adamic-adar.ts';
import type {
  AlgorithmAnswer,
  AlgorithmTask,
  ProjectionRead,
  WorkerReply,
  WorkerRequest,
} from './algorithm-protocol.ts';
import { communities, rankNodes, scoresOf } from './centrality.ts';
import { summariseCommunities } from './communities.ts';
import { costModel, explainCost } from './costs.ts';
import { unpackGraph } from './pack.ts';
import { readProjection, type ProjectionGraph } from './projection.ts';
import { cheapestRoutes, hopDistance } from './routes.ts';

interface Held {
  graph: ProjectionGraph;
  ids: string[];
  index: Map<string, number>;
}

if (!parentPort) throw new Error('algorithm-worker.ts runs only as a worker thread');
const port = parentPort;

const held = new Map<number, Held>();

/** The worker's own gateways to Neo4j, one per target, closed before the worker stops. */
const databases = new Map<string, Database>();

function databaseFor(target: ProjectionRead['target']): Database {
  const key = JSON.stringify(target);
  let db = databases.get(key);
  if (!db) {
    db = new Database(target);
    databases.set(key, db);
  }
  return db;
}

async function closeDatabases(): Promise<void> {
  const open = [...databases.values()];
  databases.clear();
  await Promise.all(open.map((db) => db.close()));
}

function graphOf(id: number): Held {
  const found = held.get(id);
  if (!found) throw new Error(`graph ${id} is not loaded in the algorithm worker`);
  return found;
}

function keep(id: number, graph: ProjectionGraph, ids: string[]): void {
  held.set(id, { graph, ids, index: new Map(ids.map((node, i) => [node, i])) });
}

function aligned(entry: Held, value: (id: string) => number): Float64Array {
  const out = new Float64Array(entry.index.size);
  for (const [id, i] of entry.index) out[i] = value(id);
  return out;
}

async function read(graph: number, request: ProjectionRead): Promise<AlgorithmAnswer> {
  const { target, scope, evidence, dates, bounds, timeoutMs } = request;
  const projection = await readProjection(
    databaseFor(target),
    scope,
    evidence,
    dates,
    bounds,
    timeoutMs,
  );
  const ids = projection.graph.nodes();
  keep(graph, projection.graph, ids);
  return {
    kind: 'read',
    ids,
    links: projection.graph.size,
    relationships: projection.relationships,
    excludedLabels: projection.excludedLabels,
    excludedTypes: projection.excludedTypes,
    readMs: projection.readMs,
  };
}

function routes(task: Extract<AlgorithmTask, { kind: 'routes' }>): AlgorithmAnswer {
  const { graph } = graphOf(task.graph);
  const search = cheapestRoutes(graph, costModel(graph, task.rank), task.from, task.to, {
    k: task.k,
    maxHops: task.maxHops,
    maxSettled: task.maxSettled,
  });
  // Equal costs are listed by the names along the way, so the order never depends on read order.
  const names = (nodes: string[]) =>
    nodes.map((id) => graph.getNodeAttribute(id, 'caption')).join('\u0000');
  const rounded = (cost: number) => Math.round(cost * 1e6);
  search.routes.sort(
    (a, b) => rounded(a.cost) - rounded(b.cost) || names(a.nodes).localeCompare(names(b.nodes)),
  );
  search.routes.splice(task.k);
  // Breadth-first over the projection: cheap next to the read, and it names the nearest distance.
  const distance = hopDistance(graph, task.from, task.to);
  return {
    kind: 'routes',
    ...search,
    distance,
    costs: search.routes.map((route) => explainCost(graph, route.nodes)),
    captions: [
      graph.getNodeAttribute(task.from, 'caption'),
      graph.getNodeAttribute(task.to, 'caption'),
    ],
  };
}

function run(task: AlgorithmTask): AlgorithmAnswer | Promise<AlgorithmAnswer> {
  switch (task.kind) {
    case 'read':
      return read(task.graph, task.read);
    case 'load':
      keep(task.graph, unpackGraph(task.packed), task.packed.ids);
      return { kind: 'done' };
    case 'drop':
      held.delete(task.graph);
      return { kind: 'done' };
    case 'close':
      return closeDatabases().then(() => ({ kind: 'done' }));
    case 'scores': {
      const entry = graphOf(task.graph);
      const scores = scoresOf(entry.graph, task.measure);
      return { kind: 'values', values: aligned(entry, (id) => scores.get(id) ?? 0) };
    }
    case 'rank': {
      const entry = graphOf(task.graph);
      const values = task.values;
      const ranked = rankNodes(entry.graph, {
        get: (id) => values[entry.index.get(id) as number],
      });
      return {
        kind: 'ranked',
        order: Int32Array.from(ranked, (id) => entry.index.get(id) as number),
      };
    }
    case 'communities': {
      const entry = graphOf(task.graph);
      const found = communities(entry.graph);
      const of = new Int32Array(entry.index.size);
      for (const [id, i] of entry.index) of[i] = found.of.get(id) ?? -1;
      return { kind: 'communities', of, modularity: found.modularity };
    }
    case 'summarise': {
      const entry = graphOf(task.graph);
      const of = task.of;
      const ranked = Array.from(task.ranked, (i) => entry.ids[i] as string);
      const communityOf = (id: string) => {
        const value = of[entry.index.get(id) as number] as number;
        return Number.isNaN(value) ? undefined : value;
      };
      const only = task.only ? new Set(task.only) : undefined;
      return {
        kind: 'summaries',
        communities: summariseCommunities(entry.graph, ranked, communityOf, only),
      };
    }
    case 'suggestions': {
      const { graph } = graphOf(task.graph);
      return { kind: 'suggestions', candidates: suggestFrom(graph, task.source, task.limit) };
    }
    case 'routes':
      return routes(task);
  }
}

function failure(id: number, error: unknown): WorkerReply {
  const mapped = fromDriverError(error);
  if (mapped instanceof AppError) {
    return {
      id,
      ok: false,
      error: mapped.message,
      problem: {
        id: mapped.id,
        detail: mapped.message,
        extensions: mapped.extensions,
        ...(mapped.retryAfterSeconds === undefined
          ? {}
          : { retryAfterSeconds: mapped.retryAfterSeconds }),
      },
    };
  }
  return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
}

function send(reply: WorkerReply): void {
  // The per-node arrays are moved, not copied, to the server's thread.
  const transfer: ArrayBuffer[] = [];
  if (reply.ok) {
    const answer = reply.answer;
    const moved =
      answer.kind === 'values'
        ? answer.values
        : answer.kind === 'ranked'
          ? answer.order
          : answer.kind === 'communities'
            ? answer.of
            : undefined;
    if (moved) transfer.push(moved.buffer as ArrayBuffer);
  }
  port.postMessage(reply, transfer);
}

port.on('message', ({ id, task }: WorkerRequest) => {
  // Computations run to the end before the next message; reads from Neo4j wait for it without
  // holding up the tasks queued behind them.
  try {
    const answer = run(task);
    if (answer instanceof Promise) {
      answer.then(
        (done) => send({ id, ok: true, answer: done }),
        (error: unknown) => send(failure(id, error)),
      );
    } else {
      send({ id, ok: true, answer });
    }
  } catch (error) {
    send(failure(id, error));
  }
});
