/** The layouts a user can choose, and the Cytoscape options each one runs with. */
import type { LayoutOptions } from 'cytoscape';
// dagre's code is fetched when it is first chosen (see lazyLayout.ts).
import './lazyLayout.ts';

export const LAYOUTS = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by degree)',
  breadthfirst: 'Hierarchy',
  dagre: 'Layered (dagre)',
  grid: 'Grid',
  circle: 'Circle',
} as const;

export type LayoutName = keyof typeof LAYOUTS;

export const DEFAULT_LAYOUT: LayoutName = 'fcose';

export function isLayoutName(name: string): name is LayoutName {
  return Object.hasOwn(LAYOUTS, name);
}

/**
 * Cytoscape options for a layout. `fresh` scenes start from random positions (seeded by the
 * canvas, so repeatable); others refine the positions they have.
 */
export function layoutOptions(name: LayoutName, fresh: boolean): LayoutOptions {
  // The canvas fits the result itself once captions are moved apart (viewFit.ts). Captions count
  // as part of a node, so layouts leave room for them.
  const common = { animate: false, fit: false, padding: 40, nodeDimensionsIncludeLabels: true };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: 'default',
        randomize: fresh,
        nodeSeparation: 90,
        idealEdgeLength: 110,
        nodeRepulsion: 9000,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 30,
        concentric: (node) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
      } as LayoutOptions;
    case 'dagre':
      // Layers top to bottom along relationship direction; cycles are broken by dagre itself.
      return {
        name: 'dagre',
        ...common,
        rankDir: 'TB',
        ranker: 'network-simplex',
        nodeSep: 30,
        edgeSep: 10,
        rankSep: 90,
      } as LayoutOptions;
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        avoidOverlapPadding: 20,
      } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true } as LayoutOptions;
  }
}
