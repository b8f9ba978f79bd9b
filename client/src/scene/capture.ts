/**
 * Between the live view and its snapshot (snapshot.ts): capturing names each node by a stable
 * key where a constraint guarantees one, else by element id; restoring turns the server's
 * resolution of those references back into scene data, positions, hidden and pinned nodes.
 */
import type {
  ConstraintSummary,
  GraphData,
  GraphNode,
  GraphRelationship,
  NodeRef,
  ResolveRequest,
  ResolveResponse,
} from '../../../common/api.ts';
import type { CaptionRules } from '../../../common/caption.ts';
import type { ViewFilter } from '../graph/filters.ts';
import type { LayoutName } from '../graph/layouts.ts';
import type { Point } from '../graph/placement.ts';
import type { Scene } from './scene.ts';
import { SNAPSHOT_VERSION, type SceneSnapshot } from './snapshot.ts';

/** Per label, the one property a uniqueness or node-key constraint makes a key. */
export type KeyProperties = Readonly<Record<string, string>>;

export type Selection = { kind: 'node' | 'relationship'; id: string } | undefined;

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Single-property node constraints that make a property unique for a label. */
export function keyProperties(constraints: readonly ConstraintSummary[]): KeyProperties {
  const keys: Record<string, string> = {};
  for (const c of constraints) {
    const [label] = c.labelsOrTypes;
    const [property] = c.properties;
    const unique = /UNIQUENESS|KEY/.test(c.type);
    if (c.entityType !== 'NODE' || !unique || !label || !property) continue;
    if (c.labelsOrTypes.length !== 1 || c.properties.length !== 1) continue;
    keys[label] ??= property;
  }
  return keys;
}

/** The node's stable reference: its key under the first of its labels (by name) that has one. */
export function nodeRef(node: GraphNode, keys: KeyProperties): NodeRef {
  for (const label of [...node.labels].sort()) {
    const property = keys[label];
    const value = property === undefined ? undefined : node.properties[property];
    if (property === undefined) continue;
    if (typeof value === 'string' || typeof value === 'boolean') return { label, property, value };
    if (typeof value === 'number' && Number.isFinite(value)) return { label, property, value };
  }
  return { id: node.id };
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface CaptureInput {
  scene: Pick<Scene, 'nodes' | 'relationships' | 'hidden' | 'pinned'>;
  /** Model positions of nodes (drawn now or earlier). */
  positions: ReadonlyMap<string, Point>;
  filter: ViewFilter;
  colours: Readonly<Record<string, string>>;
  captions: CaptionRules;
  layout: LayoutName;
  viewport: Viewport;
  selection: Selection;
  keys: KeyProperties;
}

export function captureSnapshot(input: CaptureInput): SceneSnapshot {
  const nodes = Object.values(input.scene.nodes);
  const position = new Map(nodes.map((n, i) => [n.id, i]));
  const rels = Object.values(input.scene.relationships).filter(
    (r) => position.has(r.start) && position.has(r.end),
  );
  const parallelKey = (r: GraphRelationship) => `${r.start}\u0000${r.type}\u0000${r.end}`;
  const parallels = new Map<string, number>();
  for (const r of rels) parallels.set(parallelKey(r), (parallels.get(parallelKey(r)) ?? 0) + 1);
  const indexes = (ids: readonly string[]) =>
    ids.flatMap((id) => (position.has(id) ? [position.get(id) as number] : []));
  const selected = input.selection;
  const selectedRel =
    selected?.kind === 'relationship' ? rels.findIndex((r) => r.id === selected.id) : -1;
  const selectedNode = selected?.kind === 'node' ? position.get(selected.id) : undefined;
  const { filter } = input;
  return {
    v: SNAPSHOT_VERSION,
    nodes: nodes.map((node) => {
      const at = input.positions.get(node.id);
      return {
        ref: nodeRef(node, input.keys),
        ...(at ? { at: [round(at.x), round(at.y)] as [number, number] } : {}),
      };
    }),
    rels: rels.map((r) => ({
      s: position.get(r.start) as number,
      e: position.get(r.end) as number,
      t: r.type,
      // Ends and type find a relationship; its id only tells parallel ones apart.
      ...(!r.virtual && (parallels.get(parallelKey(r)) ?? 0) > 1 ? { id: r.id } : {}),
    })),
    hidden: indexes(input.scene.hidden),
    pinned: indexes(input.scene.pinned),
    filter: {
      labels: [...filter.hiddenLabels],
      types: [...filter.hiddenTypes],
      properties: [...(filter.properties ?? [])],
      ...(filter.dateRange ? { dates: filter.dateRange } : {}),
    },
    style: { colours: { ...input.colours }, captions: { ...input.captions } },
    layout: input.layout,
    viewport: { zoom: input.viewport.zoom, pan: { ...input.viewport.pan } },
    ...(selectedNode !== undefined ? { select: { node: selectedNode } } : {}),
    ...(selectedRel >= 0 ? { select: { rel: selectedRel } } : {}),
  };
}

/** What to ask the server (POST /api/nodes/resolve) to find a snapshot's elements today. */
export function resolveRequest(snapshot: SceneSnapshot): ResolveRequest {
  return {
    nodes: snapshot.nodes.map((n) => n.ref),
    relationships: snapshot.rels.map((r) => ({
      start: r.s,
      end: r.e,
      type: r.t,
      ...(r.id ? { id: r.id } : {}),
    })),
  };
}

export interface RestoredScene {
  data: GraphData;
  /** Saved positions under the elements' current ids. */
  positions: Map<string, Point>;
  hidden: string[];
  pinned: string[];
  selection: Selection;
  filter: ViewFilter;
  /** Elements of the snapshot that the database no longer has. */
  missing: number;
}

/** The snapshot in today's element ids, from the server's resolution of its references. */
export function restoredScene(snapshot: SceneSnapshot, resolved: ResolveResponse): RestoredScene {
  const ids = resolved.nodes.map((n) => n?.id);
  const nodes = resolved.nodes.filter((n): n is GraphNode => n !== null);
  // One node may answer two references (a key and an id naming the same node): keep it once.
  const unique = [...new Map(nodes.map((n) => [n.id, n])).values()];
  const relationships = resolved.relationships.flatMap((r) => (r ? [r] : []));
  const positions = new Map<string, Point>();
  snapshot.nodes.forEach((node, i) => {
    const id = ids[i];
    if (id && node.at) positions.set(id, { x: node.at[0], y: node.at[1] });
  });
  const present = (list: readonly number[]) => list.flatMap((i) => (ids[i] ? [ids[i]] : []));
  const select = snapshot.select;
  let selection: Selection;
  if (select && 'node' in select && ids[select.node])
    selection = { kind: 'node', id: ids[select.node] as string };
  const rel = select && 'rel' in select ? resolved.relationships[select.rel] : undefined;
  if (rel) selection = { kind: 'relationship', id: rel.id };
  const { filter } = snapshot;
  return {
    data: { nodes: unique, relationships },
    positions,
    hidden: present(snapshot.hidden),
    pinned: present(snapshot.pinned),
    selection,
    filter: {
      hiddenLabels: filter.labels,
      hiddenTypes: filter.types,
      properties: filter.properties,
      ...(filter.dates ? { dateRange: filter.dates } : {}),
    },
    missing: resolved.unresolved.nodes.length + resolved.unresolved.relationships.length,
  };
}
