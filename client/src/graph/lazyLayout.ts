/**
 * Layouts whose code is fetched on first use. A small stand-in is registered under the layout's
 * name; when first run it loads the extension (which registers itself under the same name,
 * replacing the stand-in) and runs the real layout over the elements present by then. The real
 * layout emits the usual layout events, so callers see one layout run.
 */
import cytoscape, { type Core, type Ext, type LayoutOptions } from 'cytoscape';

const LOADERS: Record<string, () => Promise<{ default: Ext }>> = {
  dagre: () => import('cytoscape-dagre'),
};

const loading = new Map<string, Promise<void>>();

/** Loads and registers a lazily loaded layout once; resolves at once for the others. */
export function loadLayout(name: string): Promise<void> {
  const loader = LOADERS[name];
  if (!loader) return Promise.resolve();
  let pending = loading.get(name);
  if (!pending) {
    pending = loader().then((module) => {
      cytoscape.use(module.default);
    });
    loading.set(name, pending);
  }
  return pending;
}

interface StandIn {
  options: LayoutOptions & { cy: Core; eles?: unknown };
}

function StandInLayout(this: StandIn, options: StandIn['options']) {
  this.options = options;
}

StandInLayout.prototype.run = function run(this: StandIn) {
  // The elements are taken when the real layout runs, not those of the moment it was asked for.
  const { cy, eles: _eles, ...options } = this.options;
  loadLayout(options.name).then(
    () => {
      if (!cy.destroyed()) cy.layout(options).run();
    },
    (error: unknown) => {
      console.error(`The ${options.name} layout could not be loaded:`, error);
      if (!cy.destroyed()) cy.emit('layoutstop');
    },
  );
  return this;
};

for (const name of Object.keys(LOADERS)) cytoscape('layout', name, StandInLayout);
