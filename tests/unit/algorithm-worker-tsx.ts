// Run by algorithm-worker.test.ts under `node --import tsx`: betweenness on a path a–b–c, printed.
import Graph from 'graphology';
import { AlgorithmWorker } from '../../server/discovery/algorithm-worker-client.ts';
import type { Projection, ProjectionGraph } from '../../server/discovery/projection.ts';

const graph: ProjectionGraph = new Graph({
  type: 'undirected',
  multi: false,
  allowSelfLoops: false,
});
for (const id of ['a', 'b', 'c']) graph.addNode(id, { caption: id, labels: [] });
graph.addEdge('a', 'b', { relationships: 1, quoted: 0 });
graph.addEdge('b', 'c', { relationships: 1, quoted: 0 });
const worker = new AlgorithmWorker();
const held = await worker.hold({ graph, memo: new Map() } as unknown as Projection);
const answer = await worker.run({ kind: 'scores', graph: held.graph, measure: 'betweenness' });
if (answer.kind !== 'values') throw new Error(answer.kind);
process.stdout.write(
  JSON.stringify(Object.fromEntries(held.packed.packed.ids.map((id, i) => [id, answer.values[i]]))),
);
await worker.close();
