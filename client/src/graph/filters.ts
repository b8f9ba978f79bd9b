/**
 * View filters: labels and relationship types the user has switched off. They shape what is
 * drawn, not the scene itself, so undo history and deep links keep the whole scene.
 */
import type { GraphData, GraphRelationship } from '../../../common/api.ts';
import { primaryLabel, type LabelCounts } from './palette.ts';

export interface ViewFilter {
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
}

export const NO_FILTER: ViewFilter = { hiddenLabels: [], hiddenTypes: [] };

/** The data without nodes of hidden (primary) labels and relationships of hidden types. */
export function applyFilter(data: GraphData, filter: ViewFilter, counts: LabelCounts): GraphData {
  if (filter.hiddenLabels.length === 0 && filter.hiddenTypes.length === 0) return data;
  const labels = new Set(filter.hiddenLabels);
  const types = new Set(filter.hiddenTypes);
  const nodes = data.nodes.filter((n) => !labels.has(primaryLabel(n.labels, counts) ?? ''));
  const kept = new Set(nodes.map((n) => n.id));
  const relationships = data.relationships.filter(
    (r) => !types.has(r.type) && kept.has(r.start) && kept.has(r.end),
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
