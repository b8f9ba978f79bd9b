/**
 * Centrality on the canvas: node size by score, colour by community, for every node drawn, as
 * an emphasis the canvas draws over the label styling (graph/elements.ts), which comes back when
 * the emphasis is taken away. Pure: the canvas alone touches Cytoscape.
 */
import type { CentralityMembersResponse } from '../../../common/api.ts';
import type { NodeEmphasis } from '../graph/elements.ts';
import { OUTSIDE_COMMUNITIES, type CommunityColours } from './communityColours.ts';

const MIN_SIZE = 22;
const MAX_SIZE = 70;
const OUTSIDE_SIZE = 16;

/** Size between MIN_SIZE and MAX_SIZE, by the square root of the score's share of the top score. */
export function sizeFor(score: number, top: number): number {
  if (top <= 0) return MIN_SIZE;
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, score) / top));
}

/**
 * The emphasis of the drawn nodes the answer names: members by score and community, the others
 * small and pale. Its size is how many nodes are styled.
 */
export function centralityEmphasis(
  answer: CentralityMembersResponse,
  colours: CommunityColours,
  drawn: ReadonlySet<string>,
): Map<string, NodeEmphasis> {
  const emphasis = new Map<string, NodeEmphasis>();
  for (const member of answer.members) {
    if (!drawn.has(member.node)) continue;
    emphasis.set(member.node, {
      fill: colours.colourOf(member.community),
      diameter: sizeFor(member.score, answer.top),
    });
  }
  for (const id of answer.outside) {
    if (drawn.has(id)) emphasis.set(id, { fill: OUTSIDE_COMMUNITIES, diameter: OUTSIDE_SIZE });
  }
  return emphasis;
}
