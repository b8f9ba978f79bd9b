/**
 * The Cytoscape canvas: a thin adapter that keeps one Cytoscape instance in step with the
 * scene's elements and reports selection. Layout runs when nodes are added.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { graphStylesheet } from './stylesheet.ts';

cytoscape.use(fcose);

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  relayout(): void;
  /** Selects a node and brings it into view, as a click on it would. */
  select(id: string): void;
}

interface Props {
  elements: ElementDefinition[];
  /** Called with the selected node id, or undefined when the selection is cleared. */
  onSelectNode?: (id: string | undefined) => void;
  /** Accessible description of what the canvas shows. */
  description: string;
  ref?: Ref<GraphCanvasHandle>;
}

const FCOSE_OPTIONS = {
  name: 'fcose',
  quality: 'default',
  animate: false,
  randomize: true,
  nodeSeparation: 90,
  idealEdgeLength: 110,
  nodeRepulsion: 9000,
  padding: 40,
} as const;

export function GraphCanvas({ elements, onSelectNode, description, ref }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const onSelectRef = useRef(onSelectNode);

  useEffect(() => {
    onSelectRef.current = onSelectNode;
  }, [onSelectNode]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: graphStylesheet(),
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    cy.on('select', 'node', (event) => onSelectRef.current?.(event.target.id() as string));
    cy.on('unselect', 'node', () => {
      if (cy.$('node:selected').empty()) onSelectRef.current?.(undefined);
    });
    cy.on('layoutstop', () => {
      container.dataset.layout = 'done';
    });
    cyRef.current = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const added = syncElements(cy, elements);
    const container = containerRef.current;
    if (container) {
      // Read by the end-to-end tests to know what is drawn, without reaching into Cytoscape.
      container.dataset.renderedNodes = String(cy.nodes().length);
      container.dataset.renderedEdges = String(cy.edges().length);
    }
    if (added > 0) runLayout(cy, container);
  }, [elements]);

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
    relayout: () => {
      if (cyRef.current) runLayout(cyRef.current, containerRef.current);
    },
    select: (id) => {
      const cy = cyRef.current;
      const node = cy?.getElementById(id);
      if (!cy || !node || node.empty()) return;
      cy.$(':selected').not(node).unselect();
      node.select();
      cy.center(node);
    },
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

/** Adds, updates and removes elements so the instance shows exactly `elements`; returns nodes added. */
function syncElements(cy: Core, elements: ElementDefinition[]): number {
  const wanted = new Set(elements.map((e) => e.data.id as string));
  let addedNodes = 0;
  cy.batch(() => {
    cy.elements()
      .filter((el) => !wanted.has(el.id()))
      .remove();
    const toAdd: ElementDefinition[] = [];
    for (const element of elements) {
      const existing = cy.getElementById(element.data.id as string);
      if (existing.nonempty()) existing.data(element.data);
      else {
        toAdd.push(element);
        if (element.group === 'nodes') addedNodes += 1;
      }
    }
    // Nodes first, so every new edge finds its ends.
    toAdd.sort((a, b) => (a.group === b.group ? 0 : a.group === 'nodes' ? -1 : 1));
    cy.add(toAdd);
  });
  return addedNodes;
}

function runLayout(cy: Core, container: HTMLElement | null): void {
  if (container) container.dataset.layout = 'running';
  if (cy.nodes().empty()) {
    if (container) container.dataset.layout = 'done';
    return;
  }
  cy.layout(FCOSE_OPTIONS as unknown as cytoscape.LayoutOptions).run();
}
