/**
 * Share: what two or more entities have in common — neighbours of every one of them grouped by
 * kind (organisations all belong to, meetings all attended…), spheres discussed at meetings each
 * attended, and documents that mention them all — each tie with the quotes behind it.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type {
  EvidenceQuote,
  GraphNode,
  GraphRelationship,
  ShareGroup,
  ShareResponse,
  SharedDocument,
  ShareTie,
} from '../../common/api.ts';
import { toGraphNode, toGraphRelationship } from '../db/encode.ts';
import { notFound } from '../http/problems.ts';
import { resolvePassages } from '../nodes/evidence.ts';
import { MENTION, PASSAGE_KEY } from '../schema/evidence-profile.ts';
import { toCount, toNumber, toStringOrNull } from '../schema/records.ts';
import type { DiscoveryContext } from './connect.ts';
import { evidencedRelationship, readNodes } from './evidence.ts';
import { excludedTypes } from './excluded.ts';
import { kindOf } from './kind.ts';
import { SHARE_DOCUMENTS_LIMIT, SHARE_ITEMS_PER_GROUP, SHARE_QUOTES_PER_ENTITY } from './limits.ts';
import {
  SHARED_DISCUSSED_QUERY,
  SHARED_DOCUMENTS_QUERY,
  SHARED_NEIGHBOURS_QUERY,
} from './share-queries.ts';

/** Rows read per query at most; groups are capped after grouping. */
const SHARE_ROWS = 2_000;
/** Relationships (or meetings) listed per tie. */
const PER_TIE = 10;

interface Found {
  node: GraphNode;
  ties: ShareTie[];
}

interface Collected {
  nodes: Map<string, GraphNode>;
  relationships: Map<string, GraphRelationship>;
  passages: Map<string, GraphNode>;
}

async function readDirect(
  tx: ManagedTransaction,
  ctx: DiscoveryContext,
  ids: string[],
  into: Collected,
): Promise<Found[]> {
  const result = await tx.run<{ n: Node; ties: { entity: string; rels: Relationship[] }[] }>(
    SHARED_NEIGHBOURS_QUERY,
    {
      ids,
      excludedTypes: excludedTypes(ctx.facts.evidence),
      excludedLabels: ctx.facts.evidence.passageLabels,
      perTie: neo4j.int(PER_TIE),
      limit: neo4j.int(SHARE_ROWS),
    },
  );
  return result.records.map((record) => {
    const node = toGraphNode(record.get('n'));
    const ties = record.get('ties').map((tie) => {
      for (const rel of tie.rels) into.relationships.set(rel.elementId, toGraphRelationship(rel));
      return {
        entity: tie.entity,
        via: null,
        relationships: tie.rels.map((rel) =>
          evidencedRelationship(rel, tie.entity, ctx.facts.evidence),
        ),
      };
    });
    return { node, ties: inOrder(ties, ids) };
  });
}

async function readDiscussed(
  tx: ManagedTransaction,
  ctx: DiscoveryContext,
  ids: string[],
  into: Collected,
): Promise<Found[]> {
  const result = await tx.run<{
    n: Node;
    ties: { entity: string; via: { meeting: string; rels: Relationship[] }[] }[];
  }>(SHARED_DISCUSSED_QUERY, {
    ids,
    perTie: neo4j.int(PER_TIE),
    limit: neo4j.int(SHARE_ROWS),
  });
  return result.records.map((record) => {
    const node = toGraphNode(record.get('n'));
    const ties = record.get('ties').flatMap((tie) =>
      tie.via.map((step) => {
        const [participated, discussed] = step.rels as [Relationship, Relationship];
        for (const rel of step.rels)
          into.relationships.set(rel.elementId, toGraphRelationship(rel));
        return {
          entity: tie.entity,
          via: step.meeting,
          relationships: [
            evidencedRelationship(participated, tie.entity, ctx.facts.evidence),
            evidencedRelationship(discussed, step.meeting, ctx.facts.evidence),
          ],
        };
      }),
    );
    return { node, ties: inOrder(ties, ids) };
  });
}

/** Ties in the order the entities were asked for (Cypher's collect order is arbitrary). */
function inOrder<T extends { entity: string }>(ties: T[], ids: readonly string[]): T[] {
  return ties.sort((a, b) => ids.indexOf(a.entity) - ids.indexOf(b.entity));
}

interface MentionRow {
  passage: Node;
  mention: Relationship;
}

