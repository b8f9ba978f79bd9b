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

/** Space around a node's drawn circle within which a passing edge counts as touching it. */
export const EDGE_CLEARANCE_MARGIN = 2;

/**
 * Every (node, edge) pair where the node's drawn circle, widened by `margin` rendered pixels,
 * meets the straight segment between the edge's ends and the node is not one of those ends:
 * an edge that seems to pass through a node reads as a chain that is not there. Read from
 * rendered positions, as "node — source→target" by caption.
 */
export function nodesOnEdges(page: Page, margin = EDGE_CLEARANCE_MARGIN): Promise<string[]> {
  return page.evaluate((margin) => {
    const container = document.querySelector('[data-testid=graph-canvas]') as
      (HTMLElement & { _cyreg?: { cy?: Core } }) | null;
    const cy = container?._cyreg?.cy;
    if (!cy) throw new Error('no Cytoscape instance on the canvas');
    const nodes = cy.nodes(':visible').map((node) => ({
      id: node.id(),
      caption: String(node.data('caption')),
      at: node.renderedPosition(),
      reach: node.renderedOuterWidth() / 2 + margin,
    }));
    const found: string[] = [];
    cy.edges(':visible').forEach((edge) => {
      const source = edge.source();
      const target = edge.target();
      if (source.same(target)) return;
      const a = source.renderedPosition();
      const b = target.renderedPosition();
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const length2 = dx * dx + dy * dy;
      for (const node of nodes) {
        if (node.id === source.id() || node.id === target.id()) continue;
        const t =
          length2 === 0
            ? 0
            : Math.max(0, Math.min(1, ((node.at.x - a.x) * dx + (node.at.y - a.y) * dy) / length2));
        const gapX = a.x + t * dx - node.at.x;
        const gapY = a.y + t * dy - node.at.y;
        if (gapX * gapX + gapY * gapY < node.reach * node.reach) {
          const name = (n: typeof source) => String(n.data('caption'));
          found.push(`${node.caption} — ${name(source)}→${name(target)}`);
        }
      }
    });
    return found;
  }, margin);
}
