/**
 * Centrality on the canvas: node size by score, colour by community, set as per-node style
 * overrides on the Cytoscape instance so the label styling underneath stays untouched and
 * comes back when the overlay is cleared.
 */
import type { Core } from 'cytoscape';
import type { CentralityRow } from '../../../common/api.ts';

const MIN_SIZE = 22;
const MAX_SIZE = 70;

/** Colour-blind-safe hues for communities (Okabe–Ito first, then more). */
export const COMMUNITY_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#999999',
  '#8C564B',
  '#17BECF',
];

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[community % COMMUNITY_COLOURS.length] ?? '#999999';
}

/** Size between MIN_SIZE and MAX_SIZE, by the square root of the score's share of the top score. */
export function sizeFor(score: number, top: number): number {
  if (top <= 0) return MIN_SIZE;
  return Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(Math.max(0, score) / top));
}

const STYLED = 'width height background-color';

/** Styles the nodes in `rows` that are on the canvas; returns how many were styled. */
export function applyCentrality(cy: Core, rows: readonly CentralityRow[]): number {
  const top = Math.max(0, ...rows.map((r) => r.score));
  let styled = 0;
  cy.batch(() => {
    cy.nodes().removeStyle(STYLED);
    for (const row of rows) {
      const node = cy.getElementById(row.node.id);
      if (node.empty()) continue;
      const size = sizeFor(row.score, top);
      node.style({ width: size, height: size, 'background-color': communityColour(row.community) });
      styled += 1;
    }
  });
  return styled;
}

export function clearCentrality(cy: Core): void {
  cy.batch(() => cy.nodes().removeStyle(STYLED));
}
