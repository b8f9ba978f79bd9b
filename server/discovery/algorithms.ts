/**
 * Where discovery's graph algorithms run: in the database when it has Graph Data Science
 * (gds.ts), else with graphology in the algorithm worker thread; never on the event loop. Answers
 * are memoised on the projection, so they are computed again only when the graph changes.
 */
import type { CentralityMeasure, EvidenceProfile } from '../../common/api.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/problems.ts';
import type { AlgorithmWorker, HeldGraph, HeldProjection } from './algorithm-worker-client.ts';
import type { Communities, Scores } from './centrality.ts';
import { runOnGds, type GdsTask } from './gds.ts';
import { BETWEENNESS_MAX_WORK } from './limits.ts';
import { memoised } from './projection.ts';

export interface AlgorithmContext {
  db: Database;
  worker: AlgorithmWorker;
  /** The database's Graph Data Science version; null computes in the worker. */
  gds: string | null;
  evidence: EvidenceProfile;
  timeoutMs: number;
}

/** Values per node, aligned with the packed projection the worker holds. */
class AlignedScores implements Scores {
  constructor(
    private readonly held: HeldGraph,
    readonly values: Float64Array | Int32Array,
  ) {}

  get(id: string): number | undefined {
    const i = this.held.index.get(id);
    return i === undefined ? undefined : this.values[i];
  }
}

/** Scores aligned with the held graph's ids; `missing` where a node has none. */
export function aligned(held: HeldGraph, scores: Scores, missing = 0): Float64Array {
  // The worker's own answers are aligned already.
  if (scores instanceof AlignedScores) return Float64Array.from(scores.values);
  return Float64Array.from(held.ids, (id) => scores.get(id) ?? missing);
}

function refuseBetweenness(projection: HeldProjection): void {
  const { nodes: order, links: size } = projection;
  if (order * size > BETWEENNESS_MAX_WORK) {
    throw new AppError(
      'query-refused',
      `Betweenness takes time proportional to nodes × links; the chosen part has ${order} nodes and ${size} links, ` +
        `more than ${BETWEENNESS_MAX_WORK} together. Narrow it with labels, documents or a time window, or use degree or PageRank.`,
      { reason: 'projection-too-large', bound: BETWEENNESS_MAX_WORK },
    );
  }
}

export interface CentralityResults {
  scores: Scores;
  degrees: Scores;
  groups: Communities;
  /** Node ids by descending score, ties by caption then id. */
  ranked: string[];
  /** The same as indexes into the held graph's ids. */
  rankedIndexes: Int32Array;
  /** Something was computed for this request (not all served from the memo). */
  computed: boolean;
}

/** Scores for `measure`, degrees, communities and the ranking of a projection. */
export async function centralityOf(
  ctx: AlgorithmContext,
  projection: HeldProjection,
  measure: CentralityMeasure,
): Promise<CentralityResults> {
  const wanted: GdsTask[] = [...new Set<GdsTask>([measure, 'degree', 'louvain'])];
  const missing = wanted.filter((task) => !projection.memo.has(task));
  if (!ctx.gds && measure === 'betweenness' && missing.includes('betweenness')) {
    refuseBetweenness(projection);
  }
  const held = projection.held;
  // One GDS projection serves every task this request still needs.
  const onGds =
    ctx.gds && missing.length > 0
      ? runOnGds(ctx.db, projection, ctx.evidence, missing, ctx.timeoutMs)
      : undefined;
  const scoresFor = (task: Exclude<GdsTask, 'louvain'>) =>
    memoised(projection, task, async (): Promise<Scores> => {
      if (onGds) return (await onGds).scores.get(task) as Scores;
      const answer = await ctx.worker.run({ kind: 'scores', graph: held.graph, measure: task });
      if (answer.kind !== 'values') throw new Error(`unexpected answer ${answer.kind}`);
      return new AlignedScores(held, answer.values);
    });
  const groupsPromise = memoised(projection, 'louvain', async (): Promise<Communities> => {
    if (onGds) {
      const results = await onGds;
      return { of: results.scores.get('louvain') as Scores, modularity: results.modularity };
    }
    const answer = await ctx.worker.run({ kind: 'communities', graph: held.graph });
    if (answer.kind !== 'communities') throw new Error(`unexpected answer ${answer.kind}`);
    return { of: new AlignedScores(held, answer.of), modularity: answer.modularity };
  });
  const [scores, degrees, groups] = await Promise.all([
    scoresFor(measure),
    scoresFor('degree'),
    groupsPromise,
  ]);
  // Sorting every node by score and name costs more than a cached request should: kept too.
  const { ranked, rankedIndexes } = await memoised(projection, `ranking:${measure}`, async () => {
    const answer = await ctx.worker.run({
      kind: 'rank',
      graph: held.graph,
      values: aligned(held, scores),
    });
    if (answer.kind !== 'ranked') throw new Error(`unexpected answer ${answer.kind}`);
    return {
      ranked: Array.from(answer.order, (i) => held.ids[i] as string),
      rankedIndexes: answer.order,
    };
  });
  return { scores, degrees, groups, ranked, rankedIndexes, computed: missing.length > 0 };
}
