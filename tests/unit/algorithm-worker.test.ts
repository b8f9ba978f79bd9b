/**
 * The algorithm worker loads and answers under Vitest (this process) and under tsx, as `npm start`
 * runs the server; its answers are those of the same functions on the event loop.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Graph from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { AlgorithmWorker } from '../../server/discovery/algorithm-worker-client.ts';
import { communities, scoresOf } from '../../server/discovery/centrality.ts';
import type { Projection, ProjectionGraph } from '../../server/discovery/projection.ts';
import { WHOLE_GRAPH } from '../../server/discovery/scope.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

/** Two triangles joined by one link, one pair joined by three relationships. */
function twoTriangles(): Projection {
  const graph: ProjectionGraph = new Graph({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const id of ['a', 'b', 'c', 'x', 'y', 'z'])
    graph.addNode(id, { caption: id, labels: ['T'] });
  for (const [s, t] of ['ab', 'bc', 'ca', 'xy', 'yz', 'zx', 'cx']) {
    graph.addEdge(s as string, t as string, { relationships: s === 'a' ? 3 : 1, quoted: 0 });
  }
  return {
    scope: WHOLE_GRAPH,
    dates: [],
    graph,
    relationships: 9,
    excludedLabels: [],
    excludedTypes: [],
    readMs: 0,
    memo: new Map(),
  };
}

const worker = new AlgorithmWorker();
afterAll(() => worker.close());

describe('the algorithm worker', () => {
  it('answers as the functions do on the event loop', async () => {
    const projection = twoTriangles();
    const held = await worker.hold(projection);
    for (const measure of ['degree', 'pagerank', 'betweenness'] as const) {
      const answer = await worker.run({ kind: 'scores', graph: held.graph, measure });
      const expected = scoresOf(projection.graph, measure);
      expect(answer.kind).toBe('values');
      if (answer.kind !== 'values') return;
      expect(
        Object.fromEntries(held.packed.packed.ids.map((id, i) => [id, answer.values[i]])),
      ).toEqual(Object.fromEntries(expected));
    }
    const groups = await worker.run({ kind: 'communities', graph: held.graph });
    if (groups.kind !== 'communities') throw new Error(groups.kind);
    const local = communities(projection.graph);
    expect(held.packed.packed.ids.map((id, i) => [id, groups.of[i]])).toEqual(
      held.packed.packed.ids.map((id) => [id, local.of.get(id)]),
    );
    // c carries the bridge: a and b reach x, y and z only through it (6 pairs).
    const betweenness = scoresOf(projection.graph, 'betweenness');
    expect(betweenness.get('c')).toBe(6);
    expect(betweenness.get('a')).toBe(0);
  });

  it('refuses a graph it does not hold, by name', async () => {
    await expect(worker.run({ kind: 'communities', graph: 999 })).rejects.toThrow(
      'graph 999 is not loaded in the algorithm worker',
    );
  });

  it('loads under tsx, as npm start runs the server', () => {
    const script = path.join(REPO_ROOT, 'tests/unit/algorithm-worker-tsx.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ a: 0, b: 1, c: 0 });
  });
});
