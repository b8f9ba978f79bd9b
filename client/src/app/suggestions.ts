/** The search suggestions shown before anything is typed: the database's main entities. */
import type { GraphNode, GraphRelationship } from '../../../common/api.ts';
import { sceneDegrees } from '../graph/elements.ts';

export const SUGGESTION_COUNT = 8;

/** The best-connected nodes that are not text passages or documents, most connected first. */
export function mainEntities(
  nodes: readonly GraphNode[],
  relationships: readonly GraphRelationship[],
  passageLabels: readonly string[],
): GraphNode[] {
  const degrees = sceneDegrees(relationships);
  const textual = new Set([...passageLabels, 'Document']);
  return nodes
    .filter((n) => !n.labels.some((label) => textual.has(label)))
    .sort((a, b) => (degrees.get(b.id) ?? 0) - (degrees.get(a.id) ?? 0))
    .slice(0, SUGGESTION_COUNT);
}
