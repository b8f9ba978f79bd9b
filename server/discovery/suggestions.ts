/**
 * GET /api/discovery/suggestions: "worth a look" — nodes not yet linked to the selection that
 * share neighbours with it, scored by Adamic–Adar (adamic-adar.ts, in the algorithm worker),
 * each with its reason.
 */
import type { DiscoveryScope, Suggestion, SuggestionsResponse } from '../../common/api.ts';
import type { DiscoveryContext } from './connect.ts';
import { requireInProjection } from './connect.ts';
import { readNodes } from './evidence.ts';
import { summarise } from './summary.ts';

export interface SuggestionsRequest {
  id: string;
  limit: number;
  scope: DiscoveryScope;
}

const round = (value: number) => Math.round(value * 1e9) / 1e9;

export async function suggestions(
  ctx: DiscoveryContext,
  request: SuggestionsRequest,
): Promise<SuggestionsResponse> {
  const cached = await ctx.cache.get(request.scope, ctx.facts.evidence, ctx.facts.profile.dates);
  const { held } = cached.projection;
  const ends = await requireInProjection(ctx, held.index, [{ name: 'id', id: request.id }]);
  const answer = await ctx.worker.run({
    kind: 'suggestions',
    graph: held.graph,
    source: request.id,
    limit: request.limit,
  });
  if (answer.kind !== 'suggestions') throw new Error(`unexpected answer ${answer.kind}`);
  const top = answer.candidates;
  const nodes = await ctx.db.read(
    (tx) =>
      readNodes(
        tx,
        top.map((c) => c.node),
      ),
    ctx.timeoutMs,
  );
  const found: Suggestion[] = top.flatMap((candidate) => {
    const node = nodes.get(candidate.node);
    if (!node) return [];
    return [
      {
        node,
        score: round(candidate.score),
        shared: candidate.shared.map((s) => ({ ...s, contribution: round(s.contribution) })),
        sharedTotal: candidate.sharedTotal,
        reason: candidate.reason,
      },
    ];
  });
  return {
    source: ends.get(request.id) as NonNullable<ReturnType<typeof ends.get>>,
    suggestions: found,
    limit: request.limit,
    projection: summarise(cached),
  };
}
