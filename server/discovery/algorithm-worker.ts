/**
 * The algorithm worker: holds copies of the projections it is given and runs centrality,
 * communities, ranking and route search on them, one task at a time, off the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import type {
  AlgorithmAnswer,
  AlgorithmTask,
  WorkerReply,
  WorkerRequest,
} from './algorithm-protocol.ts';
import { communities, rankNodes, scoresOf } from './centrality.ts';
import { costModel } from './costs.ts';
import { unpackGraph } from './pack.ts';
import type { ProjectionGraph } from './projection.ts';
import { cheapestRoutes, hopDistance } from './routes.ts';

interface Held {
  graph: ProjectionGraph;
  index: Map<string, number>;
}

const held = new Map<number, Held>();

function graphOf(id: number): Held {
  const found = held.get(id);
  if (!found) throw new Error(`graph ${id} is not loaded in the algorithm worker`);
  return found;
}

function aligned(entry: Held, value: (id: string) => number): Float64Array {
  const out = new Float64Array(entry.index.size);
  for (const [id, i] of entry.index) out[i] = value(id);
  return out;
}

function run(task: AlgorithmTask): AlgorithmAnswer {
  switch (task.kind) {
    case 'load': {
      const graph = unpackGraph(task.packed);
      held.set(task.graph, {
        graph,
        index: new Map(task.packed.ids.map((id, i) => [id, i])),
      });
      return { kind: 'done' };
    }
    case 'drop':
      held.delete(task.graph);
      return { kind: 'done' };
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
    case 'routes': {
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
      return { kind: 'routes', ...search, distance };
    }
  }
}

const port = parentPort;
if (!port) throw new Error('algorithm-worker.ts runs only as a worker thread');
port.on('message', ({ id, task }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, answer: run(task) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
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
});
