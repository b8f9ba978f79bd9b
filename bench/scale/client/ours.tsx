/**
 * The benchmark page for our canvas: the app's GraphCanvas with its stylesheet, element
 * transform, layouts and renderer switch (the `webgl` prop), mounted alone and driven through
 * window.bench by the client scenario.
 */
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import type { GraphData } from '../../../common/api.ts';
import { GraphCanvas, type GraphCanvasHandle } from '../../../client/src/graph/GraphCanvas.tsx';
import { toElements } from '../../../client/src/graph/elements.ts';
import { layoutOptions } from '../../../client/src/graph/layouts.ts';
import { countLabels, labelStyles } from '../../../client/src/graph/palette.ts';

declare global {
  interface Window {
    /** Set by the benchmark before mounting: draw with Cytoscape's WebGL mode or not. */
    benchRenderer?: { webgl: boolean };
    /** The Cytoscape instance, for the page-side pan/zoom script. */
    benchCy?: Core;
  }
}

const root = createRoot(document.getElementById('root') as HTMLElement);
const canvas = createRef<GraphCanvasHandle>();
let shown: GraphData = { nodes: [], relationships: [] };

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Every label seen so far: colours follow the set, as in the app (useExplorer). */
const seenLabels = new Set<string>();

function elementsOf(data: GraphData): ElementDefinition[] {
  for (const node of data.nodes) for (const label of node.labels) seenLabels.add(label);
  const styles = labelStyles(seenLabels);
  return toElements(data.nodes, data.relationships, styles, countLabels(data.nodes));
}

function render(data: GraphData, arrival: { anchor: string | null; ids: string[] } | null) {
  flushSync(() =>
    root.render(
      <GraphCanvas
        ref={canvas}
        elements={elementsOf(data)}
        pinned={[]}
        arrival={arrival}
        layout="grid"
        selected={undefined}
        description="benchmark scene"
        webgl={window.benchRenderer?.webgl ?? false}
      />,
    ),
  );
}

async function layoutDone(): Promise<void> {
  const container = document.querySelector<HTMLElement>('.graph-canvas');
  while (container?.dataset.layout !== 'done') await frame();
}

const bench = {
  /** Shows a fresh scene; resolves with the time to its first drawn frame. */
  async mount(data: GraphData): Promise<number> {
    const started = performance.now();
    shown = data;
    render(data, null);
    await layoutDone();
    window.benchCy = canvas.current?.core() ?? undefined;
    await frame();
    await frame();
    return performance.now() - started;
  },

  /** Adds an expansion around `anchor`; resolves with the time until it is drawn. */
  async expand(extra: GraphData, anchor: string): Promise<number> {
    const started = performance.now();
    shown = {
      nodes: [...shown.nodes, ...extra.nodes],
      relationships: [...shown.relationships, ...extra.relationships],
    };
    render(shown, { anchor, ids: extra.nodes.map((n) => n.id) });
    // A large arrival is drawn over several frames: wait for the last of them.
    const container = document.querySelector<HTMLElement>('.graph-canvas');
    while (container?.dataset.renderedNodes !== String(shown.nodes.length)) await frame();
    await frame();
    await frame();
    return performance.now() - started;
  },

  /** Runs fcose over the scene with the app's options at the given quality; resolves with ms. */
  layout(quality: 'draft' | 'default'): Promise<number> {
    const cy = canvas.current?.core();
    if (!cy) return Promise.reject(new Error('no canvas'));
    const options = { ...layoutOptions('fcose', true), quality } as unknown as LayoutOptions;
    return new Promise((resolve) => {
      const started = performance.now();
      const layout = cy.layout(options);
      layout.one('layoutstop', () => resolve(performance.now() - started));
      layout.run();
    });
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
