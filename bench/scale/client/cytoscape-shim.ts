/**
 * The bench bundle's `cytoscape`: the real library, with the renderer the benchmark asks for
 * (window.benchRenderer) merged into every instance's options — how the canvas is measured in
 * WebGL mode without changing the app. It also keeps the instance where the page script finds it.
 */
import cytoscape from 'cytoscape-real';
import type { Core, CytoscapeOptions } from 'cytoscape';

declare global {
  interface Window {
    benchRenderer?: { webgl: boolean };
    benchCy?: Core;
  }
}

type Factory = typeof cytoscape;

const wrapped = ((options?: CytoscapeOptions) => {
  const cy = (cytoscape as Factory)({
    ...options,
    ...(window.benchRenderer ?? {}),
  } as CytoscapeOptions);
  window.benchCy = cy;
  return cy;
}) as Factory;
Object.assign(wrapped, cytoscape);

export default wrapped;
