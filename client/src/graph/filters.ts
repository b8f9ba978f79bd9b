/**
 * View filters: labels and relationship types the user has switched off, property filters and a
 * date range (propertyFilters.ts). They shape what is drawn, not the scene itself, so undo
 * history and deep links keep the whole scene.
 */
import type { GraphData, GraphRelationship } from '../../../common/api.ts';
import type { DateForms } from './dateForms.ts';
import { primaryLabel, type LabelCounts } from './palette.ts';
import { passes, predicates, type DateRange, type PropertyFilter } from './propertyFilters.ts';

export interface ViewFilter {
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
  /** Property filters; an element must pass every one meant for its kind. */
  properties?: readonly PropertyFilter[];
  dateRange?: DateRange | undefined;
}

export const NO_FILTER: ViewFilter = { hiddenLabels: [], hiddenTypes: [], properties: [] };

/**
 * The data without nodes of hidden (primary) labels or failing a property filter, and without
 * relationships of hidden types, failing a filter, or whose ends are not drawn. `forms` names the
 * text date forms the schema detected, so text dates are read as the server reads them.
 */
export function applyFilter(
  data: GraphData,
  filter: ViewFilter,
  counts: LabelCounts,
  forms?: DateForms,
): GraphData {
  const tests = predicates(filter.properties ?? [], filter.dateRange);
  if (filter.hiddenLabels.length === 0 && filter.hiddenTypes.length === 0 && tests.length === 0)
    return data;
  const labels = new Set(filter.hiddenLabels);
  const types = new Set(filter.hiddenTypes);
  const nodes = data.nodes.filter(
    (n) => !labels.has(primaryLabel(n.labels, counts) ?? '') && passes(n, 'node', tests, forms),
  );
  const kept = new Set(nodes.map((n) => n.id));
  const relationships = data.relationships.filter(
    (r) =>
      !types.has(r.type) &&
      kept.has(r.start) &&
      kept.has(r.end) &&
      passes(r, 'relationship', tests),
  );
  return { nodes, relationships };
}

/** Adds or removes one entry of a filter list. */
export function toggle(list: readonly string[], item: string, hidden: boolean): string[] {
  const without = list.filter((x) => x !== item);
  return hidden ? [...without, item] : without;
}

export interface TypeEntry {
  type: string;
  count: number;
}

/** Relationship types in the data with their counts, most first. */
export function typeEntries(relationships: readonly GraphRelationship[]): TypeEntry[] {
  const counts = new Map<string, number>();
  for (const r of relationships) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/**
 * Labels of the nodes that mentions start from: relationships carrying a text `quote` (the
 * evidence convention the server's schema profile detects) run from a passage to what it names.
 * Read from the data itself, so the first view knows its sources before the schema arrives.
 */
export function mentionSourceLabels(data: GraphData): string[] {
  const starts = new Set(
    data.relationships.filter((r) => typeof r.properties.quote === 'string').map((r) => r.start),
  );
  const labels = new Set<string>();
  for (const node of data.nodes)
    if (starts.has(node.id)) for (const l of node.labels) labels.add(l);
  return [...labels].sort();
}
