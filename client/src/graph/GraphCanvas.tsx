/**
 * The Cytoscape canvas: a thin adapter that keeps one Cytoscape instance in step with the
 * scene. Nodes seen before return to where they were; nodes arriving from an expansion are
 * placed around their origin; only a fresh scene or an explicit request runs a whole layout.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { Scene } from '../scene/scene.ts';
import {
  CAPTION_SETTLE_MS,
  drawSlice,
  highlightNeighbourhood,
  nodeNearestCentre,
  refreshCaptions,
  remember,
  runLayout,
  setClass,
  syncElements,
} from './canvasSync.ts';
import {
  canvasHandle,
  type GraphCanvasHandle,
  type Restoring,
  type Viewport,
} from './canvasHandle.ts';
import { isArrowKey, nearestInDirection } from './keyboardNavigation.ts';
import type { LayoutName } from './layouts.ts';
import type { Point } from './placement.ts';
import { OFF_PATH, graphStylesheet } from './stylesheet.ts';
import { bringArrivalsIntoView, legibleZoom, settleLayout } from './viewFit.ts';

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

export type { GraphCanvasHandle, Viewport } from './canvasHandle.ts';

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
  /** The container's element id (a skip link's target). */
  id?: string;
  /** Enter on a selected node: show its details. */
  onOpen?: (id: string) => void;
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
  onOpen,
  id,
  description,
  webgl = false,
  ref,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const memory = useRef(new Map<string, Point>());
  const handlers = useRef({ onSelect, onExpand, onOpen });
  const layoutRef = useRef(layout);
  const viewport = useRef<Viewport | undefined>(undefined);
  // A restored view's viewport, set after its elements are drawn; its selection, not centred on.
  const restoring = useRef<Restoring>({});
  // Counts arrivals drawn over several frames, so the effects that follow elements run again.
  const [drawnSlices, setDrawnSlices] = useState(0);

  useEffect(() => {
    handlers.current = { onSelect, onExpand, onOpen };
    layoutRef.current = layout;
  }, [onSelect, onExpand, onOpen, layout]);

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
      settleLayout(cy, layoutRef.current === 'fcose');
      container.dataset.layout = 'done';
      remember(cy, memory.current);
    });
    cy.on('dragfree', 'node', () => remember(cy, memory.current));
    // Large scenes caption the nodes in view once zoomed in: looked at when the view settles.
    let settle: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(settle);
      settle = setTimeout(() => cy.batch(() => refreshCaptions(cy)), CAPTION_SETTLE_MS);
    });
    cyRef.current = cy;
    // Panels opening beside or below the canvas change its size; Cytoscape must hear of it.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);
    return () => {
      clearTimeout(settle);
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
    const { unplaced, slices } = syncElements(cy, elements, memory.current, arrival);
    const finish = () => {
      const restored = restoring.current.viewport;
      if (restored) {
        restoring.current.viewport = undefined;
        cy.viewport(restored);
        if (container) container.dataset.layout = 'done';
      } else if (!wasEmpty) bringArrivalsIntoView(cy, before, arrival);
      if (container) {
        // Read by the end-to-end tests to know what is drawn, without reaching into Cytoscape.
        container.dataset.renderedNodes = String(cy.nodes().length);
        container.dataset.renderedEdges = String(cy.edges().length);
      }
      if (wasEmpty && unplaced > 0) runLayout(cy, container, layoutRef.current, true);
      else remember(cy, memory.current);
    };
    const [first, ...rest] = slices;
    if (first) drawSlice(cy, first, wasEmpty);
    if (rest.length === 0) {
      finish();
      return;
    }
    // The rest one slice per frame; a newer scene cancels what is left and syncs afresh
    // (the planned places are remembered, so nodes still land around their origin).
    // Moving the view to the arrivals redraws everything: it gets a frame of its own.
    let frame = requestAnimationFrame(function next() {
      const slice = rest.shift();
      if (slice) {
        drawSlice(cy, slice, false);
        frame = requestAnimationFrame(next);
        return;
      }
      finish();
      setDrawnSlices((n) => n + 1);
    });
    return () => cancelAnimationFrame(frame);
  }, [elements, arrival, webgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const set = new Set(pinned);
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        const pin = set.has(node.id());
        if (pin === node.hasClass('pinned')) return;
        if (pin) node.lock().addClass('pinned');
        else node.unlock().removeClass('pinned');
      });
    });
  }, [pinned, elements, webgl, drawnSlices]);

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
    // A restored view's selection keeps the restored viewport.
    const quiet = restoring.current.quietSelect === selected;
    restoring.current.quietSelect = undefined;
    if (!element.isNode() || quiet) return;
    // The canvas may have just been shown (a phone's pane): centre on its size of now.
    cy.resize();
    // Chosen elsewhere (search, details, paths): brought into view, close enough to read.
    cy.animate({ center: { eles: element }, zoom: legibleZoom(cy) }, { duration: 200 });
  }, [selected, elements, webgl, drawnSlices]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.path').removeClass('path');
      for (const id of [...(highlight?.nodes ?? []), ...(highlight?.relationships ?? [])]) {
        cy.getElementById(id).addClass('path');
      }
      // A path or an answer stands out: everything else steps back until it is put away.
      const onPath = cy.elements('.path');
      setClass(cy.elements(), OFF_PATH, false);
      if (onPath.nonempty()) setClass(cy.elements().not(onPath), OFF_PATH, true);
    });
    const container = containerRef.current;
    if (container) {
      container.dataset.highlighted = String(cy.elements('.path').length);
      container.dataset.dimmed = String(cy.elements(`.${OFF_PATH}`).length);
    }
  }, [highlight, elements, webgl, drawnSlices]);

  useImperativeHandle(ref, () =>
    canvasHandle(
      () => cyRef.current,
      () => containerRef.current,
      () => layoutRef.current,
      memory,
      restoring,
    ),
  );

  // Arrow keys move the selection to the nearest node that way; Enter opens its details.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy || event.target !== event.currentTarget) return;
    const current = cy.nodes(':selected').first();
    if (event.key === 'Enter' && current.nonempty()) {
      event.preventDefault();
      handlers.current.onOpen?.(current.id());
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
  };

  return (
    <div
      ref={containerRef}
      id={id}
      className="graph-canvas"
      role="application"
      aria-roledescription="graph"
      aria-label={description}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="graph-canvas"
    />
  );
}
