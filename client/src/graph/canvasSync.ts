/**
 * How the canvas keeps Cytoscape in step with the scene: syncing elements, placing arrivals,
 * drawing them slice by slice, the scene-size classes and running layouts. Used by GraphCanvas.
 */
import type { Collection, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Scene } from '../scene/scene.ts';
import { dataChanged } from './elements.ts';
import { layoutOptions, type LayoutName } from './layouts.ts';
import { arrivalSlices, ringPositions, type Point } from './placement.ts';
import { seedOf, withSeededRandom } from './seededRandom.ts';
import { CAPTIONED, CURVED, LABELLED, captionReach, edgeDetail } from './stylesheet.ts';

/** How long the view must rest before a large scene's captions follow it. */
export const CAPTION_SETTLE_MS = 150;

/** The drawn node nearest the centre of the view: where keyboard navigation starts. */
export function nodeNearestCentre(cy: Core): string | undefined {
  const { x1, x2, y1, y2 } = cy.extent();
  const centre = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  let best: { id: string; distance: number } | undefined;
  cy.nodes().forEach((node) => {
    const { x, y } = node.position();
    const distance = Math.hypot(x - centre.x, y - centre.y);
    if (!best || distance < best.distance) best = { id: node.id(), distance };
  });
  return best?.id;
}

export function remember(cy: Core, memory: Map<string, Point>): void {
  cy.nodes().forEach((node) => {
    memory.set(node.id(), { ...node.position() });
  });
}

export function highlightNeighbourhood(cy: Core, node: NodeSingular): void {
  const neighbourhood = node.closedNeighborhood();
  cy.batch(() => {
    cy.elements().not(neighbourhood).addClass('faded');
    neighbourhood.addClass('highlighted');
    node.removeClass('highlighted');
  });
}

/** A part of an arrival drawn in one frame. */
export interface Slice {
  nodes: ElementDefinition[];
  edges: ElementDefinition[];
}

/**
 * Removes and updates elements so the instance shows what `elements` keeps, and plans the
 * arrivals: new nodes go to their remembered place, or around the arrival's anchor, or around
 * the view's centre. Returns the arrivals in slices to draw one per frame (one slice for a fresh
 * scene, which is laid out as a whole) and how many new nodes had no place of their own (a
 * fresh scene that wants a layout).
 */
export function syncElements(
  cy: Core,
  elements: ElementDefinition[],
  memory: Map<string, Point>,
  arrival: Scene['arrival'],
): { unplaced: number; slices: Slice[] } {
  const wanted = new Set(elements.map((e) => e.data.id as string));
  const wasEmpty = cy.nodes().empty();
  const newNodes: ElementDefinition[] = [];
  const newEdges: ElementDefinition[] = [];
  cy.batch(() => {
    const leaving = cy.elements().filter((el) => !wanted.has(el.id()));
    leaving.nodes().forEach((node) => {
      memory.set(node.id(), { ...node.position() });
    });
    leaving.remove();
    for (const element of elements) {
      const existing = cy.getElementById(element.data.id as string);
      if (existing.nonempty()) {
        if (dataChanged(existing.data() as Record<string, unknown>, element.data)) {
          existing.data(element.data);
        }
      } else if (element.group === 'nodes') newNodes.push(element);
      else newEdges.push(element);
    }
    if (newNodes.length === 0 && newEdges.length === 0) refreshClasses(cy);
  });

  const needPlace = newNodes.filter((n) => !memory.has(n.data.id as string));
  const anchor = arrival?.anchor ? cy.getElementById(arrival.anchor) : undefined;
  const centre: Point =
    anchor && anchor.nonempty()
      ? anchor.position()
      : {
          x: (cy.width() / 2 - cy.pan().x) / cy.zoom(),
          y: (cy.height() / 2 - cy.pan().y) / cy.zoom(),
        };
  const ring = wasEmpty
    ? []
    : ringPositions(centre, needPlace.length, (cy.nodes().length % 7) * 0.45);
  let slot = 0;
  const placed = newNodes.map((node) => {
    const id = node.data.id as string;
    const position = memory.get(id) ?? ring[slot++];
    if (!position) return node;
    // Remembered at once, so an arrival cut short by a newer scene keeps its places.
    memory.set(id, position);
    return { ...node, position: { ...position } };
  });
  if (newNodes.length === 0 && newEdges.length === 0) return { unplaced: 0, slices: [] };
  return {
    unplaced: wasEmpty ? needPlace.length : 0,
    slices: wasEmpty
      ? [{ nodes: placed, edges: newEdges }]
      : arrivalSlices(placed, newEdges, (id) => cy.getElementById(id).nonempty()),
  };
}

/**
 * Adds a slice of an arrival and brings the scene-size classes up to date, in one batch. A
 * fresh scene is laid out and fitted next: which of its nodes are in view is known only then.
 */
export function drawSlice(cy: Core, slice: Slice, fresh: boolean): void {
  cy.batch(() => {
    cy.add(slice.nodes);
    cy.add(slice.edges);
    refreshClasses(cy, fresh ? 0 : cy.zoom());
  });
}

/** The classes that depend on the scene's size (stylesheet.ts), changed only where they differ. */
export function refreshClasses(cy: Core, zoom = cy.zoom()): void {
  const edges = cy.elements('edge');
  const detail = edgeDetail(edges.length);
  setClass(edges, LABELLED, detail.labelled);
  setClass(edges, CURVED, detail.curved);
  refreshCaptions(cy, zoom);
}

/** Captions on every node of a small scene; in a large one on nodes in view when zoomed in. */
export function refreshCaptions(cy: Core, zoom = cy.zoom()): void {
  const nodes = cy.elements('node');
  const reach = captionReach(nodes.length, zoom);
  if (reach !== 'in-view') {
    setClass(nodes, CAPTIONED, reach === 'all');
    return;
  }
  const { x1, x2, y1, y2 } = cy.extent();
  const inView = nodes.filter((node) => {
    const { x, y } = (node as NodeSingular).position();
    return x >= x1 && x <= x2 && y >= y1 && y <= y2;
  });
  setClass(inView, CAPTIONED, true);
}

export function setClass(elements: Collection, name: string, on: boolean): void {
  const changing = elements.filter((el) => el.hasClass(name) !== on);
  if (changing.empty()) return;
  if (on) changing.addClass(name);
  else changing.removeClass(name);
}

export function runLayout(
  cy: Core,
  container: HTMLElement | null,
  name: LayoutName,
  fresh: boolean,
): void {
  if (container) container.dataset.layout = 'running';
  if (cy.nodes().empty()) {
    if (container) container.dataset.layout = 'done';
    return;
  }
  // The same nodes give the same picture: the layout's randomness is seeded by their ids.
  const seed = seedOf(
    cy
      .nodes()
      .map((n) => n.id())
      .sort(),
  );
  withSeededRandom(seed, () => cy.layout(layoutOptions(name, fresh)).run());
}
