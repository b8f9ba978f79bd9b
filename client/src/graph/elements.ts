/**
 * Turns API graph data into Cytoscape element definitions: captions, per-label colours and a
 * size that grows with a node's degree in the scene, and any emphasis an overlay (centrality)
 * draws instead. Pure, so the canvas stays a thin adapter.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphNode, GraphRelationship } from '../../../common/api.ts';
import { fullCaption, nodeCaption } from './caption.ts';
import { primaryLabel, type LabelCounts, type LabelStyles } from './palette.ts';

export const MIN_NODE_SIZE = 28;
export const MAX_NODE_SIZE = 72;

/** Node diameter in pixels for a degree: logarithmic, so hubs stand out without swamping. */
export function nodeSize(degree: number): number {
  return Math.min(MAX_NODE_SIZE, Math.round(MIN_NODE_SIZE + 9 * Math.log2(1 + degree)));
}

/** Degree of each node counting only the given relationships. */
export function sceneDegrees(relationships: readonly GraphRelationship[]): Map<string, number> {
  const degrees = new Map<string, number>();
  for (const rel of relationships) {
    degrees.set(rel.start, (degrees.get(rel.start) ?? 0) + 1);
    if (rel.end !== rel.start) degrees.set(rel.end, (degrees.get(rel.end) ?? 0) + 1);
  }
  return degrees;
}

/** A fill and diameter drawn over a node's own (centrality's community colour and score size). */
export interface NodeEmphasis {
  fill: string;
  diameter: number;
}

/** Emphasis per node id; nodes it does not name keep their own colour and size. */
export type NodeEmphases = ReadonlyMap<string, NodeEmphasis>;

export interface NodeData {
  id: string;
  caption: string;
  fullCaption: string;
  label: string;
  labels: string;
  /** The label's colour: what the legend and the exports' legends describe. */
  color: string;
  border: string;
  size: number;
  /**
   * Emphasis drawn instead of colour and size (stylesheet.ts); always present, undefined when
   * none, so taking it away changes the data the canvas holds.
   */
  fill: string | undefined;
  diameter: number | undefined;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
}

const FALLBACK_STYLE = { color: '#8a94a6', border: '#5b6472' };

export function toNodeData(
  node: GraphNode,
  styles: LabelStyles,
  counts: LabelCounts,
  degree: number,
  emphasis?: NodeEmphasis,
): NodeData {
  const label = primaryLabel(node.labels, counts) ?? '';
  const style = styles[label] ?? FALLBACK_STYLE;
  return {
    id: node.id,
    caption: nodeCaption(node),
    fullCaption: fullCaption(node),
    label,
    labels: node.labels.join(' '),
    color: style.color,
    border: style.border,
    size: nodeSize(degree),
    fill: emphasis?.fill,
    diameter: emphasis?.diameter,
  };
}

/**
 * Element definitions for a scene. Relationships whose ends are not both in the scene are left
 * out: Cytoscape cannot draw an edge to a missing node.
 */
export function toElements(
  nodes: readonly GraphNode[],
  relationships: readonly GraphRelationship[],
  styles: LabelStyles,
  counts: LabelCounts,
  emphases?: NodeEmphases,
): ElementDefinition[] {
  const present = new Set(nodes.map((n) => n.id));
  const drawable = relationships.filter((r) => present.has(r.start) && present.has(r.end));
  const degrees = sceneDegrees(drawable);
  const elements: ElementDefinition[] = nodes.map((node) => ({
    group: 'nodes',
    data: toNodeData(node, styles, counts, degrees.get(node.id) ?? 0, emphases?.get(node.id)),
  }));
  for (const rel of drawable) {
    const data: EdgeData = { id: rel.id, source: rel.start, target: rel.end, type: rel.type };
    elements.push({ group: 'edges', data });
  }
  return elements;
}

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
}

/** Legend rows: each primary label in the scene with its colour and node count, most first. */
export function legendEntries(
  nodes: readonly GraphNode[],
  styles: LabelStyles,
  counts: LabelCounts,
): LegendEntry[] {
  const shown = new Map<string, number>();
  for (const node of nodes) {
    const label = primaryLabel(node.labels, counts);
    if (label !== undefined) shown.set(label, (shown.get(label) ?? 0) + 1);
  }
  return [...shown]
    .map(([label, count]) => ({
      label,
      count,
      color: styles[label]?.color ?? FALLBACK_STYLE.color,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Whether `next` would change element data `current`: some field of `next` differs. Data values
 * here are strings and numbers, so a shallow comparison suffices; rewriting unchanged data
 * would make Cytoscape restyle the element for nothing.
 */
export function dataChanged(
  current: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): boolean {
  for (const key of Object.keys(next)) {
    if (!Object.is(current[key], next[key])) return true;
  }
  return false;
}
