/**
 * The Cytoscape canvas: a thin adapter that keeps one Cytoscape instance in step with the
 * scene. Nodes seen before return to where they were; nodes arriving from an expansion are
 * placed around their origin; only a fresh scene or an explicit request runs a whole layout.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Scene } from '../scene/scene.ts';
import { layoutOptions, type LayoutName } from './layouts.ts';
import { ringPositions, type Point } from './placement.ts';
import { EDGE_LABEL_LIMIT, graphStylesheet } from './stylesheet.ts';

cytoscape.use(fcose);

/**
 * Cytoscape adds a <style> element for its container class unless an element with this id
 * exists. The content security policy forbids style elements, so our stylesheet carries the
 * rule (styles.css) and this marker stops the attempt, which would be a console error.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (typeof document !== 'undefined' && !document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

export type CanvasSelection = { kind: 'node' | 'relationship'; id: string } | undefined;

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Lays out the whole scene again with the given layout. */
  relayout(name: LayoutName): void;
  /** Centres the view on an element without changing the zoom. */
  centre(id: string): void;
  /** The instance, for exports. */
  core(): Core | null;
}

interface Props {
  elements: ElementDefinition[];
  pinned: readonly string[];
  arrival: Scene['arrival'];
  layout: LayoutName;
  /** The selected element's id: the canvas follows it (and reports clicks through onSelect). */
  selected: string | undefined;
  /** Elements to emphasise, such as a found path. */
  highlight?: { nodes: readonly string[]; relationships: readonly string[] } | undefined;
  onSelect?: (selection: CanvasSelection) => void;
  onExpand?: (id: string) => void;
  /** Accessible description of what the canvas shows. */
  description: string;
  /** Draw with Cytoscape's WebGL mode (large scenes); changing it rebuilds the renderer. */
  webgl?: boolean;
  ref?: Ref<GraphCanvasHandle>;
}

export function GraphCanvas({
  elements,
  pinned,
  arrival,
  selected,
  highlight,
  layout,
  onSelect,
  onExpand,
  description,
  webgl = false,
  ref,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const memory = useRef(new Map<string, Point>());
  const handlers = useRef({ onSelect, onExpand });
  const layoutRef = useRef(layout);
  const viewport = useRef<{ zoom: number; pan: { x: number; y: number } } | undefined>(undefined);

  useEffect(() => {
    handlers.current = { onSelect, onExpand };
    layoutRef.current = layout;
  }, [onSelect, onExpand, layout]);

  useEffect(() => {
    const container = containerRef.current;
    const positions = memory.current;
    if (!container) return;
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
    if (viewport.current) cy.viewport(viewport.current);
    cy.on('select', (event) => {
      const target = event.target as cytoscape.SingularElementArgument;
      handlers.current.onSelect?.({
        kind: target.isNode() ? 'node' : 'relationship',
        id: target.id(),
      });
    });
    cy.on('unselect', () => {
      if (cy.$(':selected').empty()) handlers.current.onSelect?.(undefined);
    });
    cy.on('dbltap', 'node', (event) =>
      handlers.current.onExpand?.((event.target as NodeSingular).id()),
    );
    cy.on('mouseover', 'node', (event) => highlightNeighbourhood(cy, event.target as NodeSingular));
    cy.on('mouseout', 'node', () => cy.elements().removeClass('faded highlighted'));
    cy.on('layoutstop', () => {
      // Fitting one or two nodes would zoom in to the limit; a readable zoom suits them better.
      if (cy.nodes().length <= 2 && cy.zoom() > COMFORTABLE_ZOOM) {
        cy.zoom(COMFORTABLE_ZOOM);
        cy.center();
      }
      container.dataset.layout = 'done';
      remember(cy, memory.current);
    });
    cy.on('dragfree', 'node', () => remember(cy, memory.current));
    cyRef.current = cy;
    // Panels opening beside or below the canvas change its size; Cytoscape must hear of it.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      // Positions survive a renderer switch: the next instance puts every node back.
      remember(cy, positions);
      viewport.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      cy.destroy();
      cyRef.current = null;
    };
  }, [webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().empty();
    const before = new Set(cy.nodes().map((n) => n.id()));
    const unplaced = syncElements(cy, elements, memory.current, arrival);
    if (!wasEmpty) bringArrivalsIntoView(cy, before, arrival);
    if (container) {
      // Read by the end-to-end tests to know what is drawn, without reaching into Cytoscape.
      container.dataset.renderedNodes = String(cy.nodes().length);
      container.dataset.renderedEdges = String(cy.edges().length);
    }
    if (wasEmpty && unplaced > 0) runLayout(cy, container, layoutRef.current, true);
    else remember(cy, memory.current);
  }, [elements, arrival, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const set = new Set(pinned);
    cy.nodes().forEach((node) => {
      const pin = set.has(node.id());
      if (pin) node.lock().addClass('pinned');
      else node.unlock().removeClass('pinned');
    });
  }, [pinned, elements, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const current = cy.$(':selected');
    if (!selected) {
      current.unselect();
      return;
    }
    const element = cy.getElementById(selected);
    if (element.empty() || element.selected()) return;
    current.unselect();
    element.select();
    if (element.isNode()) cy.animate({ center: { eles: element } }, { duration: 200 });
  }, [selected, elements, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.path').removeClass('path');
      for (const id of [...(highlight?.nodes ?? []), ...(highlight?.relationships ?? [])]) {
        cy.getElementById(id).addClass('path');
      }
    });
    const container = containerRef.current;
    if (container) container.dataset.highlighted = String(cy.elements('.path').length);
  }, [highlight, elements, webgl]);

  useImperativeHandle(ref, () => ({
    fit: () => cyRef.current?.fit(undefined, 40),
    zoomBy: (factor) => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    },
    relayout: (name) => {
      if (cyRef.current) runLayout(cyRef.current, containerRef.current, name, false);
    },
    centre: (id) => {
      const cy = cyRef.current;
      const element = cy?.getElementById(id);
      if (cy && element?.nonempty()) cy.center(element);
    },
    core: () => cyRef.current,
  }));

  return (
    <div
      ref={containerRef}
      className="graph-canvas"
      role="img"
      aria-label={description}
      data-testid="graph-canvas"
    />
  );
}

