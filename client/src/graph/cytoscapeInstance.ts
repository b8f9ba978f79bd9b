/**
 * The canvas's Cytoscape instance: created in the container with the app's stylesheet and its
 * events (selection, expansion by double-click, hover, layout settling, captions after a pan or
 * zoom). The canvas creates one per renderer (WebGL for large scenes) and disposes of it when
 * the renderer switches, keeping positions and viewport for the next.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import type { Viewport } from './canvasHandle.ts';
import {
  CAPTION_SETTLE_MS,
  highlightNeighbourhood,
  refreshCaptions,
  remember,
} from './canvasSync.ts';
import type { Point } from './placement.ts';
import { graphStylesheet } from './stylesheet.ts';
import { settleLayout } from './viewFit.ts';

export type CanvasSelection = { kind: 'node' | 'relationship'; id: string } | undefined;

/** What the instance reports and reads while it lives (the latest values, read per event). */
export interface InstanceLinks {
  onSelect(selection: CanvasSelection): void;
  onExpand(id: string): void;
  /** Where each node was last drawn, kept up to date after layouts and drags. */
  positions: Map<string, Point>;
}

export interface CanvasInstance {
  cy: Core;
  /** Stops listening, keeps the positions and returns the viewport, then destroys the instance. */
  dispose(): Viewport;
}

export function createCanvasInstance(
  container: HTMLDivElement,
  webgl: boolean,
  viewport: Viewport | undefined,
  links: InstanceLinks,
): CanvasInstance {
  const cy = cytoscape({
    container,
    style: graphStylesheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    webgl,
  });
  container.dataset.renderer = webgl ? 'webgl' : 'canvas';
  if (viewport) cy.viewport(viewport);
  cy.on('select', (event) => {
    const target = event.target as cytoscape.SingularElementArgument;
    links.onSelect({ kind: target.isNode() ? 'node' : 'relationship', id: target.id() });
  });
  cy.on('unselect', () => {
    if (cy.$(':selected').empty()) links.onSelect(undefined);
  });
  cy.on('dbltap', 'node', (event) => links.onExpand((event.target as NodeSingular).id()));
  cy.on('mouseover', 'node', (event) => highlightNeighbourhood(cy, event.target as NodeSingular));
  cy.on('mouseout', 'node', () => cy.elements().removeClass('faded highlighted'));
  cy.on('layoutstop', () => {
    settleLayout(cy);
    container.dataset.layout = 'done';
    remember(cy, links.positions);
  });
  cy.on('dragfree', 'node', () => remember(cy, links.positions));
  // Large scenes caption the nodes in view once zoomed in: looked at when the view settles.
  let settle: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    clearTimeout(settle);
    settle = setTimeout(() => cy.batch(() => refreshCaptions(cy)), CAPTION_SETTLE_MS);
  });
  // Panels opening beside or below the canvas change its size; Cytoscape must hear of it.
  const resize = new ResizeObserver(() => cy.resize());
  resize.observe(container);
  return {
    cy,
    dispose() {
      clearTimeout(settle);
      resize.disconnect();
      // Positions survive a renderer switch: the next instance puts every node back.
      remember(cy, links.positions);
      const kept = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      cy.destroy();
      return kept;
    },
  };
}
