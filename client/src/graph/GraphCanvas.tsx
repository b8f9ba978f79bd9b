/**
 * The Cytoscape canvas: a thin adapter that keeps one Cytoscape instance in step with the
 * scene. Nodes seen before return to where they were; nodes arriving from an expansion are
 * placed around their origin; only a fresh scene or an explicit request runs a whole layout.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
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
import { drawSlice, remember, runLayout, syncElements } from './canvasSync.ts';
import {
  canvasHandle,
  type GraphCanvasHandle,
  type Restoring,
  type Viewport,
} from './canvasHandle.ts';
import { onCanvasKey } from './canvasKeys.ts';
import type { LayoutName } from './layouts.ts';
import type { Point } from './placement.ts';
import { applyHighlight, applyPins, followSelection, type Highlight } from './canvasMarks.ts';
import { createCanvasInstance, type CanvasSelection } from './cytoscapeInstance.ts';
import { bringArrivalsIntoView } from './viewFit.ts';

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

export type { CanvasSelection } from './cytoscapeInstance.ts';
export type { GraphCanvasHandle, Viewport } from './canvasHandle.ts';

interface Props {
  elements: ElementDefinition[];
  pinned: readonly string[];
  arrival: Scene['arrival'];
  layout: LayoutName;
  /** The selected element's id: the canvas follows it (and reports clicks through onSelect). */
  selected: string | undefined;
  /** Elements to emphasise, such as a found path. */
  highlight?: Highlight | undefined;
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
    if (!container) return;
    const instance = createCanvasInstance(container, webgl, viewport.current, {
      onSelect: (selection) => handlers.current.onSelect?.(selection),
      onExpand: (nodeId) => handlers.current.onExpand?.(nodeId),
      positions: memory.current,
    });
    cyRef.current = instance.cy;
    return () => {
      viewport.current = instance.dispose();
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

  // The marks follow their own input and are applied again to whatever is drawn anew (a new
  // scene, a renderer switch, another slice of arrivals).
  useEffect(() => {
    if (cyRef.current) applyPins(cyRef.current, pinned);
  }, [pinned, elements, webgl, drawnSlices]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // A restored view's selection keeps the restored viewport.
    followSelection(cy, selected, () => {
      const quiet = restoring.current.quietSelect === selected;
      restoring.current.quietSelect = undefined;
      return quiet;
    });
  }, [selected, elements, webgl, drawnSlices]);

  useEffect(() => {
    if (cyRef.current) applyHighlight(cyRef.current, containerRef.current, highlight);
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (cy && event.target === event.currentTarget) {
      onCanvasKey(cy, event, (nodeId) => handlers.current.onOpen?.(nodeId));
    }
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
