/**
 * What the canvas offers its parent: fit and zoom, layouts, centring, the Cytoscape instance for
 * exports, and the positions and viewport a saved view keeps and puts back.
 */
import type { Core } from 'cytoscape';
import type { RefObject } from 'react';
import { remember, runLayout } from './canvasSync.ts';
import type { LayoutName } from './layouts.ts';
import type { Point } from './placement.ts';
import { FIT_PADDING } from './viewFit.ts';

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Lays out the whole scene again with the given layout. */
  relayout(name: LayoutName): void;
  /** Centres the view on an element without changing the zoom. */
  centre(id: string): void;
  /** The instance, for exports. */
  core(): Core | null;
  /** Model positions of every node drawn so far (now or earlier). */
  positions(): Map<string, Point>;
  viewport(): Viewport;
  /**
   * Puts a saved view back: nodes go to these positions (arriving ones included), the viewport
   * is set once they are drawn, and selecting `quietSelect` does not move the view.
   */
  restore(positions: ReadonlyMap<string, Point>, viewport: Viewport, quietSelect?: string): void;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** A restored view's viewport, set once its elements are drawn, and its selection, not centred on. */
export interface Restoring {
  viewport?: Viewport;
  quietSelect?: string;
}

export function canvasHandle(
  getCy: () => Core | null,
  container: () => HTMLElement | null,
  /** The layout the canvas last ran. */
  currentLayout: () => LayoutName,
  memory: RefObject<Map<string, Point>>,
  restoring: RefObject<Restoring>,
): GraphCanvasHandle {
  return {
    fit: () => getCy()?.fit(undefined, FIT_PADDING),
    zoomBy: (factor) => {
      const cy = getCy();
      if (!cy) return;
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    },
    relayout: (name) => {
      // Another layout starts afresh (from seeded positions); the same one refines the picture.
      const cy = getCy();
      if (cy) runLayout(cy, container(), name, name !== currentLayout());
    },
    centre: (id) => {
      const cy = getCy();
      const element = cy?.getElementById(id);
      if (cy && element?.nonempty()) cy.center(element);
    },
    core: () => getCy(),
    positions: () => {
      const cy = getCy();
      if (cy) remember(cy, memory.current);
      return new Map(memory.current);
    },
    viewport: () => {
      const cy = getCy();
      return cy ? { zoom: cy.zoom(), pan: { ...cy.pan() } } : { zoom: 1, pan: { x: 0, y: 0 } };
    },
    restore: (positions, view, quietSelect) => {
      const cy = getCy();
      for (const [id, point] of positions) {
        memory.current.set(id, { ...point });
        cy?.getElementById(id).position({ ...point });
      }
      restoring.current = { viewport: view, ...(quietSelect ? { quietSelect } : {}) };
      cy?.viewport(view);
    },
  };
}
