/**
 * The view in the URL, so a shared link reproduces it: the starting point, the selected node,
 * the nodes whose neighbourhoods were expanded, the layout, a path between two nodes and a console query.
 * A `view=` parameter carries a whole scene snapshot instead (scene/snapshot.ts): elements by
 * stable key, positions, filters, styles and viewport; the other parameters still open as before.
 */
import { DEFAULT_LAYOUT, isLayoutName, type LayoutName } from '../graph/layouts.ts';

export interface ViewLink {
  /** What the view starts from: the database overview, or an empty canvas. */
  base: 'overview' | 'empty';
  select?: string;
  expand: string[];
  layout: LayoutName;
  path?: { from: string; to: string };
  /** A Cypher query: the console opens with it and runs it. */
  query?: string;
  /** An encoded scene snapshot (scene/snapshot.ts), read when the app restores it. */
  view?: string;
}

/** The parameter that carries a scene snapshot. */
export const VIEW_PARAM = 'view';

const LIST_SEPARATOR = ' ';

export function parseViewLink(search: string): ViewLink {
  const params = new URLSearchParams(search);
  const layout = params.get('layout') ?? '';
  const from = params.get('from');
  const to = params.get('to');
  const select = params.get('select');
  const query = params.get('query');
  const view = params.get(VIEW_PARAM);
  return {
    base: params.get('base') === 'empty' ? 'empty' : 'overview',
    ...(select ? { select } : {}),
    expand: (params.get('expand') ?? '').split(LIST_SEPARATOR).filter((id) => id !== ''),
    layout: isLayoutName(layout) ? layout : DEFAULT_LAYOUT,
    ...(from && to ? { path: { from, to } } : {}),
    ...(query ? { query } : {}),
    ...(view ? { view } : {}),
  };
}

/** The query string for a view ("" for the default view). Element ids are kept whole. */
export function formatViewLink(view: ViewLink): string {
  const params = new URLSearchParams();
  if (view.base === 'empty') params.set('base', 'empty');
  if (view.select) params.set('select', view.select);
  if (view.expand.length > 0) params.set('expand', view.expand.join(LIST_SEPARATOR));
  if (view.layout !== DEFAULT_LAYOUT) params.set('layout', view.layout);
  if (view.path) {
    params.set('from', view.path.from);
    params.set('to', view.path.to);
  }
  if (view.query) params.set('query', view.query);
  if (view.view) params.set(VIEW_PARAM, view.view);
  const text = params.toString();
  return text ? `?${text}` : '';
}
