/**
 * The view in the URL, so a shared link reproduces it: the starting point, the selected node,
 * the nodes whose neighbourhoods were expanded, the layout, a path between two nodes and a console query.
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
}

const LIST_SEPARATOR = ' ';

export function parseViewLink(search: string): ViewLink {
  const params = new URLSearchParams(search);
  const layout = params.get('layout') ?? '';
  const from = params.get('from');
  const to = params.get('to');
  const select = params.get('select');
  const query = params.get('query');
  return {
    base: params.get('base') === 'empty' ? 'empty' : 'overview',
    ...(select ? { select } : {}),
    expand: (params.get('expand') ?? '').split(LIST_SEPARATOR).filter((id) => id !== ''),
    layout: isLayoutName(layout) ? layout : DEFAULT_LAYOUT,
    ...(from && to ? { path: { from, to } } : {}),
    ...(query ? { query } : {}),
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
  const text = params.toString();
  return text ? `?${text}` : '';
}
