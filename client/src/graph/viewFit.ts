/**
 * Where the view goes after a layout or an arrival: captions moved apart, then the scene or
 * what was added fitted and centred, never at a zoom where captions are too small to draw.
 */
import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { Scene } from '../scene/scene.ts';
import { declutter, type CaptionBox } from './declutter.ts';
import { LEGIBLE_ZOOM, NODE_CAPTION_LIMIT } from './stylesheet.ts';

/** The zoom for a scene of one or two nodes. */
export const COMFORTABLE_ZOOM = 1.2;
/** Space around a fitted scene, in rendered pixels. */
export const FIT_PADDING = 40;

function captionBox(node: NodeSingular, fixed: boolean): CaptionBox {
  const position = node.position();
  const box = node.boundingBox({ includeLabels: true, includeNodes: true, includeEdges: false });
  return {
    id: node.id(),
    position: { ...position },
    left: box.x1 - position.x,
    right: box.x2 - position.x,
    top: box.y1 - position.y,
    bottom: box.y2 - position.y,
    fixed,
  };
}

/**
 * Moves captioned nodes so no two captions overlap. Only `movable` nodes move (all by default);
 * the others and pinned nodes stay where they are. Large scenes, which caption only what is
 * in view, are left as they are.
 */
export function declutterCaptions(cy: Core, movable?: Collection): void {
  const nodes = cy.nodes(':visible');
  if (nodes.length < 2 || nodes.length > NODE_CAPTION_LIMIT) return;
  const boxes = nodes.map((n) =>
    captionBox(n, n.locked() || (movable !== undefined && !movable.has(n))),
  );
  const positions = declutter(boxes);
  cy.batch(() => {
    nodes.forEach((node) => {
      const next = positions.get(node.id());
      const { x, y } = node.position();
      if (next && !node.locked() && (next.x !== x || next.y !== y)) node.position(next);
    });
  });
}

/** Whether the scene's captions are all drawn (small scenes) and so should stay legible. */
function captionsEverywhere(cy: Core): boolean {
  return cy.nodes().length <= NODE_CAPTION_LIMIT;
}

/** The current zoom, raised to where captions are drawn when the scene captions every node. */
export function legibleZoom(cy: Core): number {
  return captionsEverywhere(cy) ? Math.max(cy.zoom(), LEGIBLE_ZOOM) : cy.zoom();
}

/**
 * Fits `target` in the view and centres on it, zooming in no further than `maxZoom` and out no
 * further than a zoom where captions stay legible; below that the view centres on `focus`
 * (the selection) or on `target`, at the legible zoom.
 */
export function fitLegibly(
  cy: Core,
  target: Collection | NodeCollection,
  options: { maxZoom?: number; focus?: Collection | NodeCollection } = {},
): void {
  if (target.empty()) return;
  cy.stop();
  // The container may have changed size since Cytoscape last looked (a pane just shown).
  cy.resize();
  cy.fit(target, FIT_PADDING);
  const maxZoom = options.maxZoom ?? cy.maxZoom();
  if (cy.zoom() > maxZoom) {
    cy.zoom(maxZoom);
    cy.center(target);
  }
  if (captionsEverywhere(cy) && cy.zoom() < LEGIBLE_ZOOM) {
    cy.zoom(LEGIBLE_ZOOM);
    cy.center(options.focus?.nonempty() ? options.focus : target);
  }
}

/** The node a view too large to fit centres on: the selection, else the best connected. */
function focusOf(cy: Core): NodeCollection {
  const selected = cy.nodes(':selected');
  if (selected.nonempty()) return selected;
  const visible = cy.nodes(':visible');
  const most = visible.max((node) => node.degree(false));
  return visible.filter((node) => node === most.ele);
}

/** After a whole layout: captions apart, then the scene fitted at a legible zoom. */
export function settleLayout(cy: Core): void {
  declutterCaptions(cy);
  const all = cy.nodes(':visible');
  fitLegibly(cy, all.nonempty() ? all : cy.nodes(), {
    // Fitting one or two nodes would zoom in to the limit; a readable zoom suits them better.
    maxZoom: cy.nodes().length <= 2 ? COMFORTABLE_ZOOM : cy.maxZoom(),
    focus: focusOf(cy),
  });
}

/**
 * When nodes arrive (an expansion, a search pick), their captions are moved clear of the
 * others and the view fits and centres on the origin and the arrivals, zooming out if it must
 * (down to a legible zoom) but never in.
 */
export function bringArrivalsIntoView(
  cy: Core,
  before: Set<string>,
  arrival: Scene['arrival'],
): void {
  const arrived = cy.nodes().filter((n) => !before.has(n.id()));
  if (arrived.empty()) return;
  declutterCaptions(cy, arrived);
  const anchor = arrival?.anchor ? cy.getElementById(arrival.anchor) : cy.collection();
  fitLegibly(cy, arrived.union(anchor), {
    maxZoom: Math.max(cy.zoom(), LEGIBLE_ZOOM),
    focus: anchor,
  });
}
