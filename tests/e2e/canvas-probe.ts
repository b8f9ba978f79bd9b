/**
 * Reads what the canvas draws straight from its Cytoscape instance: caption boxes in rendered
 * pixels, node positions and the viewport. For the readability, export and phone tests.
 */
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';

export interface RenderedBox {
  caption: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface CanvasState {
  zoom: number;
  width: number;
  height: number;
  /** Drawn captions (the node's label box without the node), in rendered pixels. */
  captions: RenderedBox[];
  /** Model positions by node id. */
  positions: Record<string, { x: number; y: number }>;
  /** Rendered positions by caption. */
  rendered: Record<string, { x: number; y: number }>;
}

export function readCanvas(page: Page): Promise<CanvasState> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid=graph-canvas]') as
      (HTMLElement & { _cyreg?: { cy?: Core } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error('no Cytoscape instance on the canvas');
    const state: CanvasState = {
      zoom: cy.zoom(),
      width: cy.width(),
      height: cy.height(),
      captions: [],
      positions: {},
      rendered: {},
    };
    cy.nodes(':visible').forEach((node) => {
      const caption = String(node.data('caption'));
      state.positions[node.id()] = { ...node.position() };
      state.rendered[caption] = { ...node.renderedPosition() };
      const label = String(node.style('label') ?? '');
      if (!label) return;
      const box = node.renderedBoundingBox({
        includeLabels: true,
        includeNodes: false,
        includeEdges: false,
        includeOverlays: false,
      });
      if (box.w > 0 && box.h > 0) state.captions.push({ caption, ...box });
    });
    return state;
  });
}

/** Pairs of captions whose boxes intersect. */
export function overlappingCaptions(boxes: readonly RenderedBox[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {
        pairs.push(`${a.caption} / ${b.caption}`);
      }
    }
  });
  return pairs;
}
