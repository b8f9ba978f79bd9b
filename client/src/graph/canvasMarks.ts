/**
 * What the canvas marks on the drawn elements, each applied from its own input: pinned nodes,
 * the selection (brought into view when chosen elsewhere), and the highlighted path or answer
 * with everything else dimmed. The canvas applies them again whenever the drawing changes.
 */
import type { Core } from 'cytoscape';
import { setClass } from './canvasSync.ts';
import { OFF_PATH } from './stylesheet.ts';
import { legibleZoom } from './viewFit.ts';

export function applyPins(cy: Core, pinned: readonly string[]): void {
  const set = new Set(pinned);
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const pin = set.has(node.id());
      if (pin === node.hasClass('pinned')) return;
      if (pin) node.lock().addClass('pinned');
      else node.unlock().removeClass('pinned');
    });
  });
}

/**
 * Selects `selected` (or nothing). A node chosen elsewhere (search, details, paths) is brought
 * into view, close enough to read, unless `quiet()`, asked once the element is newly selected,
 * says to leave the view (a restored view keeps its viewport).
 */
export function followSelection(
  cy: Core,
  selected: string | undefined,
  quiet: () => boolean,
): void {
  const current = cy.$(':selected');
  if (!selected) {
    current.unselect();
    return;
  }
  const element = cy.getElementById(selected);
  if (element.empty() || element.selected()) return;
  current.unselect();
  element.select();
  if (quiet() || !element.isNode()) return;
  // The canvas may have just been shown (a phone's pane): centre on its size of now.
  cy.resize();
  cy.animate({ center: { eles: element }, zoom: legibleZoom(cy) }, { duration: 200 });
}

export interface Highlight {
  nodes: readonly string[];
  relationships: readonly string[];
}

/**
 * Marks a path or an answer; everything else steps back until it is put away. Records the
 * counts on the container, which the end-to-end tests read.
 */
export function applyHighlight(
  cy: Core,
  container: HTMLElement | null,
  highlight: Highlight | undefined,
): void {
  cy.batch(() => {
    cy.elements('.path').removeClass('path');
    for (const id of [...(highlight?.nodes ?? []), ...(highlight?.relationships ?? [])]) {
      cy.getElementById(id).addClass('path');
    }
    const onPath = cy.elements('.path');
    setClass(cy.elements(), OFF_PATH, false);
    if (onPath.nonempty()) setClass(cy.elements().not(onPath), OFF_PATH, true);
  });
  if (container) {
    container.dataset.highlighted = String(cy.elements('.path').length);
    container.dataset.dimmed = String(cy.elements(`.${OFF_PATH}`).length);
  }
}
