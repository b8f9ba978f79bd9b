/**
 * Search over any database: its full-text indexes where one covers what is asked for (our
 * model's source indexes only when the others find nothing), a bounded scan of string properties
 * otherwise. Both modes ignore case and diacritics; the full-text mode
 * also tolerates small typos and matches word prefixes.
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { SearchHit, SearchResponse } from '../../common/api.ts';
import { compareByCaption } from '../../common/caption.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode } from '../db/encode.ts';
import { SOURCE_FULLTEXT_INDEXES } from '../model/ontology.ts';
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

/**
 * The full-text indexes that can answer: all node indexes, or those covering a wanted label
 * (an index on `Entity` answers for `Country` when every country is an entity).
 */
export function usableIndexes(
  facts: SchemaFacts,
  labels: string[] | null,
): SchemaFacts['fulltextIndexes'] {
  if (!labels) return facts.fulltextIndexes;
  return facts.fulltextIndexes.filter((index) => index.covers.some((l) => labels.includes(l)));
}

/**
 * Indexes over the sources a graph's facts are read from (our model's passages and documents):
 * asked only when the other indexes find nothing, so a name is answered by its entity before
 * the many passages that mention it.
 */
export const SOURCE_INDEXES: ReadonlySet<string> = new Set(SOURCE_FULLTEXT_INDEXES);

/** The usable indexes in the order they are asked: entity indexes, then source indexes. */
export function indexTiers(
  indexes: SchemaFacts['fulltextIndexes'],
): SchemaFacts['fulltextIndexes'][] {
  const sources = indexes.filter((index) => SOURCE_INDEXES.has(index.name));
  const others = indexes.filter((index) => !SOURCE_INDEXES.has(index.name));
  return [others, sources].filter((tier) => tier.length > 0);
}

export async function searchNodes(
  db: Database,
  facts: SchemaFacts,
  request: SearchRequest,
  limits: SearchLimits,
): Promise<SearchResponse> {
  const tiers = indexTiers(usableIndexes(facts, request.labels));
  if (tiers.length === 0) return scanSearch(db, facts.profile, request, limits);
  for (const indexes of tiers) {
    const response = await fulltextSearch(
      db,
      facts,
      indexes,
      request,
      limits,
      buildLuceneQuery(request.terms),
    );
    if (response.hits.length > 0) return response;
    // Nothing by word, prefix or typo: look inside the indexed words ("ikistan"), which the
    // index answers in milliseconds where a scan of a large graph takes a second.
    const infix = buildInfixQuery(request.terms);
    if (infix) {
      const inside = await fulltextSearch(db, facts, indexes, request, limits, infix);
      if (inside.hits.length > 0) return inside;
    }
  }
  // The empty answer names every index asked.
  const response = fulltextResponse(request, tiers.flat(), []);
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

/**
 * Labels whose nodes a folding full-text index answers for, so a scan need not look at them:
 * the index's own labels and those whose every node carries one of them.
 */
export function foldingIndexLabels(facts: Pick<SchemaFacts, 'fulltextIndexes'>): string[] {
  const labels = facts.fulltextIndexes
    .filter((index) => index.analyzer !== null && FOLDING_ANALYZERS.has(index.analyzer))
    .flatMap((index) => index.covers);
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
  return fulltextResponse(request, indexes, hits);
}

function fulltextResponse(
  request: SearchRequest,
  indexes: SchemaFacts['fulltextIndexes'],
  hits: SearchHit[],
): SearchResponse {
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
