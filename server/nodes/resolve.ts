/**
 * Resolves the references a saved view keeps (common/api.ts NodeRef, RelationshipRef) to the
 * current nodes and relationships, in one read transaction. A stable key wins over an element id,
 * which a reloaded database may have given to another element; what is not found is reported.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type { NodeRef, RelationshipRef, ResolveResponse } from '../../common/api.ts';
import type { z } from 'zod';
import type { ResolveRequestSchema } from '../../common/contract/explorer.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { NODES_BY_ID_QUERY, RELATIONSHIPS_BETWEEN_QUERY, nodesByKeyQuery } from './queries.ts';

type KeyRef = Extract<NodeRef, { label: string }>;

/** The found elements per reference index, from rows of (index, found). */
async function foundByIndex<T>(
  tx: ManagedTransaction,
  query: string,
  refs: Record<string, unknown>[],
): Promise<Map<number, T[]>> {
  const found = new Map<number, T[]>();
  if (refs.length === 0) return found;
  const result = await tx.run<{ index: unknown; found: T[] }>(query, { refs });
  for (const record of result.records) {
    found.set(Number(record.get('index')), record.get('found'));
  }
  return found;
}

async function resolveNodes(tx: ManagedTransaction, refs: NodeRef[]): Promise<(Node | null)[]> {
  const nodes: (Node | null)[] = refs.map(() => null);
  const byId: Record<string, unknown>[] = [];
  const byKey = new Map<
    string,
    { label: string; property: string; refs: Record<string, unknown>[] }
  >();
  refs.forEach((ref, index) => {
    if ('id' in ref) {
      byId.push({ index, id: ref.id });
      return;
    }
    const { label, property, value }: KeyRef = ref;
    const group = JSON.stringify([label, property]);
    const entry = byKey.get(group) ?? { label, property, refs: [] };
    entry.refs.push({ index, value });
    byKey.set(group, entry);
  });
  const queries = [
    { query: NODES_BY_ID_QUERY, refs: byId },
    ...[...byKey.values()].map((g) => ({
      query: nodesByKeyQuery(g.label, g.property),
      refs: g.refs,
    })),
  ];
  for (const { query, refs: group } of queries) {
    for (const [index, found] of await foundByIndex<Node>(tx, query, group)) {
      // Two matches: the key does not name one node here, so it names none.
      if (found.length === 1) nodes[index] = found[0] ?? null;
    }
  }
  return nodes;
}

async function resolveRelationships(
  tx: ManagedTransaction,
  refs: RelationshipRef[],
  nodes: (Node | null)[],
): Promise<(Relationship | null)[]> {
  const rels: (Relationship | null)[] = refs.map(() => null);
  const asked = refs.flatMap((ref, index) => {
    const start = nodes[ref.start];
    const end = nodes[ref.end];
    return start && end
      ? [{ index, start: start.elementId, end: end.elementId, type: ref.type }]
      : [];
  });
  const found = await foundByIndex<Relationship>(tx, RELATIONSHIPS_BETWEEN_QUERY, asked);
  for (const [index, candidates] of found) {
    const wanted = refs[index]?.id;
    // Parallel relationships of one type: the one with the saved id if it is among them.
    rels[index] = candidates.find((r) => r.elementId === wanted) ?? candidates[0] ?? null;
  }
  return rels;
}

const missing = (list: readonly unknown[]) =>
  list.flatMap((item, index) => (item === null ? [index] : []));

export async function resolveReferences(
  db: Database,
  request: z.output<typeof ResolveRequestSchema>,
  timeoutMs: number,
): Promise<ResolveResponse> {
  const { nodes, relationships } = await db.read(async (tx) => {
    const nodes = await resolveNodes(tx, request.nodes);
    return { nodes, relationships: await resolveRelationships(tx, request.relationships, nodes) };
  }, timeoutMs);
  return {
    nodes: nodes.map((n) => (n ? toGraphNode(n) : null)),
    relationships: relationships.map((r) => (r ? toGraphRelationship(r) : null)),
    unresolved: { nodes: missing(nodes), relationships: missing(relationships) },
  };
}