async function readDocuments(
  tx: ManagedTransaction,
  ctx: DiscoveryContext,
  ids: string[],
  into: Collected,
): Promise<SharedDocument[]> {
  const profile = ctx.facts.evidence;
  if (profile.mentionTypes.length === 0) return [];
  const result = await tx.run<{
    d: Node;
    found: { entity: string; mentions: MentionRow[]; total: unknown }[];
  }>(SHARED_DOCUMENTS_QUERY, {
    ids,
    mentionTypes: profile.mentionTypes,
    passageLabels: profile.passageLabels,
    perEntity: neo4j.int(SHARE_QUOTES_PER_ENTITY),
    limit: neo4j.int(SHARE_DOCUMENTS_LIMIT),
  });
  return result.records.map((record) => {
    const document = toGraphNode(record.get('d'));
    into.nodes.set(document.id, document);
    const found = record.get('found');
    return {
      document: document.id,
      mentions: found
        .map((entry) => ({
          entity: entry.entity,
          total: toCount(entry.total),
          quotes: entry.mentions.map(({ passage, mention }): EvidenceQuote => {
            into.passages.set(passage.elementId, toGraphNode(passage));
            return {
              passageId: passage.elementId,
              passageKey: toStringOrNull(passage.properties[PASSAGE_KEY]),
              quote: toStringOrNull(mention.properties[MENTION.quote]),
              start: toNumber(mention.properties[MENTION.start]),
              end: toNumber(mention.properties[MENTION.end]),
              relationshipId: mention.elementId,
            };
          }),
        }))
        .sort((a, b) => ids.indexOf(a.entity) - ids.indexOf(b.entity)),
    };
  });
}

const captionOf = (node: GraphNode): string => {
  for (const key of ['name', 'title', 'key']) {
    const value = node.properties[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return node.id;
};

/** Groups found nodes by kind; items by caption; direct groups by kind, "discussed" last. */
export function groupShared(direct: Found[], discussed: Found[], perGroup: number): ShareGroup[] {
  const groups = new Map<
    string,
    { kind: string; relation: ShareGroup['relation']; found: Found[] }
  >();
  const add = (relation: ShareGroup['relation'], found: Found) => {
    const kind = kindOf(found.node.labels) ?? '(no label)';
    const key = `${relation}\u0000${kind}`;
    const group = groups.get(key) ?? { kind, relation, found: [] };
    group.found.push(found);
    groups.set(key, group);
  };
  const directIds = new Set(direct.map((f) => f.node.id));
  for (const found of direct) add('direct', found);
  for (const found of discussed) if (!directIds.has(found.node.id)) add('discussed', found);
  return [...groups.values()]
    .sort(
      (a, b) =>
        (a.relation === b.relation ? 0 : a.relation === 'direct' ? -1 : 1) ||
        a.kind.localeCompare(b.kind),
    )
    .map((group) => {
      const sorted = group.found.sort(
        (a, b) =>
          captionOf(a.node).localeCompare(captionOf(b.node)) || (a.node.id < b.node.id ? -1 : 1),
      );
      return {
        kind: group.kind,
        relation: group.relation,
        total: sorted.length,
        items: sorted.slice(0, perGroup).map((f) => ({ node: f.node.id, ties: f.ties })),
      };
    });
}

export async function share(ctx: DiscoveryContext, ids: string[]): Promise<ShareResponse> {
  return ctx.db.read(async (tx) => {
    const entities = await readNodes(tx, ids);
    const missing = ids.filter((id) => !entities.has(id));
    if (missing.length > 0) {
      throw notFound(
        `No node has the element id ${missing.map((id) => `"${id}"`).join(', ')} (ids).`,
      );
    }
    const collected: Collected = {
      nodes: new Map(entities),
      relationships: new Map(),
      passages: new Map(),
    };
    const direct = await readDirect(tx, ctx, ids, collected);
    const discussed = await readDiscussed(tx, ctx, ids, collected);
    const documents = await readDocuments(tx, ctx, ids, collected);
    const groups = groupShared(direct, discussed, SHARE_ITEMS_PER_GROUP);

    const listed = new Set(
      groups.flatMap((g) =>
        g.items.flatMap((i) => [i.node, ...i.ties.flatMap((t) => (t.via ? [t.via] : []))]),
      ),
    );
    for (const found of [...direct, ...discussed]) {
      if (listed.has(found.node.id)) collected.nodes.set(found.node.id, found.node);
    }
    const meetings = [...listed].filter((id) => !collected.nodes.has(id));
    for (const [id, node] of await readNodes(tx, meetings)) collected.nodes.set(id, node);
    // Only relationships of listed items go back to the client.
    const keep = new Set(
      groups.flatMap((g) =>
        g.items.flatMap((i) => i.ties.flatMap((t) => t.relationships.map((r) => r.relationship))),
      ),
    );
    const relationships = [...collected.relationships.values()].filter((r) => keep.has(r.id));
    const quotes = [
      ...groups.flatMap((g) =>
        g.items.flatMap((i) => i.ties.flatMap((t) => t.relationships.flatMap((r) => r.evidence))),
      ),
    ];
    for (const passage of await resolvePassages(tx, quotes, ctx.facts.evidence)) {
      collected.passages.set(passage.id, passage);
    }
    const names = ids.map((id) => `"${captionOf(entities.get(id) as GraphNode)}"`);
    return {
      entities: ids.map((id) => entities.get(id) as GraphNode),
      groups,
      documents,
      nodes: [...collected.nodes.values()],
      relationships,
      passages: [...collected.passages.values()],
      message:
        groups.length === 0 && documents.length === 0
          ? `${names.join(' and ')} share no neighbour, and no document mentions them all.`
          : null,
    };
  }, ctx.timeoutMs);
}