/** The zoom for a scene of one or two nodes. */
const COMFORTABLE_ZOOM = 1.2;

/**
 * When nodes arrive (an expansion) partly outside the view, the view moves to show the origin
 * and the arrivals, zooming out if it must but never in.
 */
function bringArrivalsIntoView(cy: Core, before: Set<string>, arrival: Scene['arrival']): void {
  const arrived = cy.nodes().filter((n) => !before.has(n.id()));
  if (arrived.empty()) return;
  const extent = cy.extent();
  const outside = arrived.filter((n) => {
    const { x, y } = (n as NodeSingular).position();
    return x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2;
  });
  if (outside.empty()) return;
  const anchor = arrival?.anchor ? cy.getElementById(arrival.anchor) : cy.collection();
  const target = arrived.union(anchor);
  const zoom = cy.zoom();
  cy.fit(target, 40);
  if (cy.zoom() > zoom) {
    cy.zoom(zoom);
    cy.center(target);
  }
}

function remember(cy: Core, memory: Map<string, Point>): void {
  cy.nodes().forEach((node) => {
    memory.set(node.id(), { ...node.position() });
  });
}

function highlightNeighbourhood(cy: Core, node: NodeSingular): void {
  const neighbourhood = node.closedNeighborhood();
  cy.batch(() => {
    cy.elements().not(neighbourhood).addClass('faded');
    neighbourhood.addClass('highlighted');
    node.removeClass('highlighted');
  });
}

/**
 * Adds, updates and removes elements so the instance shows exactly `elements`. New nodes go to
 * their remembered place, or around the arrival's anchor, or around the view's centre; returns
 * how many new nodes had no place of their own (a fresh scene that wants a layout).
 */
function syncElements(
  cy: Core,
  elements: ElementDefinition[],
  memory: Map<string, Point>,
  arrival: Scene['arrival'],
): number {
  const wanted = new Set(elements.map((e) => e.data.id as string));
  const wasEmpty = cy.nodes().empty();
  let unplaced = 0;
  cy.batch(() => {
    const leaving = cy.elements().filter((el) => !wanted.has(el.id()));
    leaving.nodes().forEach((node) => {
      memory.set(node.id(), { ...node.position() });
    });
    leaving.remove();

    const newNodes: ElementDefinition[] = [];
    const newEdges: ElementDefinition[] = [];
    for (const element of elements) {
      const existing = cy.getElementById(element.data.id as string);
      if (existing.nonempty()) existing.data(element.data);
      else if (element.group === 'nodes') newNodes.push(element);
      else newEdges.push(element);
    }

    const needPlace = newNodes.filter((n) => !memory.has(n.data.id as string));
    if (wasEmpty) unplaced = needPlace.length;
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
    for (const node of newNodes) {
      const remembered = memory.get(node.data.id as string);
      const position = remembered ?? ring[slot++];
      cy.add(position ? { ...node, position: { ...position } } : node);
    }
    cy.add(newEdges);
    const edges = cy.edges();
    if (edges.length <= EDGE_LABEL_LIMIT) edges.addClass('labelled');
    else edges.removeClass('labelled');
  });
  return unplaced;
}

function runLayout(
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
  cy.layout(layoutOptions(name, fresh)).run();
}
