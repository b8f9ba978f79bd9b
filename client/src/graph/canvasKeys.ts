/**
 * The canvas's keys: the arrow keys move the selection to the nearest node that way (the first
 * press picks the node nearest the centre); Enter on a selected node opens its details.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { KeyboardEvent } from 'react';
import { nodeNearestCentre } from './canvasSync.ts';
import { isArrowKey, nearestInDirection } from './keyboardNavigation.ts';

export function onCanvasKey(cy: Core, event: KeyboardEvent, open: (nodeId: string) => void): void {
  const current = cy.nodes(':selected').first();
  if (event.key === 'Enter' && current.nonempty()) {
    event.preventDefault();
    open(current.id());
    return;
  }
  if (!isArrowKey(event.key)) return;
  event.preventDefault();
  const nodes = cy.nodes().filter((n) => n.visible());
  const next = current.nonempty()
    ? nearestInDirection(
        current.position(),
        nodes.not(current).map((n) => ({ id: n.id(), position: (n as NodeSingular).position() })),
        event.key,
      )
    : nodeNearestCentre(cy);
  if (!next) return;
  cy.$(':selected').unselect();
  const node = cy.getElementById(next);
  node.select();
  cy.animate({ center: { eles: node } }, { duration: 150 });
}
