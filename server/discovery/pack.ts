/**
 * A projection in a form that crosses to a worker thread cheaply: node ids, captions and labels in
 * arrays, links as typed arrays of node indexes. Packing walks the graph in slices and yields to
 * the event loop between them, so even a large projection never holds up other requests.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import Graph from 'graphology';
import type { ProjectionGraph } from './projection.ts';

export interface PackedGraph {
  ids: string[];
  captions: string[];
  labels: string[][];
  /** Link i joins ids[ends[2i]] and ids[ends[2i + 1]], in the graph's own link order. */
  ends: Int32Array;
  relationships: Int32Array;
  quoted: Int32Array;
}

/** Nodes or links handled between two yields to the event loop (a few milliseconds of work). */
export const PACK_SLICE = 20_000;

export interface Packed {
  packed: PackedGraph;
  /** Node id → its index in `packed.ids` (and in every array a worker answers with). */
  index: ReadonlyMap<string, number>;
}

export async function packGraph(graph: ProjectionGraph, slice = PACK_SLICE): Promise<Packed> {
  const ids: string[] = [];
  const captions: string[] = [];
  const labels: string[][] = [];
  const index = new Map<string, number>();
  let count = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    index.set(node, ids.length);
    ids.push(node);
    captions.push(attributes.caption);
    labels.push(attributes.labels);
    if (++count % slice === 0) await nextTurn();
  }
  const ends = new Int32Array(graph.size * 2);
  const relationships = new Int32Array(graph.size);
  const quoted = new Int32Array(graph.size);
  let i = 0;
  for (const { source, target, attributes } of graph.edgeEntries()) {
    ends[2 * i] = index.get(source) as number;
    ends[2 * i + 1] = index.get(target) as number;
    relationships[i] = attributes.relationships;
    quoted[i] = attributes.quoted;
    i += 1;
    if (i % slice === 0) await nextTurn();
  }
  return { packed: { ids, captions, labels, ends, relationships, quoted }, index };
}

/** The same graph again (same nodes, links and order), on the worker's side. */
export function unpackGraph(packed: PackedGraph): ProjectionGraph {
  const graph: ProjectionGraph = new Graph({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  packed.ids.forEach((id, i) =>
    graph.addNode(id, { caption: packed.captions[i] as string, labels: packed.labels[i] ?? [] }),
  );
  for (let i = 0; i < packed.relationships.length; i += 1) {
    graph.addEdge(
      packed.ids[packed.ends[2 * i] as number],
      packed.ids[packed.ends[2 * i + 1] as number],
      {
        relationships: packed.relationships[i] as number,
        quoted: packed.quoted[i] as number,
      },
    );
  }
  return graph;
}
