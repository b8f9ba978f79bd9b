/**
 * The scene: what the canvas shows, as plain data changed only through actions, so every
 * change can be undone and the URL can describe it. Pure; the canvas follows it.
 */
import type { ElementId, GraphData, GraphNode, GraphRelationship } from '../../../common/api.ts';

/** How much of a node's neighbourhood has been brought in. */
export interface Expansion {
  shown: number;
  total: number;
  /** The type and direction expanded, when the expansion was limited to them. */
  type?: string;
  direction?: 'out' | 'in';
}

export interface Scene {
  nodes: Record<ElementId, GraphNode>;
  relationships: Record<ElementId, GraphRelationship>;
  /** Nodes kept in the scene but not drawn. */
  hidden: ElementId[];
  /** Nodes that layouts must not move. */
  pinned: ElementId[];
  expansions: Record<ElementId, Expansion>;
  /** The most recent arrival, so the canvas can place new nodes near where they came from. */
  arrival: { anchor: ElementId | null; ids: ElementId[] } | null;
}

export type SceneAction =
  | { type: 'replace'; data: GraphData }
  | {
      type: 'add';
      data: GraphData;
      /** The node whose neighbours these are: new nodes are placed around it. */
      anchor?: ElementId;
      expansion?: Expansion;
    }
  | { type: 'remove'; ids: ElementId[] }
  | { type: 'collapse'; id: ElementId }
  | { type: 'hide'; ids: ElementId[] }
  | { type: 'show-all' }
  | { type: 'pin'; ids: ElementId[]; pinned: boolean }
  /** A saved view put back whole: its elements, with what it kept hidden and pinned. */
  | { type: 'restore'; data: GraphData; hidden: ElementId[]; pinned: ElementId[] }
  | { type: 'clear' };

export const EMPTY_SCENE: Scene = {
  nodes: {},
  relationships: {},
  hidden: [],
  pinned: [],
  expansions: {},
  arrival: null,
};

export function sceneReducer(scene: Scene, action: SceneAction): Scene {
  switch (action.type) {
    case 'replace':
      return {
        ...EMPTY_SCENE,
        ...indexData(action.data),
        arrival: { anchor: null, ids: action.data.nodes.map((n) => n.id) },
      };
    case 'add':
      return addData(scene, action.data, action.anchor ?? null, action.expansion);
    case 'remove':
      return removeNodes(scene, new Set(action.ids));
    case 'collapse':
      return removeNodes(scene, new Set(leafNeighbours(scene, action.id)), action.id);
    case 'hide': {
      const hidden = union(
        scene.hidden,
        action.ids.filter((id) => id in scene.nodes),
      );
      return hidden.length === scene.hidden.length ? scene : { ...scene, hidden, arrival: null };
    }
    case 'show-all':
      return scene.hidden.length === 0 ? scene : { ...scene, hidden: [], arrival: null };
    case 'pin': {
      const ids = action.ids.filter((id) => id in scene.nodes);
      const pinned = action.pinned
        ? union(scene.pinned, ids)
        : scene.pinned.filter((id) => !ids.includes(id));
      return pinned.length === scene.pinned.length ? scene : { ...scene, pinned, arrival: null };
    }
    case 'restore': {
      const index = indexData(action.data);
      return {
        ...EMPTY_SCENE,
        ...index,
        hidden: action.hidden.filter((id) => id in index.nodes),
        pinned: action.pinned.filter((id) => id in index.nodes),
        arrival: { anchor: null, ids: action.data.nodes.map((n) => n.id) },
      };
    }
    case 'clear':
      return EMPTY_SCENE;
  }
}

function indexData(data: GraphData): Pick<Scene, 'nodes' | 'relationships'> {
  const nodes: Record<string, GraphNode> = {};
  for (const node of data.nodes) nodes[node.id] = node;
  const relationships: Record<string, GraphRelationship> = {};
  for (const rel of data.relationships) relationships[rel.id] = rel;
  return { nodes, relationships };
}

function addData(
  scene: Scene,
  data: GraphData,
  anchor: ElementId | null,
  expansion?: Expansion,
): Scene {
  const fresh = data.nodes.filter((n) => !(n.id in scene.nodes));
  const freshRels = data.relationships.filter((r) => !(r.id in scene.relationships));
  // Nodes already present but hidden become visible again when brought in explicitly.
  const incoming = new Set(data.nodes.map((n) => n.id));
  const hidden = scene.hidden.filter((id) => !incoming.has(id));
  if (
    fresh.length === 0 &&
    freshRels.length === 0 &&
    !expansion &&
    hidden.length === scene.hidden.length
  ) {
    return scene;
  }
  const index = indexData({ nodes: fresh, relationships: freshRels });
  return {
    ...scene,
    nodes: { ...scene.nodes, ...index.nodes },
    relationships: { ...scene.relationships, ...index.relationships },
    hidden,
    expansions:
      anchor && expansion ? { ...scene.expansions, [anchor]: expansion } : scene.expansions,
    arrival: { anchor, ids: fresh.map((n) => n.id) },
  };
}

function removeNodes(scene: Scene, ids: Set<ElementId>, collapsed?: ElementId): Scene {
  if (ids.size === 0 && !collapsed) return scene;
  const nodes = { ...scene.nodes };
  for (const id of ids) delete nodes[id];
  const relationships: Record<string, GraphRelationship> = {};
  for (const rel of Object.values(scene.relationships)) {
    if (!ids.has(rel.start) && !ids.has(rel.end)) relationships[rel.id] = rel;
  }
  const expansions = { ...scene.expansions };
  for (const id of ids) delete expansions[id];
  if (collapsed) delete expansions[collapsed];
  return {
    ...scene,
    nodes,
    relationships,
    hidden: scene.hidden.filter((id) => !ids.has(id)),
    pinned: scene.pinned.filter((id) => !ids.has(id)),
    expansions,
    arrival: null,
  };
}

/** Neighbours of `id` connected to nothing else in the scene: what collapsing it removes. */
export function leafNeighbours(scene: Scene, id: ElementId): ElementId[] {
  const links = new Map<ElementId, Set<ElementId>>();
  for (const rel of Object.values(scene.relationships)) {
    if (!links.has(rel.start)) links.set(rel.start, new Set());
    if (!links.has(rel.end)) links.set(rel.end, new Set());
    links.get(rel.start)?.add(rel.end);
    links.get(rel.end)?.add(rel.start);
  }
  const neighbours = links.get(id) ?? new Set<ElementId>();
  return [...neighbours].filter((n) => {
    if (n === id || scene.pinned.includes(n)) return false;
    const others = links.get(n) ?? new Set();
    return [...others].every((o) => o === id || o === n);
  });
}

/** The nodes and relationships to draw: everything not hidden, and ties between drawn nodes. */
export function visibleData(scene: Scene): GraphData {
  const hidden = new Set(scene.hidden);
  const nodes = Object.values(scene.nodes).filter((n) => !hidden.has(n.id));
  const relationships = Object.values(scene.relationships).filter(
    (r) =>
      !hidden.has(r.start) && !hidden.has(r.end) && r.start in scene.nodes && r.end in scene.nodes,
  );
  return { nodes, relationships };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(a);
  const out = [...a];
  for (const id of b) {
    if (!set.has(id)) {
      set.add(id);
      out.push(id);
    }
  }
  return out;
}
