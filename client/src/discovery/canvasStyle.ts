/**
 * Centrality on the canvas: node size by score, colour by community, for every node drawn, set
 * as per-node style overrides on the Cytoscape instance so the label styling underneath stays
 * untouched and comes back when the overlay is cleared.
 */
import type { Core } from 'cytoscape';
import type { CentralityMembersResponse } from '../../../common/api.ts';
import { OUTSIDE_COMMUNITIES, type CommunityColours } from './communityColours.ts';

const MIN_SIZE = 22;
const MAX_SIZE = 70;
const OUTSIDE_SIZE = 16;

/** Size between MIN_SIZE and MAX_SIZE, by the square root of the score's share of the top score. */
export function sizeFor(score: number, top: number): number {
  if (top <= 0) return MIN_SIZE;
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, score) / top));
}

const STYLED = 'width height background-color';

/**
 * Styles the canvas nodes the answer names: members by score and community, the others small
 * and pale. Returns how many nodes were styled.
 */
export function applyCentrality(
  cy: Core,
  answer: CentralityMembersResponse,
  colours: CommunityColours,
): number {
  let styled = 0;
  cy.batch(() => {
    cy.nodes().removeStyle(STYLED);
    for (const member of answer.members) {
      const node = cy.getElementById(member.node);
      if (node.empty()) continue;
      const size = sizeFor(member.score, answer.top);
      node.style({
        width: size,
        height: size,
        'background-color': colours.colourOf(member.community),
      });
      styled += 1;
    }
    for (const id of answer.outside) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      node.style({
        width: OUTSIDE_SIZE,
        height: OUTSIDE_SIZE,
        'background-color': OUTSIDE_COMMUNITIES,
      });
      styled += 1;
    }
  });
  return styled;
}

export function clearCentrality(cy: Core): void {
  cy.batch(() => cy.nodes().removeStyle(STYLED));
}
