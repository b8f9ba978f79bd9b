/**
 * Nodes worth a look from one node: those not linked to it that share neighbours with it, scored
 * by Adamic–Adar (Σ 1 / ln(degree) over shared neighbours, so a specific shared neighbour counts
 * more than a hub everybody shares), each with its reason. Runs in the algorithm worker.
 */
import type { SuggestedCandidate } from './algorithm-protocol.ts';
import { SUGGESTION_REASON_NEIGHBOURS } from './limits.ts';
import type { ProjectionGraph } from './projection.ts';

export interface ScoredCandidate {
  node: string;
  score: number;
  shared: { node: string; degree: number; contribution: number }[];
}

/** Adamic–Adar scores of every node two steps from `source` and not adjacent to it. */
export function adamicAdar(graph: ProjectionGraph, source: string): ScoredCandidate[] {
  const candidates = new Map<string, ScoredCandidate>();
  graph.forEachNeighbor(source, (via) => {
    const degree = graph.degree(via);
    // A shared neighbour has the source and the candidate as neighbours, so degree ≥ 2.
    const contribution = 1 / Math.log(degree);
    graph.forEachNeighbor(via, (candidate) => {
      if (candidate === source || graph.areNeighbors(source, candidate)) return;
      const entry = candidates.get(candidate) ?? { node: candidate, score: 0, shared: [] };
      entry.score += contribution;
      entry.shared.push({ node: via, degree, contribution });
      candidates.set(candidate, entry);
    });
  });
  const caption = (id: string) => graph.getNodeAttribute(id, 'caption');
  for (const entry of candidates.values()) {
    entry.shared.sort(
      (a, b) => b.contribution - a.contribution || caption(a.node).localeCompare(caption(b.node)),
    );
  }
  return [...candidates.values()].sort(
    (a, b) =>
      b.score - a.score ||
      caption(a.node).localeCompare(caption(b.node)) ||
      (a.node < b.node ? -1 : 1),
  );
}

function list(names: string[], more: number): string {
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The reason in words, naming the most telling shared neighbours. */
export function reasonFor(
  graph: ProjectionGraph,
  source: string,
  candidate: ScoredCandidate,
): string {
  const caption = (id: string) => graph.getNodeAttribute(id, 'caption');
  const named = candidate.shared.slice(0, SUGGESTION_REASON_NEIGHBOURS).map((s) => caption(s.node));
  const count = candidate.shared.length;
  return (
    `Not linked to ${caption(source)} directly, but both are linked to ` +
    `${count === 1 ? '' : `the same ${count} nodes: `}${list(named, count - named.length)}.`
  );
}

/** The `limit` best candidates from `source`, with what an answer shows of each. */
export function suggestFrom(
  graph: ProjectionGraph,
  source: string,
  limit: number,
): SuggestedCandidate[] {
  return adamicAdar(graph, source)
    .slice(0, limit)
    .map((candidate) => ({
      node: candidate.node,
      score: candidate.score,
      shared: candidate.shared.slice(0, SUGGESTION_REASON_NEIGHBOURS).map((s) => ({
        node: s.node,
        caption: graph.getNodeAttribute(s.node, 'caption'),
        degree: s.degree,
        contribution: s.contribution,
      })),
      sharedTotal: candidate.shared.length,
      reason: reasonFor(graph, source, candidate),
    }));
}
