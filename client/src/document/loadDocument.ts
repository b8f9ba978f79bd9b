/**
 * Loads a source document for the document view through the neighbourhood API, on any graph
 * whose schema says which labels are passages and which relationships are mentions: the
 * passage's document, all of its passages in order, and every mention in them.
 */
import type { EvidenceProfile, GraphNode } from '../../../common/api.ts';
import { fetchNeighbours } from '../api/graph.ts';
import type { Mention } from './segments.ts';

/** Passages and mentions a document can have before the view stops loading more. */
const MAX_PASSAGES = 1000;
const MAX_MENTIONS_PER_PASSAGE = 1000;

export interface DocumentPassage {
  node: GraphNode;
  key: string;
  text: string;
  mentions: Mention[];
}

export interface DocumentModel {
  document: GraphNode | undefined;
  passages: DocumentPassage[];
  /** Every node mentioned, by id, for captions and colours. */
  mentioned: Record<string, GraphNode>;
}

const numberOf = (value: unknown): number =>
  typeof value === 'number' ? value : Number.POSITIVE_INFINITY;

/** Passages in reading order: by `index`, else by `start`, else as given. */
export function orderPassages(passages: readonly GraphNode[]): GraphNode[] {
  return [...passages].sort(
    (a, b) =>
      numberOf(a.properties.index) - numberOf(b.properties.index) ||
      numberOf(a.properties.start) - numberOf(b.properties.start),
  );
}

export async function loadDocument(
  passage: GraphNode,
  profile: Pick<EvidenceProfile, 'passageLabels' | 'mentionTypes'>,
  signal?: AbortSignal,
): Promise<DocumentModel> {
  const isPassage = (node: GraphNode) => node.labels.some((l) => profile.passageLabels.includes(l));
  const up = await fetchNeighbours(passage.id, { direction: 'in', limit: 50 }, signal);
  const document = up.nodes.find((node) => !isPassage(node));
  const passages = document
    ? (
        await fetchNeighbours(
          document.id,
          { direction: 'out', labels: profile.passageLabels, limit: MAX_PASSAGES },
          signal,
        )
      ).nodes.filter(isPassage)
    : [passage];
  const ordered = orderPassages(dedupe(passages));
  const mentioned: Record<string, GraphNode> = {};
  const withMentions = await Promise.all(
    ordered.map(async (node): Promise<DocumentPassage> => {
      const page = await fetchNeighbours(
        node.id,
        { direction: 'out', types: profile.mentionTypes, limit: MAX_MENTIONS_PER_PASSAGE },
        signal,
      );
      for (const n of page.nodes) mentioned[n.id] = n;
      const mentions: Mention[] = page.relationships.flatMap((rel) => {
        const { start, end } = rel.properties;
        return typeof start === 'number' && typeof end === 'number'
          ? [{ id: rel.id, nodeId: rel.end, start, end }]
          : [];
      });
      const text = node.properties.text;
      const key = node.properties.key;
      return {
        node,
        key: typeof key === 'string' ? key : node.id,
        text: typeof text === 'string' ? text : '',
        mentions,
      };
    }),
  );
  return { document, passages: withMentions, mentioned };
}

function dedupe(nodes: readonly GraphNode[]): GraphNode[] {
  const seen = new Set<string>();
  return nodes.filter((n) => (seen.has(n.id) ? false : (seen.add(n.id), true)));
}
