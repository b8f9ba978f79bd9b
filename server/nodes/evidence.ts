/**
 * Evidence for nodes (the passages that mention them) and for relationships (their index-aligned
 * evidence lists), following the conventions in schema/evidence-profile.ts. Presenters are pure;
 * the readers run inside the caller's read transaction.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type {
  EvidenceBundle,
  EvidenceProfile,
  EvidenceQuote,
  GraphNode,
  Provenance,
} from '../../common/api.ts';
import { toGraphNode } from '../db/encode.ts';
import {
  MENTION,
  PASSAGE_KEY,
  PROVENANCE,
  RELATIONSHIP_EVIDENCE,
} from '../schema/evidence-profile.ts';
import { toNumber, toStringOrNull } from '../schema/records.ts';
import { mentionsQuery, passagesByKeyQuery } from './queries.ts';

/** Quotes returned per node at most; `total` says how many there are. */
export const EVIDENCE_LIMIT = 50;

/** Where an element says it comes from, when the database records provenance. */
export function provenanceOf(
  properties: Record<string, unknown>,
  profile: EvidenceProfile,
): Provenance | null {
  if (!profile.provenance) return null;
  const source = toStringOrNull(properties[PROVENANCE.source]);
  if (source === null) return null;
  return { source, basis: toStringOrNull(properties[PROVENANCE.basis]) };
}

function listAt(properties: Record<string, unknown>, key: string): unknown[] {
  const value = properties[key];
  return Array.isArray(value) ? value : [];
}

/** The quotes in a relationship's evidence lists (entry i of each list is quote i). */
export function quotesOfRelationship(properties: Record<string, unknown>): EvidenceQuote[] {
  const passages = listAt(properties, RELATIONSHIP_EVIDENCE.passages);
  const quotes = listAt(properties, RELATIONSHIP_EVIDENCE.quotes);
  const starts = listAt(properties, RELATIONSHIP_EVIDENCE.starts);
  const ends = listAt(properties, RELATIONSHIP_EVIDENCE.ends);
  const count = Math.max(passages.length, quotes.length);
  return Array.from({ length: count }, (_, i) => ({
    passageId: null,
    passageKey: toStringOrNull(passages[i]),
    quote: toStringOrNull(quotes[i]),
    start: toNumber(starts[i]),
    end: toNumber(ends[i]),
    relationshipId: null,
  }));
}

/** Fills in passage ids for quotes that name their passage by key; returns the passages. */
export async function resolvePassages(
  tx: ManagedTransaction,
  quotes: EvidenceQuote[],
  profile: EvidenceProfile,
): Promise<GraphNode[]> {
  const keys = [...new Set(quotes.map((q) => q.passageKey).filter((k): k is string => k !== null))];
  if (keys.length === 0 || profile.passageLabels.length === 0) return [];
  const result = await tx.run<{ p: Node }>(passagesByKeyQuery(profile.passageLabels), { keys });
  const byKey = new Map<string, Node>();
  for (const record of result.records) {
    const passage = record.get('p');
    const key = toStringOrNull(passage.properties[PASSAGE_KEY]);
    if (key !== null && !byKey.has(key)) byKey.set(key, passage);
  }
  for (const quote of quotes) {
    const passage = quote.passageKey === null ? undefined : byKey.get(quote.passageKey);
    if (passage) quote.passageId = passage.elementId;
  }
  return [...byKey.values()].map(toGraphNode);
}

/** The passages that mention a node, with each quote; null when the database has no mentions. */
export async function readMentionEvidence(
  tx: ManagedTransaction,
  nodeId: string,
  profile: EvidenceProfile,
): Promise<EvidenceBundle | null> {
  if (profile.mentionTypes.length === 0) return null;
  const result = await tx.run<{ passages: Node[]; mentions: Relationship[]; total: unknown }>(
    mentionsQuery(profile.mentionTypes),
    {
      id: nodeId,
      limit: neo4j.int(EVIDENCE_LIMIT),
    },
  );
  const record = result.records[0];
  if (!record) return { quotes: [], passages: [], total: 0 };
  const passages = record.get('passages').map(toGraphNode);
  const quotes = record.get('mentions').map((m): EvidenceQuote => ({
    passageId: m.startNodeElementId,
    passageKey: null,
    quote: toStringOrNull(m.properties[MENTION.quote]),
    start: toNumber(m.properties[MENTION.start]),
    end: toNumber(m.properties[MENTION.end]),
    relationshipId: m.elementId,
  }));
  for (const quote of quotes) {
    const passage = passages.find((p) => p.id === quote.passageId);
    const key = passage?.properties[PASSAGE_KEY];
    quote.passageKey = typeof key === 'string' ? key : null;
  }
  return { quotes, passages, total: toNumber(record.get('total')) ?? quotes.length };
}
