/**
 * Search over any database: its full-text indexes where one covers what is asked for, a bounded
 * scan of string properties otherwise. Both modes ignore case and diacritics; the full-text mode
 * also tolerates small typos and matches word prefixes.
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { SearchHit, SearchResponse } from '../../common/api.ts';
import { compareByCaption } from '../../common/caption.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode } from '../db/encode.ts';
import type { SchemaFacts } from '../schema/read.ts';
import { buildInfixQuery, buildLuceneQuery } from './lucene.ts';
import { bestMatch } from './match.ts';
import { FULLTEXT_SEARCH_QUERY } from './queries.ts';
import { planScan, scanSearch } from './scan.ts';

/** Words of a query that are used; more are ignored. */
export const MAX_QUERY_TERMS = 8;
/** A label filter is applied after the index: ask it for this many hits per wanted hit. */
const LABEL_FILTER_OVERFETCH = 10;

export interface SearchRequest {
  /** Cleaned query text (cleanQuery). */
  query: string;
  /** Its terms (queryTerms); never empty. */
  terms: string[];
  labels: string[] | null;
  limit: number;
}

export interface SearchLimits {
  timeoutMs: number;
  scanLimit: number;
}

/** The full-text indexes that can answer: all node indexes, or those covering a wanted label. */
export function usableIndexes(
  facts: SchemaFacts,
  labels: string[] | null,
): SchemaFacts['fulltextIndexes'] {
  if (!labels) return facts.fulltextIndexes;
  return facts.fulltextIndexes.filter((index) => index.labels.some((l) => labels.includes(l)));
}

export async function searchNodes(
  db: Database,
  facts: SchemaFacts,
  request: SearchRequest,
  limits: SearchLimits,
): Promise<SearchResponse> {
  const indexes = usableIndexes(facts, request.labels);
  if (indexes.length === 0) return scanSearch(db, facts.profile, request, limits);
  const response = await fulltextSearch(
    db,
    facts,
    indexes,
    request,
    limits,
    buildLuceneQuery(request.terms),
  );
  if (response.hits.length > 0) return response;
  // Nothing by word, prefix or typo: look inside the indexed words ("ikistan"), which the index
  // answers in milliseconds where a scan of a large graph takes a second.
  const infix = buildInfixQuery(request.terms);
  if (infix) {
    const inside = await fulltextSearch(db, facts, indexes, request, limits, infix);
    if (inside.hits.length > 0) return inside;
  }
  // Still nothing: the bounded scan sees nodes no index covers, and folded forms of words that
  // a non-folding index keeps with their diacritics. Nodes a folding index covers are not
  // scanned again: on a large graph that scan costs far more than the index's answer.
  const covered = foldingIndexLabels(facts);
  if (planScan(facts.profile.labels, request.labels, limits.scanLimit, covered).length === 0) {
    return response;
  }
  return scanSearch(db, facts.profile, request, limits, covered);
}

/** Full-text analyzers that fold case and diacritics as the scan does (text.ts). */
export const FOLDING_ANALYZERS: ReadonlySet<string> = new Set(['standard-folding']);

/** Labels whose nodes a folding full-text index answers for, so a scan need not look at them. */
export function foldingIndexLabels(facts: Pick<SchemaFacts, 'fulltextIndexes'>): string[] {
  const labels = facts.fulltextIndexes
    .filter((index) => index.analyzer !== null && FOLDING_ANALYZERS.has(index.analyzer))
    .flatMap((index) => index.labels);
  return [...new Set(labels)].sort();
}

async function fulltextSearch(
  db: Database,
  facts: SchemaFacts,
  indexes: SchemaFacts['fulltextIndexes'],
  request: SearchRequest,
  limits: SearchLimits,
  lucene: string,
): Promise<SearchResponse> {
  const fetch = request.labels ? request.limit * LABEL_FILTER_OVERFETCH : request.limit;
  const found = await db.read(async (tx) => {
    const all: { node: Node; score: number; index: (typeof indexes)[number] }[] = [];
    for (const index of indexes) {
      const result = await tx.run<{ node: Node; score: number }>(FULLTEXT_SEARCH_QUERY, {
        index: index.name,
        query: lucene,
        fetch: neo4j.int(fetch),
        limit: neo4j.int(request.limit),
        labels: request.labels,
      });
      for (const record of result.records) {
        all.push({ node: record.get('node'), score: record.get('score'), index });
      }
    }
    return all;
  }, limits.timeoutMs);

  // A node found through several indexes counts once, with its best score.
  const best = new Map<string, (typeof found)[number]>();
  for (const hit of found) {
    const seen = best.get(hit.node.elementId);
    if (!seen || hit.score > seen.score) best.set(hit.node.elementId, hit);
  }
  const hits: SearchHit[] = [...best.values()]
    .map((hit) => ({ ...hit, graphNode: toGraphNode(hit.node) }))
    .sort(
      (a, b) =>
        b.score - a.score || compareByCaption(a.graphNode, b.graphNode, facts.profile.captions),
    )
    .slice(0, request.limit)
    .map((hit) => ({
      node: hit.graphNode,
      score: hit.score,
      match: bestMatch(hit.graphNode.properties, request.query, hit.index.properties),
    }));
  return {
    query: request.query,
    mode: 'fulltext',
    indexes: indexes.map((i) => i.name),
    hits,
    limit: request.limit,
    partial: false,
    partialLabels: [],
    fallback: null,
  };
}
