/**
 * Scenes for the client benchmark: connected pieces of a generated graph with a given number of
 * elements (nodes + relationships), in the API's JSON shapes, so the canvas draws what it would
 * draw after a few expansions. No database is needed.
 */
import type { GraphData, GraphNode } from '../../common/api.ts';
import { generateGraph } from '../../tools/gen/graph.ts';

/** The graph scenes are cut from: large enough for the biggest scene. */
const SOURCE_RELS = 50_000;

/**
 * Nodes and relationships in generation order until `elements` are taken (or `nodes` nodes,
 * when given).
 */
export function scene(elements: number, seed = 'client', nodeLimit = Infinity): GraphData {
  const nodes = new Map<string, GraphNode>();
  const known = new Map<string, GraphNode>();
  const relationships: GraphData['relationships'] = [];
  const take = (key: string) => {
    const node = known.get(key);
    if (node && !nodes.has(key)) nodes.set(key, node);
  };
  for (const chunk of generateGraph({ rels: SOURCE_RELS, seed })) {
    for (const row of chunk.nodes) {
      const name = row.properties.name;
      known.set(row.key, {
        id: row.key,
        labels: row.kind ? [row.label, row.kind] : [row.label],
        properties: { key: row.key, ...(typeof name === 'string' ? { name } : {}) },
      });
    }
    for (const row of chunk.relationships) {
      const adds = (nodes.has(row.from) ? 0 : 1) + (nodes.has(row.to) ? 0 : 1);
      if (
        nodes.size + relationships.length + adds + 1 > elements ||
        nodes.size + adds > nodeLimit
      ) {
        return { nodes: [...nodes.values()], relationships };
      }
      take(row.from);
      take(row.to);
      relationships.push({
        id: `r${relationships.length}`,
        type: row.type,
        start: row.from,
        end: row.to,
        properties: {},
      });
    }
  }
  return { nodes: [...nodes.values()], relationships };
}

/** `count` new nodes around `anchor`, each joined to it: what expanding a hub adds. */
export function expansion(anchor: string, count: number): GraphData {
  const nodes: GraphNode[] = [];
  const relationships: GraphData['relationships'] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `expanded:${i}`;
    nodes.push({
      id,
      labels: ['Entity', 'Meeting'],
      properties: { key: id, name: `Meeting ${i + 1}` },
    });
    relationships.push({
      id: `x${i}`,
      type: 'PARTICIPATED_IN',
      start: anchor,
      end: id,
      properties: {},
    });
  }
  return { nodes, relationships };
}
